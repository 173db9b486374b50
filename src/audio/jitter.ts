/**
 * A source's jitter buffer: PCM chunks as the decoder delivers them, read back in whole
 * 20 ms frames. Bounded: past `maxBytes` the oldest audio is dropped (a live relay stays near
 * the live edge instead of growing latency).
 */
import { FRAME_BYTES } from './pcm.js';

export class JitterBuffer {
  private chunks: Buffer[] = [];
  private head = 0;
  private size = 0;
  /** Bytes dropped because the buffer overflowed. */
  dropped = 0;

  constructor(private maxBytes: number) {}

  /** A new bound (a source that learnt its transport's needs, e.g. an HLS target duration). */
  setMax(bytes: number): void {
    this.maxBytes = bytes;
  }

  get bytes(): number {
    return this.size;
  }

  get frames(): number {
    return Math.floor(this.size / FRAME_BYTES);
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    const over = this.size - this.maxBytes;
    // drop whole frames only, so channel and sample alignment survive
    if (over > 0) this.discard(Math.ceil(over / FRAME_BYTES) * FRAME_BYTES);
  }

  /** One frame, or undefined when less than a frame is buffered. */
  read(): Buffer | undefined {
    if (this.size < FRAME_BYTES) return undefined;
    const out = Buffer.allocUnsafe(FRAME_BYTES);
    this.take(FRAME_BYTES, out);
    return out;
  }

  /** Drops up to n bytes from the front. */
  discard(n: number): void {
    const k = Math.min(n, this.size);
    this.take(k, undefined);
    this.dropped += k;
  }

  clear(): void {
    this.dropped += this.size;
    this.reset();
  }

  /** Empties the buffer without counting the audio as dropped (a source re-armed off air). */
  reset(): void {
    this.chunks = [];
    this.head = 0;
    this.size = 0;
  }

  private take(n: number, out: Buffer | undefined): void {
    let got = 0;
    while (got < n) {
      const c = this.chunks[0] as Buffer;
      const k = Math.min(c.length - this.head, n - got);
      if (out) c.copy(out, got, this.head, this.head + k);
      got += k;
      this.head += k;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.size -= n;
  }
}
