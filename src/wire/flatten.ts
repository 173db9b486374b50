/**
 * The station's status as the district stores it: flattened to dotted keys (`zones.2.relay`),
 * lists of objects with ids (zones) flattened per id, other lists sent whole with fractions
 * rounded to three significant digits so a noisy reading inside does not resend the list
 * (whole numbers such as ids are kept exact). The station's deadband (uplink/deadband.ts)
 * diffs these leaves; the hub flattens a snapshot the same way, so both agree on the keys.
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
