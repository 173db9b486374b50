/**
 * Reconnect delays: exponential from min to max with jitter, so a district's stations do not
 * all redial in the same second after the hub restarts (DESIGN.md decision 1: 1 s -> 60 s).
 * Each delay is drawn uniformly from [d/2, d] ("equal jitter").
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const d = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(d / 2 + (this.random() * d) / 2);
  }

  /** A session got through: the next break starts from min again. */
  reset(): void {
    this.attempt = 0;
  }
}
