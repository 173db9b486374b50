/**
 * Two hubs storing the same station's batches at the same moment on one PostgreSQL (issue 20:
 * two hub processes on one database): every item is stored once and reported as new by exactly
 * one of them (the station row is locked for the read-modify-write, stations.ts), so watchers
 * never see an event twice. Two real processes, each its own libpq connection.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { translate } from '../../src/district/pg/database.js';
import { pgError } from '../../src/district/pg/errors.js';
import { openPgDatabase } from '../../src/district/pg/stores.js';
import { parseDbUrl } from '../../src/district/pg/url.js';
import { isDiskFull } from '../../src/district/storage-guard.js';
import { SqliteWriteGroup } from '../../src/district/write-group.js';
import { ROOT } from '../helpers/daemon.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';

let pg: Postgres;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(() => pg?.stop());

function worker(url: string, items: number): Promise<number[]> {
  const file = join(ROOT, 'test', 'helpers', 'pg-ingest-worker.ts');
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', file, url, 'xa-two', String(items)],
      { cwd: ROOT, timeout: 120_000 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

describe('two hubs on one PostgreSQL', () => {
  it('store one station batch once and report each new item once', async () => {
    const url = pg.createDatabase('two');
    const n = 1500;
    const [a, b] = await Promise.all([worker(url, n), worker(url, n)]);
    const all = [...a, ...b].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(pg.psql('SELECT count(*), max(seq) FROM events', 'two').trim()).toBe(`${n}|${n}`);
    expect(pg.psql("SELECT acked_seq FROM stations WHERE id = 'xa-two'", 'two').trim()).toBe(String(n));
  }, 240_000);

  it('maps the server errors: a full disk to STORAGE_FULL, a lost server to UNAVAILABLE', () => {
    // the SQLSTATEs are PostgreSQL's (Appendix A); a real full disk: pg-disk-full.test.ts
    const full = pgError(
      'ERROR:  could not extend file "base/16384/16385": No space left on device',
      { sqlState: '53100' },
      'db',
    );
    expect(full).toBeInstanceOf(LoaError);
    expect(full).toMatchObject({ code: 'STORAGE_FULL', details: { diskFull: true } });
    expect(isDiskFull(full)).toBe(true);
    expect(pgError('could not extend file "x"', { sqlState: 'XX000' }, 'db').code).toBe('STORAGE_FULL');
    expect(
      pgError('terminating connection due to administrator command', { sqlState: '57P01' }, 'db').code,
    ).toBe('UNAVAILABLE');
    expect(pgError('server closed the connection unexpectedly', null, 'db').code).toBe('UNAVAILABLE');
    expect(pgError('duplicate key value', { sqlState: '23505' }, 'db').code).toBe('INTERNAL');
  });

  it('refuses a database whose hub schema is newer than this hub, and changes nothing', () => {
    const url = pg.createDatabase('newer');
    openPgDatabase(url, new ManualClock()).close();
    pg.psql("UPDATE meta SET value = '99' WHERE key = 'schema'", 'newer');
    expect(() => openPgDatabase(url, new ManualClock())).toThrow(/hub schema 99, newer than this hub \(1\)/);
    expect(pg.psql("SELECT value FROM meta WHERE key = 'schema'", 'newer').trim()).toBe('99');
  });

  it('reads --db: no password, a host and a database, libpq settings kept', () => {
    expect(() => parseDbUrl('postgres://loa:pw@h:5432/d', '--db')).toThrow(
      /--db: the URL holds a password.*PGPASSFILE/,
    );
    expect(() => parseDbUrl('postgres://loa@h:5432/', 'LOA_DB')).toThrow(/LOA_DB: no database name/);
    expect(() => parseDbUrl('sqlite:///x', '--db')).toThrow(
      /--db: "sqlite:\/\/\/x" is not a postgres:\/\/ URL/,
    );
    const u = parseDbUrl('postgresql://loa@db.lan:5433/hub?sslmode=require&connect_timeout=9', '--db');
    expect(u.where).toBe('postgres://loa@db.lan:5433/hub');
    expect(u.conninfo).toMatch(/sslmode=require&connect_timeout=9&tcp_user_timeout=5000/);
  });

  it('numbers ? and @name parameters, leaving quoted text alone', () => {
    expect(translate(`SELECT '?', "a?" FROM t WHERE x = ? AND y LIKE ?`)).toEqual({
      text: `SELECT '?', "a?" FROM t WHERE x = $1 AND y LIKE $2`,
      names: ['', ''],
    });
    expect(translate("UPDATE s SET a = @a, b = @b WHERE id = @a AND e = 'x@y'")).toEqual({
      text: "UPDATE s SET a = $1, b = $2 WHERE id = $1 AND e = 'x@y'",
      names: ['a', 'b'],
    });
  });

  it('a transaction in which a statement failed is reported failed, never as stored', () => {
    const db = openPgDatabase(pg.createDatabase('aborted'), new ManualClock());
    const put = (k: string) => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(k, '1');
    const swallowed = () => {
      try {
        db.prepare('SELECT no_such_column FROM meta').get();
      } catch {
        // a caller that carries on: PostgreSQL has aborted the transaction meanwhile
      }
    };
    expect(() =>
      db.transaction(() => {
        put('a');
        swallowed();
      })(),
    ).toThrow(/rolled back/);
    // in the write group's shape: the failed job alone is taken back, the others commit
    const group = new SqliteWriteGroup(db, () => undefined);
    const told: string[] = [];
    group.add(
      () => put('b'),
      () => told.push('b stored'),
    );
    group.add(
      () => {
        put('c');
        swallowed();
      },
      () => told.push('c stored'),
      () => told.push('c failed'),
    );
    group.add(
      () => put('d'),
      () => told.push('d stored'),
    );
    group.flush();
    expect(told).toEqual(['b stored', 'c failed', 'd stored']);
    const keys = db.prepare("SELECT key FROM meta WHERE key <> 'schema' ORDER BY key").all();
    expect(keys).toEqual([{ key: 'b' }, { key: 'd' }]);
    db.close();
  });
});
