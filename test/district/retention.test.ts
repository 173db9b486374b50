/**
 * Hub retention on a real SQLite database with a ManualClock: three years of a station's
 * rows, classes leaving at their ages (routine first, alarms and audit later), the size budget
 * removing in class order, batches bounded with the event loop free between them, freed
 * pages returned to the filesystem, an old database converted, and bad settings named.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { Logger } from '../../src/core/log.js';
import { Retention } from '../../src/district/retention.js';
import { parseRetention, type RetentionConfig } from '../../src/district/retention-config.js';
import { openSqliteStores, type SqliteStores } from '../../src/district/sqlite.js';
import type { IngestItem } from '../../src/district/stations.js';
import { stationHello } from '../helpers/hub-hello.js';
import { tempDir } from '../helpers/sim-station.js';

const DAY = 86_400_000;
const log = new Logger({ station: 't', level: 'error', format: 'json', sink: { write: () => true } });

function item(seq: number, ts: number, kind: string, severity: 'info' | 'warning' | 'alarm'): IngestItem {
  return {
    seq,
    ts,
    kind: 'event',
    event: { seq, kind, severity, sub: 's', message: `m${seq}`, details: { pad: 'x'.repeat(200) } },
  };
}

describe('hub retention', () => {
  const dirs: string[] = [];
  const open: SqliteStores[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function hub(config: RetentionConfig, dir = tempDir()) {
    dirs.push(dir);
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const stores = openSqliteStores(dir, clock, config);
    open.push(stores);
    let yields = 0;
    const retention = new Retention({
      store: stores.maintenance,
      clock,
      log,
      config,
      yieldNow: async () => {
        yields++;
      },
    });
    stores.stations.hello(stationHello({ bootId: 'b', softwareVersion: '1', outboxEpoch: 'e' }));
    let seq = 0;
    /** One day of a station: measurements, routine events, a warning, an alarm, plays, a command. */
    const day = () => {
      const t = clock.now();
      const items: IngestItem[] = [];
      for (let i = 0; i < 20; i++)
        items.push({ seq: ++seq, ts: t, kind: 'changes', changes: { 'audio.level': i } });
      for (let i = 0; i < 5; i++) items.push(item(++seq, t, 'link.up', 'info'));
      items.push(item(++seq, t, 'lines.degraded', 'warning'));
      items.push(item(++seq, t, 'tx.trip', 'alarm'));
      items.push(item(++seq, t, 'play.start', 'info'));
      items.push(item(++seq, t, 'command', 'info'));
      stores.stations.ingest('xa-a', items);
      stores.audit.add({ who: 'op', via: 'lab', role: 'operator' }, 'SendCommand', {}, ['xa-a']);
    };
    const runAll = async () => {
      for (let i = 0; i < 1000; i++) if ((await retention.run()).caughtUp) return;
      throw new Error('retention did not catch up in 1000 runs');
    };
    const count = (sql: string) => (stores.db.prepare(sql).get() as { n: number }).n;
    return { stores, clock, retention, day, runAll, count, dir, yields: () => yields };
  }

  it('removes each class at its age: routine data first, alarms, play log and audit kept longer', async () => {
    const cfg = parseRetention({
      keepDays: {
        measurements: 30,
        drops: 90,
        events: 60,
        warnings: 90,
        play_log: 200,
        alarms: 200,
        hub_audit: 400,
        station_audit: 400,
      },
    });
    const h = hub(cfg);
    for (let d = 0; d < 500; d++) {
      h.day();
      await h.clock.advance(DAY);
    }
    await h.runAll();
    const oldest = (filter: string) =>
      Math.round(
        (h.clock.now() -
          (
            h.stores.db.prepare(`SELECT min(received) AS t FROM events WHERE ${filter}`).get() as {
              t: number;
            }
          ).t) /
          DAY,
      );
    expect(h.count('SELECT count(*) AS n FROM measurements')).toBe(30 * 20);
    expect(oldest("kind = 'link.up'")).toBe(60);
    expect(oldest("severity = 'warning'")).toBe(90);
    expect(oldest("severity = 'alarm'")).toBe(200);
    expect(oldest("kind = 'play.start'")).toBe(200);
    expect(oldest("kind = 'command'")).toBe(400);
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(400);
    const status = h.stores.maintenance.status(h.clock.now());
    const cls = Object.fromEntries(status.classes.map((c) => [c.name, c]));
    expect(cls.measurements).toMatchObject({ rows: 600, dueRows: 0, keepDays: 30 });
    expect(cls.alarms?.rows).toBe(200);
    await h.clock.advance(10 * DAY);
    const later = Object.fromEntries(
      h.stores.maintenance.status(h.clock.now()).classes.map((c) => [c.name, c]),
    );
    expect(later.events?.dueRows).toBe(50); // ten days of five routine events each, due at the next run
    expect(later.alarms?.dueRows).toBe(10);
    expect(later.hub_audit?.oldestMs).toBe(h.clock.now() - 410 * DAY);
  });

  it('deletes at most batchRows rows per batch and lets the event loop run between batches', async () => {
    const cfg = parseRetention({ keepDays: { measurements: 1, events: 1 }, batchRows: 50, batchesPerRun: 4 });
    const h = hub(cfg);
    for (let d = 0; d < 30; d++) {
      h.day();
      await h.clock.advance(DAY);
    }
    const before = h.count('SELECT count(*) AS n FROM measurements');
    const run = await h.retention.run();
    expect(run.batches).toBe(4);
    expect(run.caughtUp).toBe(false);
    expect(before - h.count('SELECT count(*) AS n FROM measurements')).toBe(200);
    expect(h.yields()).toBeGreaterThanOrEqual(4);
    await h.runAll();
    expect(h.count('SELECT count(*) AS n FROM measurements')).toBe(20);
  });

  it('keeps the database under its size budget, removing routine data before alarms', async () => {
    const cfg = parseRetention({
      maxDbMB: 1,
      keepDays: { measurements: null, events: null, drops: null, warnings: null, alarms: null },
    });
    const h = hub(cfg);
    for (let d = 0; d < 400; d++) {
      h.day();
      await h.clock.advance(DAY);
    }
    const alarmsBefore = h.count("SELECT count(*) AS n FROM events WHERE severity = 'alarm'");
    await h.runAll();
    expect(h.stores.maintenance.usedBytes()).toBeLessThanOrEqual(1024 * 1024);
    expect(h.count('SELECT count(*) AS n FROM measurements')).toBe(0);
    expect(h.count("SELECT count(*) AS n FROM events WHERE kind = 'link.up'")).toBe(0);
    expect(h.count("SELECT count(*) AS n FROM events WHERE severity = 'alarm'")).toBe(alarmsBefore);
  });

  it('returns freed pages to the filesystem (incremental vacuum)', async () => {
    const cfg = parseRetention({
      keepDays: {
        measurements: 1,
        events: 1,
        warnings: 1,
        drops: 1,
        play_log: 1,
        alarms: 1,
        hub_audit: 1,
        station_audit: 1,
      },
    });
    const h = hub(cfg);
    for (let d = 0; d < 300; d++) {
      h.day();
      await h.clock.advance(DAY);
    }
    h.stores.db.pragma('wal_checkpoint(TRUNCATE)');
    const big = statSync(join(h.dir, 'district.sqlite')).size;
    expect(h.stores.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    const run = await h.runAll();
    void run;
    h.stores.db.pragma('wal_checkpoint(TRUNCATE)');
    const small = statSync(join(h.dir, 'district.sqlite')).size;
    expect(small).toBeLessThan(big / 4);
    expect(h.stores.db.pragma('freelist_count', { simple: true })).toBe(0);
  });

  it('converts a database made before retention to incremental vacuum at open', () => {
    const dir = tempDir();
    dirs.push(dir);
    const old = new Database(join(dir, 'district.sqlite'));
    old.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    old.prepare("INSERT INTO meta VALUES ('schema', '1')").run();
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();
    const s = openSqliteStores(dir, new ManualClock(), parseRetention({}));
    open.push(s);
    expect(s.conversion).toEqual({ converted: true, reason: '' });
    expect(s.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(s.maintenance.status(0).autoVacuum).toBe('incremental');
  });

  it('refuses bad settings naming the key, and alarms kept shorter than routine data', () => {
    const bad = (raw: unknown) => {
      try {
        parseRetention(raw, 'retention.json');
      } catch (e) {
        expect(e).toBeInstanceOf(LoaError);
        return (e as LoaError).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ keepDays: { events: 0 } })).toMatch(/retention\.json: keepDays\.events/);
    expect(bad({ maxDbMB: 'lots' })).toMatch(/maxDbMB/);
    expect(bad({ batchRows: 1e9 })).toMatch(/batchRows/);
    expect(bad({ keepDays: { meassurements: 3 } })).toMatch(/meassurements/);
    expect(bad({ keepDays: { alarms: 30, events: 60 } })).toMatch(
      /keepDays\.alarms: alarms must be kept at least as long as events/,
    );
    expect(parseRetention({}).keepDays).toMatchObject({
      measurements: 90,
      events: 180,
      alarms: 730,
      hub_audit: 1825,
    });
  });
});
