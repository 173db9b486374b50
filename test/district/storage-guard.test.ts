/**
 * The hub's storage guard over the real SQLite stores (ManualClock): below the reserve the
 * station data is refused while commands and the audit still go in; a write SQLite refuses as
 * full (SQLITE_FULL, made real with max_page_count) refuses everything; a small probe write
 * decides when writes are accepted again. Nothing half-written is left.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { Logger } from '../../src/core/log.js';
import { guardStores } from '../../src/district/guarded-stores.js';
import { DEFAULT_RETENTION } from '../../src/district/retention-config.js';
import { openSqliteStores, type SqliteStores } from '../../src/district/sqlite.js';
import type { IngestItem } from '../../src/district/stations.js';
import { StorageGuard } from '../../src/district/storage-guard.js';
import { stationHello } from '../helpers/hub-hello.js';
import { tempDir } from '../helpers/sim-station.js';

const lines: string[] = [];
const log = new Logger({ station: 't', level: 'info', sink: { write: (l: string) => lines.push(l) } });
const ev = (seq: number): IngestItem => ({
  seq,
  ts: 1000 + seq,
  kind: 'event',
  event: { seq, kind: 'link.up', severity: 'info', sub: 's', message: 'x'.repeat(2000), details: {} },
});
const lab = { who: 'op', role: 'operator', via: 'lab' };

describe('hub storage guard', () => {
  const dirs: string[] = [];
  let raw: SqliteStores | undefined;
  afterEach(() => {
    raw?.db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** Fresh stores and a guard whose free space the test sets (disk.free), reserve 1000 bytes. */
  function guarded() {
    const dir = tempDir();
    dirs.push(dir);
    const clock = new ManualClock();
    raw = openSqliteStores(dir, clock, DEFAULT_RETENTION);
    const m = raw.maintenance;
    const disk = { free: 10_000 };
    const guard = new StorageGuard({
      clock,
      log,
      freeBytes: () => disk.free,
      minFreeBytes: 1000,
      probe: (n) => m.probeWrite(n),
    });
    return { stores: raw, db: raw.db, clock, disk, guard };
  }

  it('refuses station data below the reserve, everything on SQLITE_FULL, and recovers by a probe write', () => {
    const { stores, db, disk, guard } = guarded();
    const s = guardStores(stores, guard, log);
    s.stations.hello(stationHello({ bootId: 'b', softwareVersion: '1', outboxEpoch: 'e' }));
    expect(s.stations.ingest('xa-a', [ev(1)]).acked).toBe(1);

    disk.free = 500;
    expect(guard.check()).toBe(false);
    expect(guard.full).toMatchObject({
      level: 'reserve',
      reason: expect.stringMatching(/500 bytes free.*below the 1000/),
    });
    expect(() => s.stations.ingest('xa-a', [ev(2)])).toThrow(
      /the hub's disk is full .*station events not stored/,
    );
    const cmd = s.commands.create('xa-a', 'zone', { zone: 1, on: true }, 60_000, {
      who: 'op',
      role: 'operator',
    });
    expect(s.commands.get(cmd.id)?.status).toBe('pending'); // a warning still gets out
    s.audit.add(lab, 'SendCommand', {}, ['xa-a']);
    expect(s.audit.list({ limit: 10 }).filter((a) => a.source === 'hub')).toHaveLength(1);

    // SQLite itself full: the database may not grow by one page
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    let failed: unknown;
    try {
      for (let i = 0; i < 50; i++)
        s.commands.create('xa-a', 'zone', { zone: 1, on: true, pad: 'y'.repeat(3000) }, 60_000);
    } catch (e) {
      failed = e;
    }
    expect(failed).toMatchObject({ code: 'STORAGE_FULL' });
    expect(guard.full).toMatchObject({
      level: 'disk',
      reason: expect.stringMatching(/command: database or disk is full/),
    });
    expect(() => s.commands.create('xa-a', 'zone', {}, 60_000)).toThrow(/disk is full/);
    expect(() => s.audit.add(lab, 'SendCommand', {}, ['xa-a'])).not.toThrow(); // best effort: logged
    expect(lines.some((l) => /audit entry not stored/.test(l))).toBe(true);
    expect(s.stations.list()).toHaveLength(1); // reads go on

    disk.free = 10_000;
    expect(guard.check()).toBe(false); // the probe write still fails
    db.pragma('max_page_count = 1073741823');
    expect(guard.check()).toBe(true);
    expect(lines.some((l) => /writes accepted again/.test(l))).toBe(true);
    expect(s.stations.ingest('xa-a', [ev(2), ev(3)]).acked).toBe(3);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it("console users, sessions and acknowledgements: refused on a full disk, reads and 'last seen' go on", async () => {
    const { stores, db, clock, disk, guard } = guarded();
    const u = guardStores(stores, guard, log).users;
    u.add('lan', 'operator', 'h1');
    u.openSession({ id: 's1', user: 'lan', csrf: 'c', address: '127.0.0.1' });

    disk.free = 500; // below the reserve: small writes an operator waits on still go in
    expect(guard.check()).toBe(false);
    u.openSession({ id: 's2', user: 'lan', csrf: 'c', address: '127.0.0.1' });
    expect(u.acknowledge({ station: 'xa-a', key: 'mains', since: 1, who: 'lan', note: 'seen' }).who).toBe(
      'lan',
    );

    // the disk itself full: every change refused with STORAGE_FULL, nothing half-written
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    let failed: unknown;
    try {
      for (let i = 0; i < 50; i++) u.add(`user-${i}-${'n'.repeat(40)}`, 'viewer', 'h'.repeat(3000));
    } catch (e) {
      failed = e;
    }
    expect(failed).toMatchObject({ code: 'STORAGE_FULL' });
    expect(String((failed as Error).message)).toMatch(/the hub's disk is full .*console user not stored/);
    expect(guard.full?.level).toBe('disk');
    const before = u.list().length;
    const seen = u.session('s1')?.seen;
    expect(() => u.openSession({ id: 's3', user: 'lan', csrf: 'c', address: 'x' })).toThrow(
      /console login not stored/,
    );
    expect(() => u.acknowledge({ station: 'xa-a', key: 'tx', since: 2, who: 'lan', note: '' })).toThrow(
      /alarm acknowledgement not stored/,
    );
    expect(() => u.setDisabled('lan', true)).toThrow(/STORAGE_FULL|disk is full/);
    expect(() => u.endSession('s1')).toThrow(/console logout not stored/);
    await clock.advance(1000);
    expect(() => u.touchSession('s1')).not.toThrow(); // best effort: a console read is not refused
    expect(u.session('s1')).toMatchObject({ user: 'lan', seen }); // reads go on; "seen" not stored
    expect(u.get('lan')?.disabled).toBe(0);
    expect(u.list()).toHaveLength(before);
    expect(u.acknowledgements(10)).toHaveLength(1);

    db.pragma('max_page_count = 1073741823');
    disk.free = 10_000;
    expect(guard.check()).toBe(true);
    u.openSession({ id: 's3', user: 'lan', csrf: 'c', address: 'x' });
    expect(u.setDisabled('lan', true)).toBe(true);
    expect(u.session('s1')).toBeUndefined(); // disabling ended every session
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
