/**
 * What of the status is worth sending: only the leaves of the flattened status
 * (wire/flatten.ts) that moved past their deadband since they were last reported, so an idle
 * station sends almost nothing (DESIGN.md decision 2).
 */
import type { Flat } from '../wire/flatten.js';

export type { Flat } from '../wire/flatten.js';

export interface Band {
  abs: number;
  rel: number;
}

/**
 * Deadbands by key suffix; the default suits readings of a few units to a few hundred.
 * Temperature 1 °C and current 0.1 A resolve a transmitter warming up and a zone switching
 * (a zone of 100 V speakers draws ≥ 0.1 A); power 5 % is below what a VSWR trip responds to;
 * audio levels 6 dB tell programme from silence without following the programme's dynamics.
 */
const BANDS: [RegExp, Band][] = [
  // 4G signal (modem module): RSRP/RSSI wander ±3 dB on a still cell; 6 dB is a real change
  // (one quality band is 15 dB), RSRQ/SINR 3 dB; data use in MB: 1 MB or 10 %
  [/(rsrp|rssi)Dbm$/, { abs: 6, rel: 0 }],
  [/(rsrq|sinr)Db$/, { abs: 3, rel: 0 }],
  [/Mb$/, { abs: 1, rel: 0.1 }],
  [/temperatureC$/, { abs: 1, rel: 0 }],
  [/currentA$/, { abs: 0.1, rel: 0.05 }],
  [/Dbfs$/, { abs: 6, rel: 0 }],
  [/W$/, { abs: 1, rel: 0.05 }],
];
const DEFAULT_BAND: Band = { abs: 0.5, rel: 0.05 };

export function bandFor(key: string): Band {
  for (const [re, b] of BANDS) if (re.test(key)) return b;
  return DEFAULT_BAND;
}

function moved(key: string, before: unknown, now: unknown): boolean {
  if (typeof before === 'number' && typeof now === 'number') {
    const b = bandFor(key);
    return Math.abs(now - before) >= Math.max(b.abs, b.rel * Math.abs(before));
  }
  return JSON.stringify(before) !== JSON.stringify(now);
}

/** Tracks what was last reported; `diff` returns the leaves to send and records them. */
export class Deadband {
  private reported: Flat = {};

  /** Everything is now known to the district (a snapshot went out). */
  reset(flat: Flat): void {
    this.reported = { ...flat };
  }

  diff(flat: Flat): Flat {
    const out: Flat = {};
    for (const [k, v] of Object.entries(flat))
      if (!(k in this.reported) || moved(k, this.reported[k], v)) out[k] = v;
    for (const k of Object.keys(this.reported)) if (!(k in flat)) out[k] = null;
    for (const [k, v] of Object.entries(out))
      if (v === null) delete this.reported[k];
      else this.reported[k] = v;
    return out;
  }
}
