/**
 * The hung-modem ladder. A modem that says it is connected while no byte arrives for stallMs
 * (the uplink's 60 s keepalive keeps a healthy idle link receiving) is hung: reconnect the
 * data connection, then reset the modem, then cut its power through the profile's relay —
 * each step only if the one before did not bring data back within its wait. A modem that does
 * not answer at all goes straight to the power cycle. After a full ladder without success the
 * station waits (backoff, doubling up to backoffMaxMs) and raises `modem.hung`; power cycles
 * are capped per 24 h. Never a reboot loop: the ladder never restarts the station itself.
 */
import type { Clock } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { ModemRecovery } from '../hal/modem-profile.js';
import { MODEM_ALARMS } from './thresholds.js';

export type Step = 'reconnect' | 'reset' | 'power-cycle';
const STEPS: Step[] = ['reconnect', 'reset', 'power-cycle'];
const DAY_MS = 86_400_000;

export interface LadderActions {
  reconnect(): Promise<void>;
  reset(): Promise<void>;
  /** Undefined when the profile names no power relay. */
  powerCycle: ((offMs: number) => Promise<void>) | undefined;
}

export interface Observation {
  /** The modem answered this poll. */
  present: boolean;
  /** …and said its data connection is up. */
  claimsConnected: boolean;
  /** The interface's received-bytes counter (undefined while the interface is gone). */
  rxBytes: number | undefined;
}

export interface LadderStatus {
  state: 'watching' | 'recovering' | 'backoff';
  step: Step | null;
  /** Since the last byte arrived (…Ms: not sent to the district, it changes by itself). */
  silentForMs: number;
  powerCycles24h: number;
  lastRecovery: { step: Step | null; seconds: number } | null;
}

export class RecoveryLadder {
  private lastRx: number | undefined;
  private lastDataAt: number;
  private step = -1;
  private stepUntil = 0;
  private backoffUntil = 0;
  private backoffMs: number;
  private powerCycles: number[] = [];
  private last: LadderStatus['lastRecovery'] = null;
  private busy = false;

  constructor(
    private readonly cfg: ModemRecovery,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly alarms: Alarms,
    private readonly actions: LadderActions,
  ) {
    this.lastDataAt = clock.monotonic();
    this.backoffMs = cfg.backoffMs;
  }

  status(): LadderStatus {
    const now = this.clock.monotonic();
    return {
      state: this.step >= 0 ? 'recovering' : now < this.backoffUntil ? 'backoff' : 'watching',
      step: this.step >= 0 ? (STEPS[this.step] ?? null) : null,
      silentForMs: Math.round(now - this.lastDataAt),
      powerCycles24h: this.recentPowerCycles(now),
      lastRecovery: this.last,
    };
  }

  /** Called after every poll; runs at most one step at a time. */
  async observe(o: Observation): Promise<void> {
    const now = this.clock.monotonic();
    if (this.flowing(o.rxBytes)) return this.recovered(now);
    if (this.busy || now < this.backoffUntil) return;
    const hungLooking = o.claimsConnected || !o.present;
    if (this.step < 0) {
      if (hungLooking && now - this.lastDataAt >= this.cfg.stallMs) await this.begin(now, o.present);
      return;
    }
    if (now >= this.stepUntil) await this.next(now);
  }

  private flowing(rx: number | undefined): boolean {
    const before = this.lastRx;
    this.lastRx = rx;
    return rx !== undefined && before !== undefined && rx > before;
  }

  private recovered(now: number): void {
    if (this.step >= 0 || this.alarms.has(MODEM_ALARMS.hung)) {
      const seconds = Math.round((now - this.lastDataAt) / 100) / 10;
      const step = this.step >= 0 ? (STEPS[this.step] ?? null) : null;
      this.last = { step, seconds };
      this.events.emit({
        kind: 'modem.recovered',
        severity: 'info',
        sub: 'modem',
        message: `4G data flowing again after ${seconds} s${step ? ` (after ${step})` : ''}`,
        text: { key: 'ev.modem.recovered', vars: { seconds } },
        details: { step, seconds },
      });
      this.alarms.clear(MODEM_ALARMS.hung, '4G data flowing again');
    }
    this.step = -1;
    this.backoffUntil = 0;
    this.backoffMs = this.cfg.backoffMs;
    this.lastDataAt = now;
  }

  /** A modem that answers starts at reconnect; a silent one can only be power-cycled. */
  private async begin(now: number, present: boolean): Promise<void> {
    await this.run(present ? 0 : 2, now);
  }

  private async next(now: number): Promise<void> {
    await this.run(this.step + 1, now);
  }

  private async run(index: number, now: number): Promise<void> {
    let i = index;
    if (i === 2 && !this.canPowerCycle(now)) i = 3;
    if (i >= STEPS.length) return this.giveUp(now);
    const step = STEPS[i] as Step;
    this.step = i;
    this.busy = true;
    const silentS = Math.round((now - this.lastDataAt) / 1000);
    this.events.emit({
      kind: 'modem.recovery',
      severity: 'warning',
      sub: 'modem',
      message: `4G modem: no data for ${silentS} s while connected: ${step}`,
      text: { key: 'ev.modem.recovery', vars: { seconds: silentS, step: { key: `ev.modem.step.${step}` } } },
      details: { step, silentS },
    });
    try {
      await this.act(step, now);
    } catch (e) {
      this.events.emit({
        kind: 'modem.recovery-failed',
        severity: 'warning',
        sub: 'modem',
        message: `4G modem ${step} failed: ${(e as Error).message}`,
        text: { key: 'ev.modem.recovery-failed', vars: { step: { key: `ev.modem.step.${step}` } } },
        details: { step, error: (e as Error).message },
      });
    } finally {
      this.busy = false;
      this.stepUntil = this.clock.monotonic() + this.waitFor(step);
    }
  }

  private async act(step: Step, now: number): Promise<void> {
    if (step === 'reconnect') return this.actions.reconnect();
    if (step === 'reset') return this.actions.reset();
    this.powerCycles.push(now);
    await this.actions.powerCycle?.(this.cfg.powerOffMs);
  }

  private waitFor(step: Step): number {
    if (step === 'reconnect') return this.cfg.reconnectWaitMs;
    if (step === 'reset') return this.cfg.resetWaitMs;
    return this.cfg.powerCycleWaitMs;
  }

  private canPowerCycle(now: number): boolean {
    return !!this.actions.powerCycle && this.recentPowerCycles(now) < this.cfg.maxPowerCyclesPerDay;
  }

  private recentPowerCycles(now: number): number {
    this.powerCycles = this.powerCycles.filter((t) => now - t < DAY_MS);
    return this.powerCycles.length;
  }

  private giveUp(now: number): void {
    this.step = -1;
    this.backoffUntil = now + this.backoffMs;
    const why = this.canPowerCycle(now)
      ? 'reconnect, reset and power cycle did not help'
      : this.actions.powerCycle
        ? `power cycles capped at ${this.cfg.maxPowerCyclesPerDay} a day`
        : 'no power relay in the profile';
    this.alarms.raise(
      MODEM_ALARMS.hung,
      'modem',
      `4G modem still without data (${why}); next try in ${Math.round(this.backoffMs / 60_000)} min`,
      { backoffMs: this.backoffMs },
    );
    this.backoffMs = Math.min(this.backoffMs * 2, this.cfg.backoffMaxMs);
  }
}
