/**
 * The hub's stores on PostgreSQL (issue 20 item 4), on a real server on loopback
 * (test/helpers/postgres.ts: Debian's PostgreSQL 15, fsync on, synchronous_commit on):
 * hub.pg.ingest_commit_ms_p99 — one station batch (10 events) from the write group's add to
 *   its commit (BEGIN, SAVEPOINT, the station row locked, 10 INSERTs, UPDATE, RELEASE, COMMIT:
 *   libpq's synchronous calls, so this is also how long the hub's event loop is held); p99 of
 *   2,000 batches from 100 stations. The same on SQLite (synchronous=FULL, the default hub) is
 *   in the note, measured the same way in the same run.
 * hub.pg.get_station_p99_ms — GetStation over gRPC from a real hub daemon (`--db postgres://`)
 *   holding 1,000 stations, 1,000 calls to random stations one at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../src/core/clock.js';
import { DistrictClient } from '../../src/district/client.js';
import { openPgStores } from '../../src/district/pg/stores.js';
import { openSqliteStores } from '../../src/district/sqlite.js';
import type { IngestItem } from '../../src/district/stations.js';
import type { HubStores } from '../../src/district/stores.js';
import { startHub } from '../../test/helpers/hub.js';
import { startPostgres } from '../../test/helpers/postgres.js';
import { type Figure, median, percentile } from '../figures.js';
import { benchHello } from './hub-retention.js';

const STATIONS = 100;
const BATCHES = 2000;
const LOOKUP_STATIONS = 1000;

const hello = benchHello;

function batch(from: number): IngestItem[] {
  return Array.from({ length: 10 }, (_, i) => ({
    seq: from + i,
    ts: Date.now(),
    kind: 'event' as const,
    event: {
      seq: from + i,
      kind: 'zone.changed',
      severity: 'info' as const,
      sub: 'zones',
      message: 'zone 1 on',
      details: { zone: 1, on: true },
    },
  }));
}

/** Milliseconds from add to commit for each batch, one batch per group. */
function ingestTimes(s: HubStores): number[] {
  for (let i = 0; i < STATIONS; i++) s.stations.hello(hello(`xa-${i}`));
  const next = new Array<number>(STATIONS).fill(1);
  const ms: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const k = b % STATIONS;
    const id = `xa-${k}`;
    const items = batch(next[k] as number);
    next[k] = (next[k] as number) + 10;
    const t0 = performance.now();
    s.writes.add(
      () => s.stations.ingest(id, items),
      () => ms.push(performance.now() - t0),
    );
    s.writes.flush();
  }
  return ms;
}

function stationState(i: number): Record<string, unknown> {
  const flat: Record<string, unknown> = { 'power.state': 'on', 'tx.temperatureC': 40 + (i % 9) };
  for (let z = 1; z <= 8; z++) {
    flat[`zones.${z}.on`] = z % 2 === 0;
    flat[`zones.${z}.line.ohms`] = 8 + z;
  }
  return flat;
}

async function getStationMs(url: string, dir: string): Promise<number[]> {
  const s = openPgStores(url, dir, new SystemClock());
  for (let i = 0; i < LOOKUP_STATIONS; i++) {
    s.stations.hello(hello(`xb-${i}`));
    s.stations.snapshot(`xb-${i}`, 0, stationState(i));
  }
  s.db.close();
  const hub = await startHub(join(dir, 'hub'), { LOA_DB: url });
  const op = new DistrictClient(`127.0.0.1:${hub.port}`);
  try {
    const ms: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = `xb-${Math.floor(Math.random() * LOOKUP_STATIONS)}`;
      const t0 = performance.now();
      await op.call('GetStation', { stationId: id });
      ms.push(performance.now() - t0);
    }
    return ms;
  } finally {
    op.close();
    await hub.stop();
  }
}

const r2 = (v: number) => Math.round(v * 100) / 100;

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-pg-'));
  const pg = await startPostgres();
  try {
    const pgStores = openPgStores(pg.createDatabase('ingest'), join(dir, 'a'), new SystemClock());
    const onPg = ingestTimes(pgStores);
    pgStores.db.close();
    const lite = openSqliteStores(join(dir, 'sqlite'), new SystemClock());
    const onSqlite = ingestTimes(lite);
    lite.db.close();
    const get = await getStationMs(pg.createDatabase('lookup'), join(dir, 'b'));
    return [
      {
        name: 'hub.pg.ingest_commit_ms_p99',
        value: r2(percentile(onPg, 99)),
        unit: 'ms',
        note: `10-event batch → committed, ${BATCHES} batches, loopback PostgreSQL 15; median ${r2(median(onPg))} ms; SQLite (synchronous=FULL) same run: p99 ${r2(percentile(onSqlite, 99))}, median ${r2(median(onSqlite))} ms`,
      },
      {
        name: 'hub.pg.get_station_p99_ms',
        value: r2(percentile(get, 99)),
        unit: 'ms',
        note: `GetStation over gRPC, hub daemon on PostgreSQL with ${LOOKUP_STATIONS} stations, 1000 calls; median ${r2(median(get))} ms`,
      },
    ];
  } finally {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
