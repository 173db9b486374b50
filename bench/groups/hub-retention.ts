/**
 * hub.db_bytes_per_station_year — what one station adds to the hub's SQLite database in a year
 *   at the retention defaults (retention-config.ts), retention running: bytes in use (pages
 *   holding data, indexes included) after 365 simulated days of one station.
 * hub.db_bytes_per_station_steady — the same after 5 simulated years, when every class has
 *   reached its age limit (audit: 5 years): what a station costs for good (docs/sizing.md).
 * hub.retention_batch_ms_p99 — how long one retention step holds the hub's event loop (one
 *   DELETE transaction of at most batchRows rows, or one incremental-vacuum step), p99 over the
 *   whole run; max in the note.
 *
 * The day is real: link.bytes_per_station_day's day (a real station daemon and hub, the two
 * broadcast windows, every link timing 720x faster) is run first, and the rows its hub stored
 * (measurements and events, as the station sent them) are that station's day. To them are added
 * what an idle day lacks: six programmes in the play log (playlog.item events as the schedule
 * writes them) and two operator actions in the hub's audit. The year then goes through the real
 * stores (StationStore.ingest, AuditStore.add) on a ManualClock, one day at a time, with
 * retention run to completion after each day, exactly as the hub's timer would leave it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/core/clock.js';
import { endText } from '../../src/core/i18n.js';
import { Logger } from '../../src/core/log.js';
import { Retention } from '../../src/district/retention.js';
import { DEFAULT_RETENTION } from '../../src/district/retention-config.js';
import { openSqliteStores, type SqliteStores } from '../../src/district/sqlite.js';
import type { IngestItem } from '../../src/district/stations.js';
import type { StoreMaintenance } from '../../src/district/stores.js';
import { type Figure, percentile } from '../figures.js';
import { bytesPerDay } from './link.js';

const DAY_MS = 86_400_000;

/** A new station's first hello (outbox epoch "e", nothing sent yet), straight into the stores. */
export function benchHello(stationId: string) {
  return {
    stationId,
    bootId: 'b',
    softwareVersion: 'bench',
    appliedDesiredVersion: 0,
    firstUnackedSeq: 1,
    lastSeq: 0,
    outboxEpoch: 'e',
  };
}
/** link.ts runs its day this much faster than real time. */
const SCALE = 720;

interface DayItem {
  /** Milliseconds into the day. */
  at: number;
  item: IngestItem;
}

/** The rows the real day left in its hub, as the items the station sent. */
function recordedDay(file: string): DayItem[] {
  const db = new Database(file, { readonly: true });
  const m = db.prepare('SELECT seq, ts, changes FROM measurements').all() as {
    seq: number;
    ts: number;
    changes: string;
  }[];
  const e = db
    .prepare(
      "SELECT seq, ts, event_seq, kind, severity, sub, message, details, text FROM events WHERE kind != 'uplink.dropped'",
    )
    .all() as {
    seq: number;
    ts: number;
    event_seq: number;
    kind: string;
    severity: string;
    sub: string;
    message: string;
    details: string;
    text: string;
  }[];
  db.close();
  const t0 = Math.min(...m.map((r) => r.ts), ...e.map((r) => r.ts));
  const at = (ts: number) => Math.min(DAY_MS - 1, (ts - t0) * SCALE);
  const items: DayItem[] = [
    ...m.map((r) => ({
      at: at(r.ts),
      item: { seq: r.seq, ts: r.ts, kind: 'changes' as const, changes: JSON.parse(r.changes) },
    })),
    ...e.map((r) => ({
      at: at(r.ts),
      item: {
        seq: r.seq,
        ts: r.ts,
        kind: 'event' as const,
        event: {
          seq: r.event_seq,
          kind: r.kind,
          severity: r.severity as 'info',
          sub: r.sub,
          message: r.message,
          details: JSON.parse(r.details),
          text: r.text ? JSON.parse(r.text) : undefined,
        },
      },
    })),
  ];
  return items.sort((a, b) => a.item.seq - b.item.seq);
}

/** Six programmes a day in the play log: the two windows' relay, news and notices. */
function playLog(day: number): DayItem[] {
  const starts = [5.5, 5.75, 6.1, 17, 17.3, 17.7].map((h) => h * 3_600_000);
  return starts.map((start, i) => {
    const entry = {
      id: `d${day}-p${i}`,
      kind: 'programme',
      programmeId: `prog-${i}`,
      title: i % 3 === 0 ? 'Tiếp sóng Đài Tiếng nói Việt Nam' : 'Bản tin thời sự của xã',
      tier: 'normal',
      start,
      end: start + 900_000,
      endReason: 'finished',
      sources: [{ at: start, source: i % 3 === 0 ? 'relay' : `media:${'ab'.repeat(32)}` }],
      zones: [1, 2, 3, 4],
      confirmed: { at: start + 1200, levelDbfs: -18.5, current: true },
    };
    return {
      at: start + 900_000,
      item: {
        seq: 0,
        ts: 0,
        kind: 'event' as const,
        event: {
          seq: 0,
          kind: 'playlog.item',
          severity: 'info' as const,
          sub: 'schedule',
          message: `${entry.title}: 900 s on zones 1,2,3,4 (finished)`,
          // as schedule/play-log.ts words it
          text: {
            key: 'ev.playlog.item',
            vars: { title: entry.title, seconds: 900, zones: '1,2,3,4', reason: endText('finished') },
          },
          details: entry,
        },
      },
    };
  });
}

