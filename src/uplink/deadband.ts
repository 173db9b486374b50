/**
 * What of the status is worth sending: the status flattened to dotted keys, and only the
 * leaves that moved past their deadband since they were last reported, so an idle station
 * sends almost nothing (DESIGN.md decision 2). Fractional numbers within arrays are rounded to
 * three significant digits first so a noisy reading inside a list does not resend the list
 * (whole numbers such as times and ids are kept exact).
 */
export type Flat = Record<string, unknown>;

/** Keys that change by themselves and carry nothing for the district. */
const IGNORED = [/^uptimeS$/, /^events\./, /^modules\.uplink(\.|$)/];

export interface Band {
  abs: number;
  rel: number;
}

/**
 * Deadbands by key suffix; the default suits readings of a few units to a few hundred.
 * Temperature 1 °C and current 0.1 A resolve a transmitter warming up and a zone switching
 * (a zone of 100 V speakers draws ≥ 0.1 A); power 5 % is below what a VSWR trip responds to.
 */
const BANDS: [RegExp, Band][] = [
  [/temperatureC$/, { abs: 1, rel: 0 }],
  [/currentA$/, { abs: 0.1, rel: 0.05 }],
  [/W$/, { abs: 1, rel: 0.05 }],
];
const DEFAULT_BAND: Band = { abs: 0.5, rel: 0.05 };

export function bandFor(key: string): Band {
  for (const [re, b] of BANDS) if (re.test(key)) return b;
  return DEFAULT_BAND;
}

function round3(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(3));
  if (Array.isArray(v)) return v.map(round3);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, round3(x)]));
  return v;
}

export function flatten(o: unknown, prefix = '', out: Flat = {}): Flat {
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (IGNORED.some((re) => re.test(key))) continue;
      flatten(v, key, out);
    }
    return out;
  }
  if (o === undefined) return out;
  out[prefix] = Array.isArray(o) ? round3(o) : o;
  return out;
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
