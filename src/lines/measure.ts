/**
 * One reading of a zone's line through the HAL: the sensed voltage and current give the
 * impedance Z = V / I (under the inaudible pilot, the programme when on air, or the audible
 * test tone), and the insulation monitor gives the leakage to earth. A reading that cannot
 * be taken or makes no physical sense is a sensor fault, never a guess.
 */
import { toLoaError } from '../core/errors.js';
import type { AnalogIn, DigitalIn, DigitalOut } from '../hal/types.js';

export type Method = 'tone' | 'passive';

export interface ZoneSense {
  id: number;
  name: string;
  voltage: AnalogIn;
  current: AnalogIn;
  earth: AnalogIn;
  relay: DigitalOut;
  feedback: DigitalIn | undefined;
  speakers: { count: number; tapW: number; lineV: number };
  /** One count of the current reading's ADC, A, where the board says (Firmata: its calibration). */
  currentStepA?: number | undefined;
}

export interface Reading {
  v: number;
  i: number;
  ohm: number;
  earthKohm: number;
  method: Method;
  /** Relative error of `ohm` from the current reading's resolution (half an ADC step). */
  quantisation: number;
  /** Why the reading is unusable, when it is (sensor fault). */
  sensorFault?: string | undefined;
}

export interface SenseLimits {
  minSenseV: number;
  currentStepA: number;
}

function bad(x: number): boolean {
  return !Number.isFinite(x) || x < 0;
}

/** Impedance and its quantisation error from V and I. */
export function impedance(v: number, i: number, stepA: number): { ohm: number; quantisation: number } {
  if (i <= 0) return { ohm: Number.POSITIVE_INFINITY, quantisation: Number.POSITIVE_INFINITY };
  return { ohm: v / i, quantisation: stepA / 2 / i };
}

/** Voltage and current only: the fast short check needs nothing more. */
export async function readLine(z: ZoneSense, lim: SenseLimits): Promise<Reading> {
  return read(z, lim, 'passive', false);
}

export async function readZone(z: ZoneSense, lim: SenseLimits, method: Method): Promise<Reading> {
  return read(z, lim, method, true);
}

async function read(z: ZoneSense, lim: SenseLimits, method: Method, withEarth: boolean): Promise<Reading> {
  let v: number;
  let i: number;
  let earthKohm = Number.NaN;
  try {
    [v, i] = await Promise.all([z.voltage.read(), z.current.read()]);
    if (withEarth) earthKohm = await z.earth.read();
  } catch (e) {
    return fault(method, `sense channel unreadable: ${toLoaError(e).message}`);
  }
  const base = { v, i, earthKohm, method, ...impedance(v, i, lim.currentStepA) };
  if (bad(v) || bad(i)) return { ...base, sensorFault: `impossible reading V=${v} I=${i}` };
  if (withEarth && (bad(earthKohm) || earthKohm === 0))
    return { ...base, sensorFault: `impossible insulation reading ${earthKohm} kΩ` };
  if (v < lim.minSenseV)
    return { ...base, sensorFault: `no sense signal on the line (${v.toFixed(2)} V < ${lim.minSenseV} V)` };
  return base;
}

function fault(method: Method, why: string): Reading {
  const n = Number.NaN;
  return { v: n, i: n, ohm: n, earthKohm: n, method, quantisation: n, sensorFault: why };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
