/**
 * The console's line history (src/district/console/line-history.ts) over the hub's real SQLite
 * store: measurements ingested as a station sends them (status changes past their deadband),
 * read back per zone for a range, downsampled to a bounded number of points without losing a
 * short fault, the values in force at the range's start carried in, and nothing for a station
 * that has measured nothing.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { lineHistory, MAX_POINTS } from '../../src/district/console/line-history.js';
import { checkRequest } from '../../src/district/requests.js';
import { openSqliteStores, type SqliteStores } from '../../src/district/sqlite.js';
import { tempDir } from '../helpers/sim-station.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 5, 0, 0, 0);
let dir: string;
let stores: SqliteStores;

function open(): void {
  dir = tempDir('loa-line-history-');
  const clock = new ManualClock(T0);
  stores = openSqliteStores(dir, clock);
  stores.stations.hello({
    stationId: 'xa-1',
    bootId: 'b',
    softwareVersion: 't',
    appliedDesiredVersion: 0,
    firstUnackedSeq: 1,
    lastSeq: 0,
    outboxEpoch: 'e1',
  });
}

afterEach(() => {
  stores?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const z = (k: string) => `modules.lines.zones.1.${k}`;
const row = () => stores.stations.get('xa-1') as NonNullable<ReturnType<typeof stores.stations.get>>;

describe('line history for the console charts', () => {
  it('says nothing was measured for a station with no readings', () => {
    open();
    const h = lineHistory(stores.events, row(), '24h', T0);
    expect(h.zones).toEqual([]);
    expect(h.rows).toBe(0);
  });

  it('downsamples a day of readings to a bounded series that keeps a brief fault and the start value', () => {
    open();
    let seq = 0;
    const items = [];
    // before the range: the reading in force at its start
    items.push({
      seq: ++seq,
      ts: T0 - 30 * HOUR,
      kind: 'changes' as const,
      changes: { [z('ohm')]: 80, [z('state')]: 'ok', [z('baselineOhm')]: 83 },
    });
    // a day of readings every 20 s, one of them an open line for a single reading
    for (let i = 0; i < 4320; i++) {
      const ts = T0 - 24 * HOUR + i * 20_000;
      const open = i === 2000;
      items.push({
        seq: ++seq,
        ts,
        kind: 'changes' as const,
        changes: open
          ? { [z('ohm')]: 5000, [z('state')]: 'open' }
          : { [z('ohm')]: 80 + (i % 7), [z('state')]: 'ok', 'transmitter.temperatureC': 40 },
      });
    }
    stores.stations.ingest('xa-1', items);
    const h = lineHistory(stores.events, row(), '24h', T0);
    const zone = h.zones.find((x) => x.id === 1);
    if (!zone) throw new Error('no zone 1');
    expect(zone.points.length).toBeLessThanOrEqual(2 * MAX_POINTS);
    expect(zone.points.length).toBeGreaterThan(100);
    expect(zone.points.some((p) => p.state === 'open' && p.ohmMax === 5000)).toBe(true);
    // the fault is a point of its own, and the line is ok again at the next one
    const at = zone.points.findIndex((p) => p.state === 'open');
    expect(zone.points[at]?.t).toBe(T0 - 24 * HOUR + 2000 * 20_000);
    expect(zone.points[at + 1]).toMatchObject({ state: 'ok', t: T0 - 24 * HOUR + 2001 * 20_000 });
    // the first bucket starts at the range's start with the value in force before it (80 Ω)
    expect(zone.points[0]).toMatchObject({ t: T0 - 24 * HOUR, ohmMin: 80 });
    expect(zone.limits.baselineOhm).toBe(83);
    expect(zone.limits.openAboveOhm).toBe(83 * 4);
    expect(zone.limits.shortBelowOhm).toBeCloseTo(83 * 0.2);
    // a shorter range reads only its part
    const week = lineHistory(stores.events, row(), '7d', T0);
    expect(week.rows).toBe(h.rows + 1);
  });

  it('refuses a range it does not offer, naming the field', () => {
    expect(() => checkRequest('ListMeasurements', { stationId: 'xa-1', range: '1y' })).toThrow(
      /ListMeasurements: range: allowed: "24h", "7d", "30d" \(got "1y"\)/,
    );
    expect(() => checkRequest('ListMeasurements', { stationId: '../x', range: '24h' })).toThrow(/stationId/);
    checkRequest('ListMeasurements', { stationId: 'xa-1', range: '30d' });
  });
});
