/**
 * What the configured speakers say a line should read, and what supervision can honestly see
 * on it. A 100 V line with N speakers tapped at P watts each has Z = V² / (N·P); losing k of
 * them raises Z by k/(N−k), so one missing speaker shows as +1/(N−1): at ±10 % only lines with
 * N ≤ 10 show it (N = 11 sits exactly on the limit), at the default ±20 % only N ≤ 5.
 */
import type { ZoneSpec } from '../hal/profile.js';

export function expectedOhm(speakers: ZoneSpec['speakers']): number {
  return (speakers.lineV * speakers.lineV) / (speakers.count * speakers.tapW);
}

/** Impedance change (fraction) when `missing` of `count` equal speakers are gone. */
export function missingRise(count: number, missing: number): number {
  if (missing >= count) return Number.POSITIVE_INFINITY;
  return count / (count - missing) - 1;
}

/**
 * A change exactly at the tolerance is not outside it: 1/(N−1) must exceed the tolerance. The
 * issue's rule of thumb ("at ±10 % only N ≤ 11") counts N = 11 (+10.0 %) in; a reading cannot
 * put that line outside ±10 %, so Loa reports it as not detectable (N ≤ 10 at ±10 %).
 */
const EPS = 1e-9;

export interface Detectability {
  /** One missing speaker moves the reading beyond the tolerance. */
  detectsOneMissingSpeaker: boolean;
  /** The fewest missing speakers that show as degraded. */
  minMissingDetected: number;
  /** The change one missing speaker makes, in % (for the report). */
  oneMissingPct: number;
}

export function detectability(count: number, tolerance: number): Detectability {
  let k = 1;
  while (k < count && missingRise(count, k) <= tolerance + EPS) k++;
  return {
    detectsOneMissingSpeaker: missingRise(count, 1) > tolerance + EPS,
    minMissingDetected: k,
    oneMissingPct: round(missingRise(count, 1) * 100, 1),
  };
}

export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
