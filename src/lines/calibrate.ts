/**
 * Commissioning: a zone's baseline is the median of several readings, accepted only when it
 * is measurable (enough ADC steps of current under the test signal) and agrees with the
 * impedance its configured speakers should give (Z = V² / Σ tap power). A shorted, open,
 * earth-faulted or wildly different line is refused with the reason, and nothing is recorded.
 */
import { round } from './expected.js';
import { median, type Reading } from './measure.js';
import type { Baseline, LinesSettings } from './settings.js';

export type CalibrationResult =
  | { ok: true; baseline: Baseline }
  | { ok: false; reason: string; measuredOhm: number | undefined };

export interface CalibrationInput {
  readings: Reading[];
  expectedOhm: number;
  speakers: { count: number; tapW: number; lineV: number };
  settings: LinesSettings;
  now: number;
}

const fmt = (ohm: number) => (Number.isFinite(ohm) ? `${round(ohm, ohm < 10 ? 2 : 1)} Ω` : '∞ Ω');

export function checkCalibration(c: CalibrationInput): CalibrationResult {
  const s = c.settings;
  const faulty = c.readings.filter((r) => r.sensorFault);
  if (faulty.length * 2 >= c.readings.length)
    return { ok: false, reason: `sensor fault: ${faulty[0]?.sensorFault}`, measuredOhm: undefined };
  const good = c.readings.filter((r) => !r.sensorFault);
  const ohm = median(good.map((r) => r.ohm));
  const i = median(good.map((r) => r.i));
  const v = median(good.map((r) => r.v));
  const earth = median(good.map((r) => r.earthKohm));
  const speakers = `${c.speakers.count} × ${c.speakers.tapW} W at ${c.speakers.lineV} V`;
  const refuse = (reason: string): CalibrationResult => ({ ok: false, reason, measuredOhm: ohm });
  if (ohm < c.expectedOhm * s.shortFraction)
    return refuse(`short circuit: reads ${fmt(ohm)}, expected ${fmt(c.expectedOhm)} (${speakers})`);
  const minI = s.minCurrentSteps * s.currentStepA;
  if (i < minI)
    return refuse(
      `outside the measurable range: ${round(i * 1000, 1)} mA at ${round(v, 2)} V is under ${s.minCurrentSteps} steps of the ${s.currentStepA * 1000} mA current reading (line open, or above ${fmt(v / minI)})`,
    );
  const ratio = ohm / c.expectedOhm;
  if (ratio < 1 / s.calibrateMaxRatio)
    return refuse(
      `reads ${fmt(ohm)}, far below the ${fmt(c.expectedOhm)} expected from ${speakers}: more speakers than configured, or a partial short`,
    );
  if (ratio > s.calibrateMaxRatio)
    return refuse(
      `reads ${fmt(ohm)}, far above the ${fmt(c.expectedOhm)} expected from ${speakers}: a broken line, missing speakers, or fewer speakers than configured`,
    );
  if (earth < s.earthFaultKohm)
    return refuse(`earth fault: insulation ${round(earth, 1)} kΩ is below ${s.earthFaultKohm} kΩ`);
  const method = good.every((r) => r.method === 'tone') ? 'tone' : 'passive';
  return {
    ok: true,
    baseline: {
      ohm: round(ohm, 3),
      earthKohm: round(earth, 1),
      expectedOhm: round(c.expectedOhm, 3),
      method,
      at: c.now,
    },
  };
}
