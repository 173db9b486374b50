/**
 * How fast a source receives audio against real time, over a sliding window: the amount of
 * audio (ms of decoded PCM, or input bytes) that arrived in the last `windowMs`, in buckets
 * of `bucketMs`. A source is measured only once it has run a whole window since it
 * (re)connected, so a connection's start-up or its burst is never mistaken for the link's rate.
 */
export class RateMeter {
  private readonly buckets: number[];
  private bucketAt = 0;
  private since = 0;
  private total = 0;

  constructor(
    readonly windowMs: number,
    private readonly bucketMs = 250,
  ) {
    this.buckets = new Array(Math.max(1, Math.round(windowMs / bucketMs))).fill(0);
  }

  /** Starts measuring afresh (a new connection). */
  reset(now: number): void {
    this.buckets.fill(0);
    this.total = 0;
    this.since = now;
    this.bucketAt = Math.floor(now / this.bucketMs);
  }

  add(now: number, amount: number): void {
    this.roll(now);
    const i = this.bucketAt % this.buckets.length;
    this.buckets[i] = (this.buckets[i] as number) + amount;
    this.total += amount;
  }

  /** Amount per millisecond over the window; undefined until a whole window has been seen. */
  perMs(now: number): number | undefined {
    this.roll(now);
    if (now - this.since < this.windowMs) return undefined;
    // the current bucket is partly elapsed: count the window as the full buckets behind it
    const span = (this.buckets.length - 1) * this.bucketMs + (now % this.bucketMs);
    return span > 0 ? this.total / span : undefined;
  }

  private roll(now: number): void {
    const b = Math.floor(now / this.bucketMs);
    const steps = Math.min(b - this.bucketAt, this.buckets.length);
    for (let k = 1; k <= steps; k++) {
      const i = (this.bucketAt + k) % this.buckets.length;
      this.total -= this.buckets[i] as number;
      this.buckets[i] = 0;
    }
    if (b > this.bucketAt) this.bucketAt = b;
  }
}
