/** A sink that keeps every output frame in memory, for tests on the ManualClock. */
import type { OutputSink, SinkStatus } from '../../src/audio/sink.js';

export class MemorySink implements OutputSink {
  readonly kind = 'memory';
  readonly leadMs = 0;
  readonly frames: Buffer[] = [];
  async open(): Promise<void> {}
  write(frame: Buffer): void {
    this.frames.push(Buffer.from(frame));
  }
  backlogBytes(): number {
    return 0;
  }
  async close(): Promise<void> {}
  status(): SinkStatus {
    return { kind: 'memory', target: '-', ok: true, framesWritten: this.frames.length };
  }
  pcm(): Buffer {
    return Buffer.concat(this.frames);
  }
}