/** A StoreMaintenance that times each batch (the longest the hub's event loop is held). */
function timed(m: StoreMaintenance, ms: number[]): StoreMaintenance {
  return {
    startRun: () => m.startRun(),
    pruneBatch: (now, rows) => {
      const t = performance.now();
      const r = m.pruneBatch(now, rows);
      if (r) ms.push(performance.now() - t);
      return r;
    },
    reclaim: (pages) => {
      const t = performance.now();
      const n = m.reclaim(pages);
      if (n) ms.push(performance.now() - t);
      return n;
    },
    status: (now) => m.status(now),
    usedBytes: () => m.usedBytes(),
    probeWrite: (now) => m.probeWrite(now),
  };
}

interface Sim {
  stores: SqliteStores;
  clock: ManualClock;
  retention: Retention;
  seq: number;
}

async function simulateDay(s: Sim, day: number, recorded: DayItem[]): Promise<void> {
  const start = s.clock.now();
  const items = [...recorded, ...playLog(day)].sort((a, b) => a.at - b.at);
  // one batch per simulated 5 minutes, as a station's outbox sends them
  let batch: IngestItem[] = [];
  let until = 300_000;
  const send = () => {
    if (batch.length) s.stores.stations.ingest('bench-a', batch);
    batch = [];
  };
  for (const { at, item } of items) {
    while (at >= until) {
      send();
      until += 300_000;
    }
    s.seq++;
    const ts = start + at;
    batch.push(
      item.kind === 'event'
        ? { ...item, seq: s.seq, ts, event: { ...item.event, seq: s.seq } }
        : { ...item, seq: s.seq, ts },
    );
    if (s.clock.now() < ts) await s.clock.advance(ts - s.clock.now());
  }
  send();
  for (const what of ['PushSchedule', 'SendCommand'])
    s.stores.audit.add(
      { who: 'operator-huyen', role: 'operator', via: 'tls' },
      what,
      { stationIds: ['bench-a'] },
      ['bench-a'],
    );
  await s.clock.advance(start + DAY_MS - s.clock.now());
  for (let i = 0; i < 10_000 && !(await s.retention.run()).caughtUp; i++);
}

async function simulate(dir: string, recorded: DayItem[]) {
  const clock = new ManualClock(Date.UTC(2027, 0, 1));
  const stores = openSqliteStores(join(dir, 'year'), clock, DEFAULT_RETENTION);
  const batchMs: number[] = [];
  const log = new Logger({ station: 'bench', level: 'error', sink: { write: () => true } });
  const retention = new Retention({
    store: timed(stores.maintenance, batchMs),
    clock,
    log,
    config: DEFAULT_RETENTION,
  });
  stores.stations.hello(benchHello('bench-a'));
  const s: Sim = { stores, clock, retention, seq: 0 };
  let year = 0;
  for (let day = 0; day < 5 * 365; day++) {
    await simulateDay(s, day, recorded);
    if (day === 364) year = stores.maintenance.usedBytes();
  }
  const steady = stores.maintenance.usedBytes();
  const file = stores.maintenance.status(clock.now()).fileBytes;
  stores.db.close();
  return { year, steady, file, batchMs };
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-hubstore-'));
  try {
    await bytesPerDay(join(dir, 'day'));
    const recorded = recordedDay(join(dir, 'day', 'hub', 'district.sqlite'));
    const m = recorded.filter((d) => d.item.kind === 'changes').length;
    const { year, steady, file, batchMs } = await simulate(dir, recorded);
    const mix = `a day = ${m} measurement(s) + ${recorded.length - m} event(s) recorded from a real station's day, + 6 play-log entries + 2 audit entries`;
    return [
      {
        name: 'hub.db_bytes_per_station_year',
        value: year,
        unit: 'B',
        note: `SQLite pages in use after 365 simulated days of one station at the retention defaults; ${mix}`,
      },
      {
        name: 'hub.db_bytes_per_station_steady',
        value: steady,
        unit: 'B',
        note: `after 5 simulated years (every class at its age limit); file ${file} B with incremental vacuum`,
      },
      {
        name: 'hub.retention_batch_ms_p99',
        value: Math.round(percentile(batchMs, 99) * 100) / 100,
        unit: 'ms',
        note: `one retention step (≤ ${DEFAULT_RETENTION.batchRows} rows deleted, or ≤ ${DEFAULT_RETENTION.vacuumPagesPerStep} pages returned), ${batchMs.length} steps, max ${Math.round(Math.max(0, ...batchMs) * 100) / 100} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
