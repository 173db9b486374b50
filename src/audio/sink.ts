/**
 * Where the on-air PCM goes. The engine makes frames on its own clock; a real-time sink
 * (sound card, the pipe to the sound-card stand-in) paces it by back-pressure: the engine
 * stops producing while the sink's backlog is above its lead. Taps (on-air log, confidence
 * monitor) get a copy of every frame and never hold the output back: a slow tap loses frames.
 */

export interface SinkStatus {
  kind: string;
  target: string;
  ok: boolean;
  framesWritten: number;
  error?: string | undefined;
}

export interface OutputSink {
  readonly kind: string;
  /** Audio kept queued ahead of the device so timer jitter never underruns it. */
  readonly leadMs: number;
  open(): Promise<void>;
  write(frame: Buffer): void;
  /** Bytes accepted but not yet taken by the device. */
  backlogBytes(): number;
  close(): Promise<void>;
  status(): SinkStatus;
}

export interface FrameTap {
  readonly name: string;
  write(frame: Buffer): void;
}

/** Discards the audio (a station with no sound card yet; the meters and taps still run). */
export class NullSink implements OutputSink {
  readonly kind = 'null';
  readonly leadMs = 0;
  private frames = 0;
  async open(): Promise<void> {}
  write(_frame: Buffer): void {
    this.frames++;
  }
  backlogBytes(): number {
    return 0;
  }
  async close(): Promise<void> {}
  status(): SinkStatus {
    return { kind: 'null', target: '-', ok: true, framesWritten: this.frames };
  }
}
