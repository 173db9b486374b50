import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { CommandStore } from '../../src/district/commands.js';
import { openDatabase } from '../../src/district/db.js';
import { queryEvents } from '../../src/district/history.js';
import { type IngestItem, StationStore, unflatten } from '../../src/district/stations.js';
import { stationHello } from '../helpers/hub-hello.js';
import { tempDir } from '../helpers/sim-station.js';

const hello = stationHello;
const event = (seq: number, kind = 'k'): IngestItem => ({
  seq,
  ts: 1000 + seq,
  kind: 'event',
  event: { seq: seq * 10, kind, severity: 'info', sub: 's', message: `m${seq}`, details: { seq } },
});
const change = (seq: number, changes: Record<string, unknown>): IngestItem => ({
  seq,
  ts: 1000 + seq,
  kind: 'changes',
  changes,
});

describe('hub station store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = (dir = tempDir()) => {
    dirs.push(dir);
    const db = openDatabase(dir);
    const clock = new ManualClock();
    return { db, dir, stations: new StationStore(db, clock), commands: new CommandStore(db, clock), clock };
  };

  it('stores each (station, epoch, seq) once, in order, across a hub restart', () => {
    const a = open();
    expect(a.stations.hello(hello())).toBe(0);
    expect(a.stations.ingest('xa-a', [event(1), event(2), event(3)]).acked).toBe(3);
    expect(a.stations.ingest('xa-a', [event(2), event(3), event(4)]).events.map((e) => e.seq)).toEqual([4]);
    a.db.close();
    const b = open(a.dir);
    expect(b.stations.hello(hello({ lastSeq: 6, firstUnackedSeq: 3 }))).toBe(4);
    b.stations.ingest('xa-a', [event(3), event(4), event(5), event(6)]);
    const got = queryEvents(b.db, { stationId: 'xa-a', limit: 100 });
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(got[0]?.event).toMatchObject({ seq: 10, kind: 'k', details: { seq: 1 } });
  });

  it('applies only changes newer than the snapshot to the latest state', () => {
    const { stations } = open();
    stations.hello(hello({ lastSeq: 3 }));
    stations.snapshot('xa-a', 2, { 'power.state': 'on', 'tx.temperatureC': 40 });
    stations.ingest('xa-a', [
      change(1, { 'power.state': 'off' }),
      change(3, { 'tx.temperatureC': 42, gone: null }),
    ]);
    expect(unflatten(JSON.parse(stations.get('xa-a')?.state ?? '{}'))).toEqual({
      power: { state: 'on' },
      tx: { temperatureC: 42 },
    });
  });

  it('restarts the numbering for a new outbox epoch (a wiped station)', () => {
    const { stations } = open();
    stations.hello(hello());
    stations.ingest('xa-a', [event(1), event(2)]);
    expect(stations.hello(hello({ outboxEpoch: 'e2', lastSeq: 1 }))).toBe(0);
    expect(stations.ingest('xa-a', [event(1)]).events).toHaveLength(1);
  });

  it('expires undelivered commands and keeps the first answer of each', () => {
    const { commands, clock } = open();
    const c1 = commands.create('xa-a', 'power', { on: true }, 1000);
    const c2 = commands.create('xa-a', 'zone', {}, 60_000);
    clock.jumpWall(2000);
    expect(commands.deliverable('xa-a').map((c) => c.id)).toEqual([c2.id]);
    expect(commands.get(c1.id)?.status).toBe('expired');
    commands.result({ id: c2.id, status: 'done', errorCode: '', message: '', result: { ok: 1 } });
    commands.result({ id: c2.id, status: 'failed', errorCode: 'X', message: 'late repeat', result: null });
    expect(commands.get(c2.id)).toMatchObject({ status: 'done', result: '{"ok":1}' });
  });
});
