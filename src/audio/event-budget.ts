/**
 * Audio events that describe rather than spam: each kind of event (switches; one source's
 * health changes) may be logged a few times per window; past that the rest of the window is
 * counted, and one summary ("flapping: N switches in M s") is logged when the window ends.
 * A 4G link flapping four times a second used to write ≈ 14,000 `audio.switch` events an
 * hour into a log bounded at 5,000, each queued for the district over the same weak link.
 * Time is the engine's frame count (20 ms each): deterministic, no clock of its own.
 */
export interface Suppressed {
  key: string;
  count: number;
  /** How long the window that overflowed lasted, ms. */
  spanMs: number;
  /** The last suppressed event's message. */
  last: string;
}

interface Window {
  start: number;
  logged: number;
  suppressed: number;
  last: string;
}

export class EventBudget {
  private readonly windows = new Map<string, Window>();

  constructor(
    /** Events of one key logged per window (default 6 a minute). */
    private readonly perWindow = 6,
    private readonly windowMs = 60_000,
  ) {}

  /** May an event of `key` be logged now? If not, it is counted for the window's summary. */
  allow(key: string, now: number, message: string): boolean {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, logged: 0, suppressed: 0, last: '' };
      this.windows.set(key, w);
    }
    if (w.logged < this.perWindow) {
      w.logged++;
      return true;
    }
    w.suppressed++;
    w.last = message;
    return false;
  }

  /** Windows that have ended with events suppressed (each reported once); idle ones are forgotten. */
  due(now: number): Suppressed[] {
    const out: Suppressed[] = [];
    for (const [key, w] of this.windows) {
      if (now - w.start < this.windowMs) continue;
      if (w.suppressed > 0)
        out.push({ key, count: w.logged + w.suppressed, spanMs: this.windowMs, last: w.last });
      this.windows.delete(key);
    }
    return out;
  }
}
