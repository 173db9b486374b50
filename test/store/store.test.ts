import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { EventLog } from '../../src/store/eventlog.js';
import { drive, type SimHarness, startSimStation, tempDir } from '../helpers/sim-station.js';

describe('store survives damage', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  it('a truncated state file is kept aside; the station starts from the last good copy and says so', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(3, true);
    await drive(h.clock, h.station.chain.powerOn());
    h.station.saveCommanded();
    await h.station.store.flush();
    // a second write makes a .bak of the first
    h.station.store.state.update((s) => {
      s.boots += 0;
    });
    await h.station.store.flush();
    await drive(h.clock, h.station.stop());
    const file = join(h.dataDir, 'state.json');
    truncateSync(file, 17); // power cut mid-write on a card that lied about fsync
    h = await startSimStation({ dataDir: h.dataDir, clock: h.clock });
    const bad = readdirSync(h.dataDir).filter((f) => f.startsWith('state.json.') && f.endsWith('.bad'));
    expect(bad).toHaveLength(1);
    const rec = h.station.store.events.query({ kinds: ['store.recovered'] });
    expect(rec.at(-1)?.message).toMatch(/state\.json was damaged .*last good copy/);
    expect(h.station.chain.commanded).toEqual({ on: true, zones: [3] });
    await drive(h.clock, Promise.resolve());
    await h.clock.advance(4000);
    expect(h.station.chain.state).toBe('on'); // restored the commanded state
  });

  it('garbage in every file: starts from defaults, never crashes', async () => {
    const dataDir = tempDir();
    for (const f of ['state.json', 'config.json']) writeFileSync(join(dataDir, f), '\u0000\u0000{"schema":');
    writeFileSync(
      join(dataDir, 'events.jsonl'),
      'not json\n{"seq":1,"ts":1,"kind":"x","severity":"info","sub":"t","message":"m","details":{}}\n{"seq":2,',
    );
    h = await startSimStation({ dataDir });
    expect(h.station.chain.commanded).toEqual({ on: false, zones: [] });
    const kinds = h.station.store.events.query().map((e) => e.kind);
    expect(kinds[0]).toBe('x'); // the good event survived
    expect(kinds.filter((k) => k === 'store.recovered')).toHaveLength(3);
    expect(h.station.store.events.lastSeq).toBeGreaterThan(1); // sequence continues after the survivor
  });
});

describe('event log', () => {
  it('numbers events in order across restarts and drops the oldest routine events first', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const file = join(dir, 'events.jsonl');
    const log = new EventLog({ file, clock, maxEvents: 5 });
    await log.load();
    log.emit({ kind: 'a', severity: 'alarm', sub: 't', message: 'alarm 1' });
    for (let i = 0; i < 6; i++) log.emit({ kind: 'r', severity: 'info', sub: 't', message: `routine ${i}` });
    await log.flush();
    expect(log.query().map((e) => e.message)).toEqual([
      'alarm 1',
      'routine 2',
      'routine 3',
      'routine 4',
      'routine 5',
    ]);
    expect(log.dropped).toBe(2);
    const again = new EventLog({ file, clock, maxEvents: 5 });
    await again.load();
    expect(again.query().map((e) => e.seq)).toEqual([1, 4, 5, 6, 7]);
    expect(again.emit({ kind: 'n', severity: 'info', sub: 't', message: 'next' }).seq).toBe(8);
  });

  it('batches routine events and writes alarms promptly', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const file = join(dir, 'events.jsonl');
    const log = new EventLog({ file, clock, flushMs: 5000, alarmFlushMs: 200 });
    await log.load();
    log.emit({ kind: 'r', severity: 'info', sub: 't', message: 'routine' });
    await clock.advance(1000);
    expect(() => readFileSync(file, 'utf8')).toThrow(); // not yet written
    log.emit({ kind: 'a', severity: 'alarm', sub: 't', message: 'alarm' });
    await clock.advance(250);
    await log.flush();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
