/**
 * The modem's alarms, each with hysteresis so a flapping cell raises it once: weak signal
 * (RSRP below the threshold for weakForMs; cleared only above threshold + hysteresisDb), not
 * registered (for unregisteredForMs), data budget nearly spent (at budgetAlarmPct of the
 * month's plan; cleared 5 points below), and the modem missing (no answer at all).
 */
import type { Clock } from '../core/clock.js';
import type { Alarms } from '../core/events.js';
import type { ModemThresholds } from '../hal/modem-profile.js';
import { type ModemReading, registered } from './types.js';

const BUDGET_CLEAR_POINTS = 5;
/** Polls without an answer before `modem.missing`: one slow answer (a modem busy with a network
 * scan can take seconds) is not a missing modem. */
const MISSING_AFTER_POLLS = 3;

export const MODEM_ALARMS = {
  weak: 'modem.weak-signal',
  unregistered: 'modem.not-registered',
  budget: 'modem.data-budget',
  missing: 'modem.missing',
  hung: 'modem.hung',
} as const;

export class ModemAlarms {
  private weakSince: number | undefined;
  private unregisteredSince: number | undefined;
  private silentPolls = 0;

  constructor(
    private readonly t: ModemThresholds,
    private readonly alarms: Alarms,
    private readonly clock: Clock,
    private readonly planMb: number,
  ) {}

  reading(r: ModemReading): void {
    this.silentPolls = 0;
    this.alarms.clear(MODEM_ALARMS.missing, 'the modem answers again');
    this.signal(r.signal.rsrpDbm);
    this.registration(r);
  }

  /** The modem did not answer (unplugged, hung, or ModemManager has lost it). */
  missing(reason: string): void {
    if (++this.silentPolls < MISSING_AFTER_POLLS) return;
    this.alarms.raise(MODEM_ALARMS.missing, 'modem', `4G modem not answering: ${reason}`, { reason });
  }

  budget(usedMb: number): void {
    if (this.planMb <= 0) return;
    const pct = (usedMb / this.planMb) * 100;
    if (pct >= this.t.budgetAlarmPct)
      this.alarms.raise(
        MODEM_ALARMS.budget,
        'modem',
        `SIM data ${pct.toFixed(0)} % of the month's plan used (${usedMb.toFixed(0)} of ${this.planMb} MB)`,
        { usedMb: Math.round(usedMb), planMb: this.planMb, pct: Math.round(pct) },
      );
    else if (pct < this.t.budgetAlarmPct - BUDGET_CLEAR_POINTS)
      this.alarms.clear(MODEM_ALARMS.budget, `SIM data use back to ${pct.toFixed(0)} % of the plan`);
  }

  private signal(rsrp: number | null): void {
    if (rsrp === null) return; // unknown (off LTE, or not reported): neither weak nor good
    const now = this.clock.monotonic();
    if (rsrp < this.t.weakRsrpDbm) {
      this.weakSince ??= now;
      if (now - this.weakSince >= this.t.weakForMs)
        this.alarms.raise(
          MODEM_ALARMS.weak,
          'modem',
          `weak 4G signal: RSRP ${rsrp} dBm below ${this.t.weakRsrpDbm} dBm`,
          { rsrpDbm: rsrp, thresholdDbm: this.t.weakRsrpDbm },
        );
      return;
    }
    if (rsrp >= this.t.weakRsrpDbm + this.t.hysteresisDb) {
      this.weakSince = undefined;
      this.alarms.clear(MODEM_ALARMS.weak, `4G signal good again: RSRP ${rsrp} dBm`);
    }
  }

  private registration(r: ModemReading): void {
    const now = this.clock.monotonic();
    if (registered(r.registration)) {
      this.unregisteredSince = undefined;
      this.alarms.clear(MODEM_ALARMS.unregistered, `registered on ${r.operator ?? 'the network'}`);
      return;
    }
    this.unregisteredSince ??= now;
    if (now - this.unregisteredSince >= this.t.unregisteredForMs)
      this.alarms.raise(
        MODEM_ALARMS.unregistered,
        'modem',
        `4G modem not registered on a network (${r.registration})`,
        { registration: r.registration },
      );
  }
}
