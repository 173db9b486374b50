/**
 * Time as a dependency (DESIGN.md decision 8). Domain code never calls Date.now() or the
 * global timers directly: it takes a Clock, so tests run days of schedule in milliseconds.
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Wall-clock time, epoch milliseconds (may jump when NTP corrects it). */
  now(): number;
  /** Monotonic milliseconds for measuring durations; never jumps. */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  setInterval(fn: () => void, ms: number): Timer;
  sleep(ms: number): Promise<void>;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
  monotonic(): number {
    return performance.now();
  }
  setTimeout(fn: () => void, ms: number): Timer {
    const t = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(t) };
  }
  setInterval(fn: () => void, ms: number): Timer {
    const t = setInterval(fn, ms);
    return { cancel: () => clearInterval(t) };
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

interface PendingTimer {
  id: number;
  due: number;
  fn: () => void;
  every?: number;
}

/** Lets promise chains started by a timer settle before the next timer fires. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when told to. Timers fire in due order; between two timers the
 * promise chains they started are allowed to settle, so async domain code behaves as it
 * would in real time.
 */
export class ManualClock implements Clock {
  private wall: number;
  private mono = 0;
  private timers: PendingTimer[] = [];
  private nextId = 1;

  constructor(startEpochMs = Date.UTC(2026, 0, 5, 0, 0, 0)) {
    this.wall = startEpochMs;
  }

  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  setTimeout(fn: () => void, ms: number): Timer {
    return this.add(fn, Math.max(0, ms));
  }
  setInterval(fn: () => void, ms: number): Timer {
    return this.add(fn, Math.max(1, ms), Math.max(1, ms));
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.mono + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.step(next.due - this.mono);
      if (next.every) next.due += next.every;
      else this.timers = this.timers.filter((t) => t !== next);
      next.fn();
      await settle();
    }
    this.step(target - this.mono);
    await settle();
  }

  /** Moves the wall clock alone (an NTP correction or an RTC-less boot); timers are unaffected. */
  jumpWall(deltaMs: number): void {
    this.wall += deltaMs;
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  private step(delta: number): void {
    this.mono += delta;
    this.wall += delta;
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.timers)
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }

  private add(fn: () => void, ms: number, every?: number): Timer {
    const timer: PendingTimer = { id: this.nextId++, due: this.mono + ms, fn, ...(every ? { every } : {}) };
    this.timers.push(timer);
    return {
      cancel: () => {
        this.timers = this.timers.filter((t) => t !== timer);
      },
    };
  }
}
