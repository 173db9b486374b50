/**
 * What of the status is worth sending: the status flattened to dotted keys, and only the
 * leaves that moved past their deadband since they were last reported, so an idle station
 * sends almost nothing (DESIGN.md decision 2). Lists of objects with ids (zones) are flattened
 * per id; other lists are sent whole, with fractions rounded to three significant digits so a
 * noisy reading inside does not resend the list (whole numbers such as ids are kept exact).
 */
export type Flat = Record<string, unknown>;

/** Paths that change by themselves and carry nothing for the district. */
const IGNORED = [/^uptimeS$/, /^events\./, /^modules\.uplink(\.|$)/];
/**
 * Fields that change by themselves at any depth: timestamps ("…At", such as a line check's
 * readAt), durations and buffer fills ("…Ms"), counters of checks done. Sending them would
 * turn every 30 s line check into a message (about 7 MB a day with four zones).
 */
const VOLATILE_FIELD = /(At|Ms)$|^(checks|uptimeS)$/;

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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list leaf as sent: volatile fields left out, fractions to three significant digits. */
function leaf(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(3));
  if (Array.isArray(v)) return v.map(leaf);
  if (isObject(v))
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !VOLATILE_FIELD.test(k))
        .map(([k, x]) => [k, leaf(x)]),
    );
  return v;
}

/** A list of objects each with its own id (zones) is flattened per id, so bands apply per reading. */
function byId(list: unknown[]): Map<string, Record<string, unknown>> | undefined {
  const m = new Map<string, Record<string, unknown>>();
  for (const x of list) {
    if (!isObject(x) || (typeof x.id !== 'number' && typeof x.id !== 'string')) return undefined;
    if (m.has(String(x.id))) return undefined;
    m.set(String(x.id), x);
  }
  return m.size ? m : undefined;
}

export function flatten(o: unknown, prefix = '', out: Flat = {}): Flat {
  if (isObject(o)) {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (VOLATILE_FIELD.test(k) || IGNORED.some((re) => re.test(key))) continue;
      flatten(v, key, out);
    }
    return out;
  }
  if (o === undefined) return out;
  const ids = Array.isArray(o) ? byId(o) : undefined;
  if (ids) for (const [id, { id: _id, ...rest }] of ids) flatten(rest, `${prefix}.${id}`, out);
  else out[prefix] = Array.isArray(o) ? leaf(o) : o;
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
