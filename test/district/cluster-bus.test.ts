/**
 * The hubs' bus on a real PostgreSQL (src/district/cluster/pg-bus.ts): session ownership in
 * the table, wake-ups and changes between two hubs, a takeover, and the listen connection
 * killed by the server (pg_terminate_backend) and made again with a resync.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import type { BusMessage } from '../../src/district/cluster/bus.js';
import { checkHubId, PgBus } from '../../src/district/cluster/pg-bus.js';
import { clusterBus } from '../../src/district/cluster/select.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';

async function until<T>(what: string, f: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('which bus a hub gets', () => {
  const clock = new SystemClock();
  const { log } = memoryLogger('sel');
  it('none for SQLite (and a hub id refused there), PostgreSQL for a postgres:// database', () => {
    expect(clusterBus(undefined, undefined, clock, log).shared).toBe(false);
    expect(() => clusterBus(undefined, 'hub-1', clock, log)).toThrow(
      /--hub-id "hub-1": only for hubs sharing a PostgreSQL database/,
    );
    expect(clusterBus('postgres://loa@127.0.0.1:1/x', 'hub-1', clock, log)).toBeInstanceOf(PgBus);
    expect(() => clusterBus('postgres://loa@127.0.0.1:1/x', 'hub 1', clock, log)).toThrow(/--hub-id/);
  });
});

describe('PgBus: two hubs on one PostgreSQL', () => {
  let server: Postgres;
  let a: PgBus;
  let b: PgBus;
  const got: Record<'a' | 'b', BusMessage[]> = { a: [], b: [] };
  const find = (who: 'a' | 'b', f: (m: BusMessage) => boolean) => () => got[who].find(f);

  beforeAll(async () => {
    server = await startPostgres();
    const url = server.createDatabase('bus');
    const clock = new SystemClock();
    a = new PgBus({ url, hubId: 'hub-a:1', clock, log: memoryLogger('a').log });
    b = new PgBus({ url, clock, log: memoryLogger('b').log });
    // both at once: the schema's advisory lock keeps the two CREATEs apart
    await Promise.all([a.start((m) => got.a.push(m), 1), b.start((m) => got.b.push(m), 2)]);
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    server?.stop();
  });

  const owner = (station: string) =>
    server.psql(`SELECT hub FROM cluster_sessions WHERE station = '${station}'`, 'bus').trim();

  it('names a hub by --hub-id, else hostname:port of its gateway', () => {
    expect(a.hubId).toBe('hub-a:1');
    expect(b.hubId).toMatch(/^.+:2$/);
    expect(() => checkHubId('a b')).toThrow(/--hub-id: letters, digits.*got "a b"/);
  });

  it('records who holds a session; the other hub sees it online and hears its changes', async () => {
    a.claim('st-1', 1000);
    a.changed('st-1', { since: 1000, lastContact: 1500 });
    await until('b to learn st-1 is on a', () => b.remote('st-1')?.lastContact === 1500);
    expect(b.remote('st-1')).toMatchObject({ hub: 'hub-a:1', ready: true, since: 1000 });
    await until(
      'the changed message',
      find('b', (m) => m.kind === 'changed' && m.stations.includes('st-1')),
    );
    expect(owner('st-1')).toBe('hub-a:1');
    expect(a.remote('st-1')).toBeUndefined(); // its own session is not "remote"
  }, 60_000);

  it('wakes the holder for commands and desired state, and tells events', async () => {
    b.wake({ kind: 'commands', station: 'st-1', ids: ['c-1', 'c-2'] });
    b.wake({ kind: 'desired', station: 'st-1' });
    b.events('st-9', 4, 7);
    const c = await until(
      'the command wake-up',
      find('a', (m) => m.kind === 'commands'),
    );
    expect(c).toEqual({ kind: 'commands', station: 'st-1', ids: ['c-1', 'c-2'] });
    await until(
      'the desired wake-up',
      find('a', (m) => m.kind === 'desired' && m.station === 'st-1'),
    );
    const e = await until(
      'the events',
      find('a', (m) => m.kind === 'events'),
    );
    expect(e).toEqual({ kind: 'events', station: 'st-9', after: 4, upTo: 7 });
    expect(got.b.some((m) => m.kind === 'commands')).toBe(false); // its own notifications skipped
  }, 60_000);

  it('a newer hello on the other hub takes the session over; the old hub cannot release it', async () => {
    b.claim('st-1', 2000);
    const t = await until(
      'the takeover',
      find('a', (m) => m.kind === 'taken'),
    );
    expect(t).toEqual({ kind: 'taken', station: 'st-1', hub: b.hubId, since: 2000 });
    await until('the row to name b', () => owner('st-1') === b.hubId);
    a.release('st-1'); // its stale session ends later: the row stays b's
    a.claim('st-3', 3000);
    await until('a to write st-3', () => owner('st-3') === 'hub-a:1');
    expect(owner('st-1')).toBe(b.hubId);
    expect(a.remote('st-1')).toMatchObject({ hub: b.hubId });
    b.release('st-1');
    await until('the row to go', () => owner('st-1') === '');
  }, 60_000);

  it('hears again after its listen connection is killed, and says to resync', async () => {
    const killed = server.psql(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'loa-hub-bus hub-a:1'",
      'bus',
    );
    expect(killed.trim()).toBe('1');
    await until(
      'a resync',
      find('a', (m) => m.kind === 'resync'),
    );
    expect(a.reconnects).toBe(1);
    b.wake({ kind: 'commands', station: 'st-3', ids: ['c-9'] });
    await until(
      'the wake-up after the reconnect',
      find('a', (m) => m.kind === 'commands' && m.station === 'st-3'),
    );
  }, 60_000);

  it('shares an uploaded file: the other hub copies it into its folder, checked against its hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-bus-media-'));
    try {
      const data = Buffer.alloc(2.5 * 1024 * 1024, 7); // three parts
      data.write('bản tin', 0);
      const sha = createHash('sha256').update(data).digest('hex');
      writeFileSync(join(dir, 'up'), data);
      await a.shareMedia(sha, join(dir, 'up'));
      await a.shareMedia(sha, join(dir, 'up')); // twice: stored once
      expect(
        server.psql(`SELECT count(*) FROM cluster_media_parts WHERE sha256 = '${sha}'`, 'bus').trim(),
      ).toBe('3');
      const [one, two] = await Promise.all([
        b.fetchMedia(sha, join(dir, sha)),
        b.fetchMedia(sha, join(dir, sha)),
      ]);
      expect([one, two]).toEqual([true, true]);
      expect(readFileSync(join(dir, sha)).equals(data)).toBe(true);
      expect(await b.fetchMedia('0'.repeat(64), join(dir, 'none'))).toBe(false);
      expect(readdirSync(dir).sort()).toEqual([sha, 'up'].sort()); // no temp file left
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a stopped hub's sessions are no longer anyone's", async () => {
    expect(b.remote('st-3')).toBeDefined();
    got.b.length = 0;
    await a.stop();
    // the next reload (every 5 s) finds st-3 held by no live hub
    await until('st-3 to go offline at b', () => b.remote('st-3') === undefined, 30_000);
    await until(
      'b told of it',
      find('b', (m) => m.kind === 'changed' && m.stations.includes('st-3')),
    );
    expect(owner('st-3')).toBe('');
  }, 60_000);
});
