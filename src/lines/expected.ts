/**
 * What the configured speakers say a line should read, and what supervision can honestly see
 * on it. A 100 V line with N speakers tapped at P watts each has Z = V² / (N·P); losing k of
 * them raises Z by k/(N−k), so one missing speaker shows as +1/(N−1): at ±10 % only lines with
 * N ≤ 11 show it, at the default ±20 % only N ≤ 6.
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

/** Tiny slack so that 1/(N−1) exactly at the tolerance counts as "shows", as the issue states. */
const EPS = 1e-9;

export interface Detectability {
  /** One missing speaker moves the reading to the tolerance or beyond. */
  detectsOneMissingSpeaker: boolean;
  /** The fewest missing speakers that show as degraded. */
  minMissingDetected: number;
  /** The change one missing speaker makes, in % (for the report). */
  oneMissingPct: number;
}

export function detectability(count: number, tolerance: number): Detectability {
  let k = 1;
  while (k < count && missingRise(count, k) < tolerance - EPS) k++;
  return {
    detectsOneMissingSpeaker: missingRise(count, 1) >= tolerance - EPS,
    minMissingDetected: k,
    oneMissingPct: round(missingRise(count, 1) * 100, 1),
  };
}

export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
