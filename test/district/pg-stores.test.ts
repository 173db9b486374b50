/**
 * The hub's store contract on both engines (issue 20): every method of HubStores over SQLite
 * and over a real PostgreSQL (test/helpers/postgres.ts, a database per test). The same
 * assertions on both: the PostgreSQL stores must behave exactly as the SQLite ones.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { openPgStores } from '../../src/district/pg/stores.js';
import { DEFAULT_RETENTION } from '../../src/district/retention-config.js';
import { openSqliteStores } from '../../src/district/sqlite.js';
import type { IngestItem } from '../../src/district/stations.js';
import type { HubStores } from '../../src/district/stores.js';
import { stationHello } from '../helpers/hub-hello.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/sim-station.js';

const DAY = 86_400_000;
const hello = stationHello;
const event = (seq: number, kind = 'k', severity: 'info' | 'warning' | 'alarm' = 'info'): IngestItem => ({
  seq,
  ts: 1000 + seq,
  kind: 'event',
  event: { seq: seq * 10, kind, severity, sub: 's', message: `m${seq}`, details: { seq } },
});
const change = (seq: number, changes: Record<string, unknown>): IngestItem => ({
  seq,
  ts: 1000 + seq,
  kind: 'changes',
  changes,
});

type Opened = HubStores & { db: { close(): void }; clock: ManualClock; dir: string };

let pg: Postgres;
let n = 0;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(() => pg?.stop());

const engines: [string, (clock: ManualClock, dir: string) => HubStores & { db: { close(): void } }][] = [
  ['sqlite', (clock, dir) => openSqliteStores(dir, clock)],
  ['postgres', (clock, dir) => openPgStores(pg.createDatabase(`c${++n}`), dir, clock)],
];

describe.each(engines)('hub stores on %s', (_name, openStores) => {
  const opened: Opened[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) {
      o.writes.flush();
      o.db.close();
      rmSync(o.dir, { recursive: true, force: true });
    }
  });
  const open = (): Opened => {
    const clock = new ManualClock(1_000_000);
    const dir = tempDir();
    const s = Object.assign(openStores(clock, dir), { clock, dir });
    opened.push(s);
    return s;
  };

  it('stations: hello, ingest once in order, snapshot state, new epoch, touch, report', async () => {
    const s = open();
    expect(s.stations.hello(hello())).toBe(0);
    expect(s.stations.ingest('xa-a', [event(2), event(1), event(3)]).acked).toBe(3);
    const again = s.stations.ingest('xa-a', [event(2), event(3), event(4)]);
    expect(again.events.map((e) => e.seq)).toEqual([4]);
    expect(again.events[0]).toMatchObject({ stationId: 'xa-a', ts: 1004, received: 1_000_000 });
    expect(s.stations.hello(hello({ lastSeq: 6, firstUnackedSeq: 3 }))).toBe(4);
    // a restored outbox numbering below what the hub holds starts again at its first unacked
    expect(s.stations.hello(hello({ lastSeq: 2, firstUnackedSeq: 2 }))).toBe(1);
    s.stations.snapshot('xa-a', 5, { 'power.state': 'on', 'tx.temperatureC': 40 });
    s.stations.ingest('xa-a', [change(5, { 'power.state': 'off' }), change(6, { 'tx.temperatureC': 42 })]);
    expect(JSON.parse(s.stations.get('xa-a')?.state ?? '')).toEqual({
      'power.state': 'on',
      'tx.temperatureC': 42,
    });
    expect(s.stations.hello(hello({ outboxEpoch: 'e2', lastSeq: 1 }))).toBe(0);
    expect(s.stations.ingest('xa-a', [event(1)]).events).toHaveLength(1);
    await s.clock.advance(5000);
    s.stations.touch('xa-a');
    s.stations.report('xa-a', 7, { applied: 7 });
    const row = s.stations.get('xa-a');
    expect(row).toMatchObject({ epoch: 'e2', acked_seq: 1, last_contact: 1_005_000, applied_version: 7 });
    expect(JSON.parse(row?.desired_report ?? '')).toEqual({ applied: 7 });
    s.stations.hello(hello({ stationId: 'xa-0' }));
    expect(s.stations.list().map((r) => r.id)).toEqual(['xa-0', 'xa-a']);
    expect(s.stations.get('nope')).toBeUndefined();
  });

  it('stations: a dropped record is stored and shown as an event', async () => {
    const s = open();
    s.stations.hello(hello());
    const d = { count: 5, measurements: 4, events: 1, firstSeq: 2, lastSeq: 6 };
    const r = s.stations.ingest('xa-a', [{ seq: 1, ts: 1001, kind: 'dropped', dropped: d }]);
    expect(r.events[0]?.event.kind).toBe('uplink.dropped');
    const stored = s.events.query({ stationId: 'xa-a', limit: 10 })[0]?.event;
    expect(stored?.details).toEqual(d);
    expect(stored?.text).toEqual({ key: 'ev.uplink.dropped', vars: d });
  });

  it("events: a station event's keyed text is kept with it; an event without one has none", async () => {
    const s = open();
    s.stations.hello(hello());
    const text = { key: 'ev.tx.trip', vars: { reflectedW: 12.5, limit: 10 } };
    const withText = event(1, 'tx.trip', 'alarm');
    if (withText.kind === 'event') withText.event.text = text;
    s.stations.ingest('xa-a', [withText, event(2)]);
    const got = s.events.query({ stationId: 'xa-a', limit: 10 }).map((e) => e.event.text);
    expect(got).toEqual([text, undefined]);
  });

  it("events: a station's measurements in a range, by key prefix, with the values before it", async () => {
    const s = open();
    s.stations.hello(hello());
    s.stations.ingest('xa-a', [
      change(1, { 'modules.lines.zones.1.ohms': 8 }),
      change(2, { 'power.state': 'on' }),
      change(3, { 'modules.lines.zones.1.ohms': 9 }),
      change(4, { 'modules.lines.zones.1.ohms': 10 }),
    ]);
    const q = { stationId: 'xa-a', keyPrefix: 'modules.lines.zones.', before: 5 };
    const r = s.events.measurements({ ...q, sinceMs: 1003, untilMs: 1004, limit: 10 });
    expect(r.rows.map((m) => m.ts)).toEqual([1003, 1004]);
    expect(r.earlier).toEqual([{ ts: 1001, changes: { 'modules.lines.zones.1.ohms': 8 } }]);
    expect(r.truncated).toBe(false);
    expect(s.events.measurements({ ...q, sinceMs: 0, untilMs: 2000, limit: 1 })).toMatchObject({
      rows: [{ ts: 1004 }],
      truncated: true,
    });
  });

  it('commands: create, deliver in order, expire, answer once, count, list', async () => {
    const s = open();
    const a = s.commands.create('xa-a', 'power.on', { x: 1 }, 60_000, { who: 'an', role: 'operator' });
    const b = s.commands.create('xa-a', 'zone.off', {}, 1000);
    const c = s.commands.create('xa-b', 'ping', undefined, 60_000);
    expect(a).toMatchObject({ station: 'xa-a', status: 'pending', issued_by: 'an', issuer_role: 'operator' });
    expect(s.commands.deliverable('xa-a').map((r) => r.id)).toEqual([a.id, b.id]);
    s.commands.markSent(a.id);
    expect(s.commands.get(a.id)?.status).toBe('sent');
    expect(s.commands.openCount('xa-a')).toBe(2);
    expect(s.commands.openCounts()).toEqual(
      new Map([
        ['xa-a', 2],
        ['xa-b', 1],
      ]),
    );
    await s.clock.advance(2000);
    expect(s.commands.deliverable('xa-a').map((r) => r.id)).toEqual([a.id]);
    expect(s.commands.get(b.id)?.status).toBe('expired');
    s.commands.result({ id: a.id, status: 'done', errorCode: '', message: 'ok', result: { on: true } });
    s.commands.result({ id: a.id, status: 'failed', errorCode: 'X', message: 'late', result: null });
    expect(s.commands.get(a.id)).toMatchObject({ status: 'done', message: 'ok', result: '{"on":true}' });
    await s.clock.advance(60_000);
    expect(s.commands.expireDue()).toBe(1);
    expect(s.commands.get(c.id)?.status).toBe('expired');
    expect(s.commands.list(undefined, 10).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(s.commands.list('xa-a', 1).map((r) => r.id)).toEqual([b.id]);
  });

  it('desired: versions from one sequence, per station, latest', async () => {
    const s = open();
    expect(s.desired.latestVersion()).toBe(0);
    const media = [{ sha256: 'a'.repeat(64), sizeBytes: 3, name: 'x.mp3' }];
    const v1 = s.desired.push(['xa-a', 'xa-b'], { items: [] }, media);
    const v2 = s.desired.push(['xa-b'], { items: [1] }, []);
    expect(v2).toBe(v1 + 1);
    expect(s.desired.forStation('xa-a')).toMatchObject({
      version: v1,
      schedule: { items: [], version: v1 },
      media,
    });
    expect(s.desired.forStation('xa-b')?.schedule).toEqual({ items: [1], version: v2 });
    expect(s.desired.versions()).toEqual(
      new Map([
        ['xa-a', v1],
        ['xa-b', v2],
      ]),
    );
    expect(s.desired.latestVersion()).toBe(v2);
    expect(s.desired.forStation('xa-c')).toBeUndefined();
  });

  it('media: a file by content, its row, chunked reads', async () => {
    const s = open();
    async function* chunks() {
      yield Buffer.from('hello ');
      yield Buffer.from('world');
    }
    const ref = await s.media.put('greeting.mp3', chunks());
    expect(ref.sizeBytes).toBe(11);
    expect(s.media.get(ref.sha256)).toEqual(ref);
    await s.media.put('again.mp3', chunks());
    expect(s.media.get(ref.sha256)?.name).toBe('again.mp3');
    const r = await s.media.read(ref.sha256, 6, 100);
    expect(r).toEqual({ data: Buffer.from('world'), total: 11 });
  });

  it('audit and events: hub entries, station audit, filters, play log', async () => {
    const s = open();
    const caller = { who: 'an', via: 'tls', role: 'operator' };
    s.audit.add(caller, 'SendCommand', { token: 'secret', n: 1 }, ['xa-a', 'xa-b']);
    await s.clock.advance(10);
    s.audit.add(caller, 'PushSchedule', {}, ['xa-c'], new LoaError('REFUSED', 'no'));
    s.stations.hello(hello());
    s.stations.ingest('xa-a', [
      event(1, 'play.start'),
      event(2, 'line.open', 'alarm'),
      {
        seq: 3,
        ts: 1003,
        kind: 'event',
        event: {
          seq: 30,
          kind: 'command',
          severity: 'info',
          sub: 'ops',
          message: 'cmd',
          details: { who: 'bo', action: 'power.off' },
        },
      },
    ]);
    const all = s.audit.list({ limit: 10 });
    expect(all.map((e) => [e.source, e.action])).toEqual([
      ['station', 'power.off'],
      ['hub', 'SendCommand'],
      ['hub', 'PushSchedule'],
    ]);
    expect(all[1]?.params).not.toHaveProperty('token', 'secret');
    expect(all[2]).toMatchObject({ result: 'refused', errorCode: 'REFUSED', message: 'no' });
    expect(s.audit.list({ stationId: 'xa-b', limit: 10 }).map((e) => e.action)).toEqual(['SendCommand']);
    expect(s.events.query({ limit: 10, playLog: true }).map((e) => e.event.kind)).toEqual(['play.start']);
    expect(s.events.query({ limit: 10, severity: 'alarm' }).map((e) => e.seq)).toEqual([2]);
    expect(s.events.query({ limit: 10, kind: 'line' }).map((e) => e.seq)).toEqual([2]);
    expect(s.events.query({ limit: 2, stationId: 'xa-a', afterSeq: 0 }).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('users: add, passwords and disabling end sessions, acknowledgements', async () => {
    const s = open();
    s.users.add('an', 'operator', 'h1');
    s.users.add('bo', 'viewer', 'h2');
    expect(s.users.list().map((u) => u.name)).toEqual(['an', 'bo']);
    expect(s.users.get('an')).toMatchObject({
      role: 'operator',
      hash: 'h1',
      disabled: 0,
      created: 1_000_000,
    });
    s.users.openSession({ id: 's1', user: 'an', csrf: 'c', address: '127.0.0.1' });
    s.users.openSession({ id: 's2', user: 'an', csrf: 'c', address: '127.0.0.1' });
    await s.clock.advance(100);
    s.users.touchSession('s1');
    expect(s.users.session('s1')).toMatchObject({ user: 'an', seen: 1_000_100, created: 1_000_000 });
    expect(s.users.setPassword('an', 'h3')).toBe(true);
    expect(s.users.session('s1')).toBeUndefined();
    expect(s.users.setPassword('zz', 'h')).toBe(false);
    s.users.openSession({ id: 's3', user: 'bo', csrf: 'c', address: '::1' });
    expect(s.users.setDisabled('bo', true)).toBe(true);
    expect(s.users.session('s3')).toBeUndefined();
    expect(s.users.get('bo')?.disabled).toBe(1);
    s.users.openSession({ id: 's4', user: 'an', csrf: 'c', address: '::1' });
    s.users.openSession({ id: 's5', user: 'an', csrf: 'c', address: '::1' });
    s.users.endSession('s4');
    expect(s.users.endSessionsOf('an')).toBe(1);
    const ack = s.users.acknowledge({ station: 'xa-a', key: 'line.open', since: 5, who: 'an', note: 'n1' });
    s.users.acknowledge({ ...ack, note: 'n2' });
    expect(s.users.acknowledgements(10)).toEqual([{ ...ack, note: 'n2' }]);
  });

  it('writes: one group commit, a failing job takes back only its own writes', async () => {
    const s = open();
    const done: string[] = [];
    s.writes.add(
      () => s.audit.add({ who: 'a', via: 'x', role: 'r' }, 'A', {}, []),
      () => done.push('a'),
    );
    s.writes.add(
      () => {
        s.audit.add({ who: 'b', via: 'x', role: 'r' }, 'B', {}, []);
        throw new Error('job failed');
      },
      () => done.push('b'),
      (e) => done.push(`b: ${e.message}`),
    );
    s.writes.add(
      () => s.commands.create('xa-a', 'm', {}, 1000),
      (r) => done.push(r.status),
    );
    expect(done).toEqual([]); // nothing before the commit
    s.writes.flush();
    expect(done).toEqual(['a', 'b: job failed', 'pending']);
    expect(s.audit.list({ limit: 10 }).map((e) => e.action)).toEqual(['A']);
    expect(s.writes.now(() => s.commands.openCount('xa-a'))).toBe(1);
  });

  it('maintenance: prunes by class and age in bounded batches, reports status, probes', async () => {
    const s = open();
    s.stations.hello(hello());
    s.stations.ingest(
      'xa-a',
      Array.from({ length: 30 }, (_, i) => event(i + 1)),
    );
    s.stations.ingest('xa-a', [event(31, 'line.open', 'alarm')]);
    await s.clock.advance(200 * DAY); // routine events (180 days) are due, alarms (730) are not
    s.stations.ingest('xa-a', [event(32)]);
    const now = s.clock.now();
    const st = s.maintenance.status(now);
    const cls = (name: string) => st.classes.find((c) => c.name === name);
    expect(cls('events')).toMatchObject({ rows: 31, oldestMs: 1_000_000, dueRows: 30, keepDays: 180 });
    expect(cls('alarms')).toMatchObject({ rows: 1, dueRows: 0 });
    expect(st.tables.find((t) => t.name === 'events')?.rows).toBe(32);
    expect(s.maintenance.usedBytes()).toBeGreaterThan(0);
    s.maintenance.startRun();
    const batches = [];
    for (let i = 0; i < 20; i++) {
      const b = s.maintenance.pruneBatch(now, 12);
      if (!b) break;
      batches.push(b);
    }
    expect(batches.filter((b) => b.className === 'events').map((b) => b.removed)).toEqual([12, 12, 6]);
    expect(s.events.query({ limit: 10 }).map((e) => e.seq)).toEqual([31, 32]);
    expect(s.maintenance.reclaim(DEFAULT_RETENTION.vacuumPagesPerStep)).toBeGreaterThanOrEqual(0);
    s.maintenance.probeWrite(now);
  });
});
