/**
 * A station's line measurement history for the console's charts (issue 17 item 5): from the
 * hub's `measurements` (each row the status leaves that moved past their deadband,
 * uplink/deadband.ts) the zones' impedance, earth leakage and line state (docs/lines.md) over
 * 24 h, 7 d or 30 d, downsampled here to at most MAX_POINTS per zone: per time bucket the last
 * value, the lowest and highest impedance, the lowest insulation and the worst state — so a
 * short fault inside a bucket is never averaged away. The limits drawn are the line
 * supervision's defaults (src/lines/settings.ts); a station may have its own.
 */
import { defaultSettings } from '../../lines/settings.js';
import type { MeasurementRow } from '../history.js';
import { unflatten } from '../stations.js';
import type { EventHistory } from '../stores.js';

export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type Range = keyof typeof RANGES;
/** Points per zone sent to the browser: a 360 px phone shows fewer than this many pixels. */
export const MAX_POINTS = 240;
/** Rows read per request at most (a 30-day range of a noisy line); more: the newest are kept. */
export const MAX_ROWS = 20_000;
const PREFIX = 'modules.lines.zones.';
/** Worst first, the order of docs/lines.md's table (its priority). */
const STATES = ['sensor-fault', 'short', 'open', 'earth-fault', 'degraded', 'ok'];
const worse = (a: string, b: string) => {
  const ia = STATES.indexOf(a);
  const ib = STATES.indexOf(b);
  return (ia < 0 ? 99 : ia) <= (ib < 0 ? 99 : ib) ? a : b;
};

export interface LinePoint {
  t: number;
  ohm: number | null;
  ohmMin: number | null;
  ohmMax: number | null;
  earthKohm: number | null;
  state: string;
}

interface ZoneNow {
  ohm?: unknown;
  earthKohm?: unknown;
  state?: unknown;
  name?: unknown;
  baselineOhm?: unknown;
  expectedOhm?: unknown;
  tolerancePct?: unknown;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Each zone's readings as a step series: every change, with the values carried forward. */
function rawSeries(earlier: MeasurementRow[], rows: MeasurementRow[], sinceMs: number) {
  const cur = new Map<string, ZoneNow>();
  const seen = new Set<string>();
  // the values in force at the start: the newest earlier change of each key wins
  for (const r of earlier)
    for (const [k, v] of Object.entries(r.changes)) {
      if (!k.startsWith(PREFIX) || seen.has(k)) continue;
      seen.add(k);
      const [zone, field] = k.slice(PREFIX.length).split('.');
      if (zone && field) cur.set(zone, { ...cur.get(zone), [field]: v });
    }
  const series = new Map<string, { t: number; z: ZoneNow }[]>();
  for (const [zone, z] of cur) series.set(zone, [{ t: sinceMs, z: { ...z } }]);
  for (const r of rows) {
    const touched = new Set<string>();
    for (const [k, v] of Object.entries(r.changes)) {
      if (!k.startsWith(PREFIX)) continue;
      const [zone, field] = k.slice(PREFIX.length).split('.');
      if (!zone || !field) continue;
      cur.set(zone, { ...cur.get(zone), [field]: v });
      touched.add(zone);
    }
    for (const zone of touched) {
      const list = series.get(zone) ?? [];
      list.push({ t: r.ts, z: { ...cur.get(zone) } });
      series.set(zone, list);
    }
  }
  return series;
}

/**
 * At most MAX_POINTS time buckets over the range; each keeps the last value, the extremes and
 * the worst state, and starts where its first reading was. A change of state starts a point of
 * its own (a fault is drawn from the reading that said so to the next change) while there are
 * fewer than 2 × MAX_POINTS; a line flapping faster than that shows its worst state per bucket.
 */
export function downsample(list: { t: number; z: ZoneNow }[], sinceMs: number, untilMs: number): LinePoint[] {
  const width = Math.max(1, (untilMs - sinceMs) / MAX_POINTS);
  const out: LinePoint[] = [];
  let bucket = -1;
  for (const { t, z } of list) {
    const b = Math.floor((t - sinceMs) / width);
    const ohm = num(z.ohm);
    const earth = num(z.earthKohm);
    const state = typeof z.state === 'string' ? z.state : 'unknown';
    const last = out.at(-1);
    const split = last !== undefined && last.state !== state && out.length < 2 * MAX_POINTS;
    if (b !== bucket || !last || split) {
      bucket = b;
      out.push({ t, ohm, ohmMin: ohm, ohmMax: ohm, earthKohm: earth, state });
      continue;
    }
    last.ohm = ohm;
    if (ohm !== null) {
      last.ohmMin = last.ohmMin === null ? ohm : Math.min(last.ohmMin, ohm);
      last.ohmMax = last.ohmMax === null ? ohm : Math.max(last.ohmMax, ohm);
    }
    if (earth !== null) last.earthKohm = last.earthKohm === null ? earth : Math.min(last.earthKohm, earth);
    last.state = worse(last.state, state);
  }
  return out;
}

function limitsOf(z: ZoneNow) {
  const s = defaultSettings();
  const baseline = num(z.baselineOhm);
  const reference = baseline ?? num(z.expectedOhm);
  const tol = (num(z.tolerancePct) ?? s.tolerance * 100) / 100;
  return {
    baselineOhm: baseline,
    expectedOhm: num(z.expectedOhm),
    referenceOhm: reference,
    tolerancePct: Math.round(tol * 1000) / 10,
    shortBelowOhm: reference === null ? null : reference * s.shortFraction,
    openAboveOhm: reference === null ? null : reference * s.openFactor,
    earthFaultKohm: s.earthFaultKohm,
  };
}

/** The charts' data: per zone its points, its current reading (the stored state) and its limits. */
export function lineHistory(
  events: EventHistory,
  station: { id: string; state: string; last_contact: number },
  range: Range,
  now: number,
) {
  const sinceMs = now - RANGES[range];
  const q = { stationId: station.id, sinceMs, untilMs: now, keyPrefix: PREFIX, limit: MAX_ROWS, before: 50 };
  const { rows, earlier, truncated } = events.measurements(q);
  const series = rawSeries(earlier, rows, sinceMs);
  const status = unflatten(JSON.parse(station.state)) as { modules?: { lines?: { zones?: object } } };
  const nowZones = (status.modules?.lines?.zones ?? {}) as Record<string, ZoneNow>;
  const ids = [...new Set([...Object.keys(nowZones), ...series.keys()])].sort(
    (a, b) => Number(a) - Number(b),
  );
  const zones = ids.map((id) => {
    const zNow = nowZones[id] ?? series.get(id)?.at(-1)?.z ?? {};
    const list = series.get(id) ?? [];
    // the stored state as of the last contact ends the series (a steady line sends no changes)
    const at = Math.min(now, Math.max(sinceMs, station.last_contact, list.at(-1)?.t ?? 0));
    const drawn = nowZones[id] ? [...list, { t: at, z: zNow }] : list;
    return {
      id: Number(id),
      name: typeof zNow.name === 'string' ? zNow.name : '',
      points: downsample(drawn, sinceMs, now),
      measured: list.length - (list[0]?.t === sinceMs ? 1 : 0),
      now: { ohm: num(zNow.ohm), earthKohm: num(zNow.earthKohm), state: String(zNow.state ?? 'unknown') },
      limits: limitsOf(zNow),
    };
  });
  return { stationId: station.id, range, sinceMs, untilMs: now, truncated, rows: rows.length, zones };
}
