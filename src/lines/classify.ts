/**
 * Classification of line readings. Each reading gets a class with hysteresis (a state is left
 * only when the reading is back inside its threshold by the hysteresis fraction); a zone's
 * state changes only when 2 of its last 3 readings agree (debounce), so one bouncing reading
 * never flaps the state.
 */
import type { Reading } from './measure.js';

export const LINE_STATES = ['ok', 'degraded', 'open', 'short', 'earth-fault', 'sensor-fault'] as const;
export type LineState = (typeof LINE_STATES)[number];
export type ZoneState = LineState | 'unknown';

export interface Thresholds {
  /** Reference impedance: the commissioning baseline, else the expected one from the speakers. */
  refOhm: number;
  calibrated: boolean;
  tolerance: number;
  hysteresis: number;
  earthFaultKohm: number;
  shortFraction: number;
  openFactor: number;
  currentStepA: number;
}

/** Deviation from the reference, as a fraction (+0.25 = 25 % above). */
export function deviation(ohm: number, refOhm: number): number {
  return ohm / refOhm - 1;
}

/**
 * The class of one reading given the zone's current state. Ok and degraded are told apart only
 * when the reading's error bar (its quantisation) lies wholly on one side of the limit;
 * otherwise it is 'unresolved': healthy as far as faults go, too coarse to move the zone between
 * ok and degraded (a test-tone reading can settle it).
 */
export function classify(r: Reading, cur: ZoneState, t: Thresholds): LineState | 'unresolved' {
  if (r.sensorFault) return 'sensor-fault';
  const h = 1 + t.hysteresis;
  const shortBelow = t.refOhm * t.shortFraction * (cur === 'short' ? h : 1);
  if (r.ohm < shortBelow) return 'short';
  const openAbove = (t.refOhm * t.openFactor) / (cur === 'open' ? h : 1);
  if (r.i <= t.currentStepA || r.ohm > openAbove) return 'open';
  if (r.earthKohm < t.earthFaultKohm * (cur === 'earth-fault' ? h : 1)) return 'earth-fault';
  if (!t.calibrated) return 'ok';
  const limit = t.tolerance * (cur === 'degraded' ? 1 - t.hysteresis : 1);
  const dev = Math.abs(deviation(r.ohm, t.refOhm));
  if (dev - r.quantisation > limit) return 'degraded';
  if (dev + r.quantisation <= limit) return 'ok';
  return 'unresolved';
}

/** Resolves 'unresolved' against the current state: it keeps ok/degraded as they are. */
export function resolveClass(c: LineState | 'unresolved', cur: ZoneState): LineState {
  if (c !== 'unresolved') return c;
  return cur === 'degraded' ? 'degraded' : 'ok';
}

/**
 * The last 3 classes of a zone. A change to a fault or degraded state needs 2 of them (the
 * issue's debounce); a return to ok needs all 3, so an intermittent line (water in a junction
 * box) stays reported as faulty instead of flapping between fault and ok.
 */
export class Debounce {
  private readonly window: LineState[] = [];

  constructor(
    private readonly size = 3,
    private readonly need = 2,
  ) {}

  push(c: LineState, cur: ZoneState): LineState | undefined {
    this.window.push(c);
    if (this.window.length > this.size) this.window.shift();
    const n = this.window.filter((x) => x === c).length;
    const need = c === 'ok' && cur !== 'unknown' ? this.size : this.need;
    return n >= need ? c : undefined;
  }

  reset(): void {
    this.window.length = 0;
  }
}
