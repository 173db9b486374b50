/**
 * Waking the runner at an instant of wall-clock time. In production node-schedule fires the
 * job at the date; tests use the injected Clock (ManualClock), so a week runs in
 * milliseconds. Either way the runner re-plans from "what should be on air now" when it
 * wakes, so a late or missed wake never replays or skips anything.
 */
import schedule from 'node-schedule';
import type { Clock, Timer } from './clock.js';

export interface WakeTimer {
  /** Calls fn at wall-clock instant epochMs (at once if it has passed). */
  at(epochMs: number, fn: () => void): Timer;
}

/** Wakes through the Clock's timers (ManualClock in tests). */
export class ClockWake implements WakeTimer {
  constructor(private readonly clock: Clock) {}
  at(epochMs: number, fn: () => void): Timer {
    return this.clock.setTimeout(fn, Math.max(0, epochMs - this.clock.now()));
  }
}

/** Wakes through node-schedule jobs (production, SystemClock). */
export class NodeScheduleWake implements WakeTimer {
  at(epochMs: number, fn: () => void): Timer {
    if (epochMs <= Date.now()) {
      const t = setTimeout(fn, 0);
      return { cancel: () => clearTimeout(t) };
    }
    const job = schedule.scheduleJob(new Date(epochMs), fn);
    return { cancel: () => job?.cancel() };
  }
}
