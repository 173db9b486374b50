/**
 * The hub's summary cache (summary-cache.ts) over the real SQLite stores (ManualClock): a
 * station's summary follows every committed change that Sessions.changed reports (snapshot,
 * events, a session ending and its last contact), new stations join the list in id order, and
 * ListStations' pages (Sessions.page) list every station once.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { DEFAULT_RETENTION } from '../../src/district/retention-config.js';
import { Sessions, type StationSession } from '../../src/district/sessions.js';
import { openSqliteStores, type SqliteStores } from '../../src/district/sqlite.js';
import { stationHello } from '../helpers/hub-hello.js';
import { tempDir } from '../helpers/sim-station.js';

const hello = (id: string) =>
  stationHello({ stationId: id, bootId: 'b', softwareVersion: '1', outboxEpoch: 'e' });

function session(since: number): StationSession {
  return {
    ready: true,
    since,
    lastContact: since,
    sendCommand: () => undefined,
    sendDesired: () => undefined,
    end: () => undefined,
  };
}

describe('summary cache', () => {
  let raw: SqliteStores | undefined;
  let dir = '';
  afterEach(() => {
    raw?.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows committed changes, adds new stations in order, pages every station once', async () => {
    dir = tempDir();
    const clock = new ManualClock();
    raw = openSqliteStores(dir, clock, DEFAULT_RETENTION);
    const s = raw;
    const sessions = new Sessions(s);
    for (const id of ['xa-03', 'xa-01']) s.stations.hello(hello(id));
    expect(sessions.all().map((x) => [x.stationId, x.online, x.power])).toEqual([
      ['xa-01', false, ''],
      ['xa-03', false, ''],
    ]);

    // a snapshot stored, then reported: the summary shows it
    s.stations.snapshot('xa-01', 0, { 'power.state': 'on', alarms: [{ key: 'mains' }] });
    sessions.changed('xa-01');
    expect(sessions.all()[0]).toMatchObject({ stationId: 'xa-01', power: 'on', alarms: ['mains'] });

    // a new station joins in its place; a live session fills the live fields
    s.stations.hello(hello('xa-02'));
    const live = session(clock.now());
    sessions.attach(live, 'xa-02');
    expect(sessions.all().map((x) => x.stationId)).toEqual(['xa-01', 'xa-02', 'xa-03']);
    expect(sessions.all()[1]).toMatchObject({ online: true, connectedSinceMs: clock.now() });

    // events change the state (power off) once committed
    s.stations.ingest('xa-01', [
      { seq: 1, ts: 5, kind: 'changes', changes: { 'power.state': 'off', alarms: [] } },
    ]);
    sessions.changed('xa-01');
    expect(sessions.summaries(['xa-01'])[0]).toMatchObject({ power: 'off', alarms: [], lastSeq: 1 });

    // a session ends: offline at once, its last contact once stored
    await clock.advance(60_000);
    sessions.detach(live, 'xa-02');
    expect(sessions.all()[1]).toMatchObject({ online: false, connectedSinceMs: 0 });
    s.writes.flush();
    expect(sessions.all()[1]?.lastContactMs).toBe(clock.now());

    // pages: every station once, in order, whatever the page size
    for (const size of [1, 2, 3, 5]) {
      const ids: string[] = [];
      let after = '';
      for (let i = 0; i < 10; i++) {
        const p = sessions.page(after, size);
        ids.push(...p.stations.map((x) => String(x.stationId)));
        if (!p.next) break;
        after = p.next;
      }
      expect(ids).toEqual(['xa-01', 'xa-02', 'xa-03']);
    }
    expect(sessions.page('xa-03', 10)).toEqual({ stations: [], next: '' });
  });
});
