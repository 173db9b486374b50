/**
 * PostgreSQL's disk full under the hub's stores (issue 20): the database's tablespace on a real
 * 40 MB tmpfs in a private mount namespace (the machine's disks are never filled), reached by
 * the server through /proc/PID/root of the namespace's holder, which runs as the server's user.
 * Filled, the server refuses to extend a table (SQLSTATE 53100, "could not extend file"): the
 * hub's StorageGuard trips exactly as on SQLite (STORAGE_FULL, writes refused, reads served),
 * the failed batch stored nothing; freed, its probe write goes through and writes resume.
 */
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { Logger } from '../../src/core/log.js';
import { guardStores } from '../../src/district/guarded-stores.js';
import { openPgStores } from '../../src/district/pg/stores.js';
import type { IngestItem } from '../../src/district/stations.js';
import { StorageGuard } from '../../src/district/storage-guard.js';
import { type GpioNamespace, openMountNamespace } from '../helpers/gpio-namespace.js';
import { stationHello } from '../helpers/hub-hello.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/sim-station.js';

const path = mkdtempSync(join(tmpdir(), 'loa-pgfull-'));
const asRoot = process.getuid?.() === 0;
// the holder ends as the postgres user (setpriv execs, no fork), so the server may use its /proc root
const ns = asRoot
  ? await openMountNamespace(
      `mount -t tmpfs -o size=40m,mode=0700 loa-pg-full ${path} && chown postgres:postgres ${path} && echo READY && exec setpriv --reuid=postgres --regid=postgres --init-groups sleep 3600`,
      path,
    )
  : { skip: 'needs root (a mount namespace, the server as postgres)' };
const skip = 'skip' in ns ? ns.skip : undefined;

const events = (from: number, n: number): IngestItem[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: from + i,
    ts: from + i,
    kind: 'event' as const,
    event: {
      seq: from + i,
      kind: 'k',
      severity: 'info' as const,
      sub: 's',
      message: 'x'.repeat(500),
      details: {},
    },
  }));

describe.skipIf(skip)('PostgreSQL with its disk full', () => {
  let pg: Postgres;
  const filler = () => join((ns as GpioNamespace).root, '.filler');
  beforeAll(async () => {
    pg = await startPostgres();
  }, 180_000);
  afterAll(async () => {
    pg?.stop();
    if (!skip) await (ns as GpioNamespace).close();
    rmSync(path, { recursive: true, force: true });
  });

  it('refuses writes with STORAGE_FULL, keeps reads, and takes writes again when space returns', () => {
    const location = (ns as GpioNamespace).root;
    pg.psql(`CREATE TABLESPACE small LOCATION '${location}'`);
    pg.psql('CREATE DATABASE full_disk TABLESPACE small');
    const clock = new ManualClock();
    const s = openPgStores(pg.url('full_disk'), tempDir(), clock);
    const log = new Logger({ station: 'test', level: 'error', format: 'json', sink: { write: () => true } });
    const guard = new StorageGuard({
      clock,
      log,
      freeBytes: () => {
        throw new Error("the server's disk is not visible");
      },
      minFreeBytes: 0,
      probe: (now) => s.maintenance.probeWrite(now),
    });
    const g = guardStores(s, guard, log);
    g.stations.hello(stationHello({ stationId: 'xa-f' }));
    expect(g.stations.ingest('xa-f', events(1, 10)).acked).toBe(10);

    const fd = openSync(filler(), 'a');
    try {
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (let i = 0; i < 40 * 16 + 16; i++) writeSync(fd, chunk);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOSPC') throw e;
    } finally {
      closeSync(fd);
    }
    let n = 11;
    let refused: unknown;
    for (let i = 0; i < 200 && !refused; i++, n += 100) {
      try {
        g.stations.ingest('xa-f', events(n, 100));
      } catch (e) {
        refused = e;
      }
    }
    expect(refused).toMatchObject({ code: 'STORAGE_FULL' });
    expect(guard.full).toMatchObject({
      level: 'disk',
      reason: expect.stringMatching(/could not extend file|No space left/),
    });
    const acked = g.stations.get('xa-f')?.acked_seq ?? 0;
    expect(Number(pg.psql("SELECT count(*) FROM events WHERE station = 'xa-f'", 'full_disk'))).toBe(acked);
    expect(() => g.commands.create('xa-f', 'm', {}, 1000)).toThrow(/the hub's disk is full/);
    expect(g.events.query({ stationId: 'xa-f', limit: 5 })).toHaveLength(5); // reads go on
    expect(guard.check()).toBe(false); // the probe write still fails

    unlinkSync(filler());
    expect(guard.check()).toBe(true);
    expect(g.stations.ingest('xa-f', events(acked + 1, 10)).acked).toBe(acked + 10);
    s.db.close();
    pg.psql('DROP DATABASE full_disk');
    pg.psql('DROP TABLESPACE small');
  }, 240_000);
});
