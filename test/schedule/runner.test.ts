import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/schedule/compile.js';
import { doc, HOUR, programme, type Raw, sampleDoc, vn } from './fixtures.js';
import { type RunnerHarness, runnerHarness } from './runner-harness.js';

const MIN = 60_000;
const PRE_ROLL = 4700;
const relay = { kind: 'relay', url: 'http://127.0.0.1:1/tinh.mp3' };
const file = (name: string) => ({ kind: 'file', file: { path: `/media/${name}.mp3` } });

let h: RunnerHarness;
afterEach(async () => h?.cleanup());

const programmeCalls = () => h.port.calls.filter((c) => c.slot === 'programme');

describe('runner: the day on time, for weeks', () => {
  it('plays both daily windows of the sample on the minute for two weeks, power up before, down after', async () => {
    h = await runnerHarness({ start: vn('2026-01-05', '00:00'), raw: sampleDoc() });
    await h.clock.advance(14 * DAY_MS);
    const calls = programmeCalls();
    expect(calls).toHaveLength(28);
    for (let d = 0; d < 14; d++) {
      const day = vn('2026-01-05') + d * DAY_MS;
      expect(calls[2 * d]?.at).toBe(day + 5.5 * HOUR);
      expect(calls[2 * d + 1]?.at).toBe(day + 17 * HOUR);
    }
    const ups = h.chain.history.filter((e) => e.what === 'on').map((e) => e.at);
    const offs = h.chain.history.filter((e) => e.what === 'off').map((e) => e.at);
    expect(ups).toHaveLength(28);
    expect(offs).toHaveLength(28);
    // the chain is on (amplifier unmuted) before each start, and goes off at each end
    for (const [i, c] of calls.entries()) {
      expect(ups[i]).toBeLessThanOrEqual(c.at);
      expect(ups[i]).toBe(c.at - PRE_ROLL + 3500);
      expect(offs[i]).toBe(c.at + HOUR);
    }
    expect(calls[0]?.req.source).toEqual({ kind: 'stream', url: 'http://127.0.0.1:8000/tinh.mp3' });
    expect(calls[0]?.req.fallback).toMatchObject({ kind: 'playlist', loop: true });
    expect(h.playLog.query({ limit: 1000 })).toHaveLength(28);
  });

  it('keeps the chain up between items closer than the gap, and cycles it when the gap is 0', async () => {
    const raw = doc([
      programme('a', { source: relay, start: '17:00', duration: '30m' }),
      programme('b', { source: relay, start: '17:35', duration: '25m' }),
    ]);
    h = await runnerHarness({ start: vn('2026-01-05', '16:00'), raw });
    await h.clock.advance(3 * HOUR);
    expect(h.chain.history.map((e) => e.what)).toEqual(['up', 'on', 'off']);
    await h.cleanup();
    h = await runnerHarness({ start: vn('2026-01-05', '16:00'), raw, settings: { powerGapMs: 0 } });
    await h.clock.advance(3 * HOUR);
    expect(h.chain.history.map((e) => [e.what, e.at])).toEqual([
      ['up', vn('2026-01-05', '17:00') - PRE_ROLL],
      ['on', vn('2026-01-05', '17:00') - PRE_ROLL + 3500],
      ['off', vn('2026-01-05', '17:30')],
      ['up', vn('2026-01-05', '17:35') - PRE_ROLL],
      ['on', vn('2026-01-05', '17:35') - PRE_ROLL + 3500],
      ['off', vn('2026-01-05', '18:00')],
    ]);
  });
});

describe('runner: start lead', () => {
  it('asks the engine early by its measured start-up plus the output latency, so audio is heard on time', async () => {
    const raw = doc([
      programme('a', { source: relay, start: '05:30', duration: '10m' }),
      programme('b', { source: relay, start: '06:00', duration: '10m' }),
    ]);
    h = await runnerHarness({
      start: vn('2026-01-05', '05:00'),
      raw,
      settings: { startLeadMs: 'auto', outputLatencyMs: 200 },
    });
    await h.clock.advance(2 * HOUR);
    const [a, b] = programmeCalls();
    expect(a?.at).toBe(vn('2026-01-05', '05:30') - 1200); // before any start: 1000 ms guess + 200 ms
    expect(b?.at).toBe(vn('2026-01-05', '06:00') - 250); // measured: the fake engine's 50 ms
    // both asked ahead of their instant: held by the engine until then (less the output latency)
    expect(typeof a?.req.startAt).toBe('number');
    expect(typeof b?.req.startAt).toBe('number');
    expect(h.runner.lead()).toBe(250);
    // the window still ends at its time: the item is marked done, not replayed after a jump back
    expect(h.playLog.query().map((e) => e.endReason)).toEqual(['window ended', 'window ended']);
  });
});

describe('runner: tiers', () => {
  it('a priority bulletin pre-empts the programme, which resumes when the bulletin file ends', async () => {
    const raw = doc([
      programme('chieu', { source: relay, start: '17:00', duration: '1h' }),
      programme('tin', {
        source: file('tin'),
        tier: 'priority',
        start: '17:20',
        duration: '10m',
        zones: [2],
      }),
    ]);
    h = await runnerHarness({
      start: vn('2026-01-05', '16:00'),
      raw,
      lengths: { '/media/tin.mp3': 5 * MIN },
    });
    await h.clock.advance(3 * HOUR);
    expect(programmeCalls().map((c) => [c.req.id.split('@')[0], c.at])).toEqual([
      ['chieu', vn('2026-01-05', '17:00')],
      ['tin', vn('2026-01-05', '17:20')],
      ['chieu', vn('2026-01-05', '17:25') + 50], // the bulletin file ended (after 50 ms decoder start)
    ]);
    const log = h.playLog.query();
    expect(log.map((e) => [e.programmeId, e.endReason])).toEqual([
      ['chieu', 'pre-empted by tin'],
      ['tin', 'finished'],
      ['chieu', 'window ended'],
    ]);
    expect(log[1]?.zones).toEqual([2]);
  });
});

describe('runner: clock gate, jumps, restart', () => {
  const oneHourFile = doc([programme('sang', { source: file('sang'), start: '05:30', duration: '1h' })]);

  it('starts nothing while unsynchronised; on sync the current window starts late from its offset', async () => {
    h = await runnerHarness({ start: vn('2026-01-05', '05:00'), lengths: { '/media/sang.mp3': HOUR } });
    h.gate.open = false;
    await h.setPlan(oneHourFile);
    await h.clock.advance(40 * MIN);
    expect(programmeCalls()).toHaveLength(0);
    expect(h.chain.history).toHaveLength(0);
    h.gate.open = true;
    await h.runner.replan('clock gate');
    const [c] = programmeCalls();
    expect(c?.at).toBe(vn('2026-01-05', '05:40'));
    expect(c?.req.source).toEqual({ kind: 'file', path: '/media/sang.mp3', offsetMs: 10 * MIN });
  });

  it('a clock that jumps forward into a window starts it at the offset; nothing missed is fired', async () => {
    h = await runnerHarness({
      start: vn('2026-01-05', '05:00'),
      raw: oneHourFile,
      lengths: { '/media/sang.mp3': HOUR },
    });
    await h.clock.advance(MIN);
    h.clock.jumpWall(40 * MIN); // 05:41
    await h.clock.advance(MIN); // the next tick (05:42 by the wall) sees the jump
    const calls = programmeCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.at).toBe(vn('2026-01-05', '05:42'));
    expect(calls[0]?.req.source).toMatchObject({ offsetMs: 12 * MIN });
    expect(h.events.kinds()).toContain('clock.jump');
    // a jump past the window's end ends it; the window is not played again later
    h.clock.jumpWall(3 * HOUR);
    await h.clock.advance(2 * HOUR);
    expect(programmeCalls()).toHaveLength(1);
    expect(h.port.ended.map((e) => e.reason)).toEqual(['stopped']);
    expect(h.playLog.query().map((e) => e.endReason)).toEqual(['window ended']);
  });

  it('a clock that jumps back neither replays a finished item nor restarts the one on air', async () => {
    h = await runnerHarness({
      start: vn('2026-01-05', '05:00'),
      raw: oneHourFile,
      lengths: { '/media/sang.mp3': 2 * HOUR },
    });
    await h.clock.advance(HOUR); // 06:00, on air
    h.clock.jumpWall(-15 * MIN); // 05:45
    await h.clock.advance(MIN);
    expect(programmeCalls()).toHaveLength(1);
    await h.clock.advance(HOUR); // past the end
    h.clock.jumpWall(-HOUR); // back into the window that has played
    await h.clock.advance(30 * MIN);
    expect(programmeCalls()).toHaveLength(1);
    expect(h.playLog.query().map((e) => e.endReason)).toEqual(['window ended']);
  });

  it('a restart in the middle of a programme resumes it at once, a file at its offset', async () => {
    const lengths = { '/media/sang.mp3': HOUR };
    const dir = (await import('../helpers/sim-station.js')).tempDir('loa-restart-');
    h = await runnerHarness({ start: vn('2026-01-05', '05:20'), raw: oneHourFile, lengths, dir });
    await h.clock.advance(20 * MIN);
    await h.cleanup();
    const restartAt = vn('2026-01-05', '05:47');
    h = await runnerHarness({ start: restartAt, raw: oneHourFile, lengths, dir });
    await h.clock.advance(100);
    const [c] = programmeCalls();
    expect(c?.at).toBe(restartAt);
    expect(c?.req.source).toMatchObject({ offsetMs: 17 * MIN });
    expect(h.port.firstAudio[0]?.at).toBe(restartAt + 50);
    // the first run's entry was closed on stop; the resumed one is its own entry
    expect(h.playLog.query().map((e) => e.endReason)).toEqual(['station stopped', undefined]);
  });
});

describe('runner: stale schedule, failures, play log', () => {
  it('past valid_until raises schedule.stale and keeps playing (or stops, when configured)', async () => {
    const raw: Raw = {
      ...doc([programme('s', { source: relay, start: '05:30' })]),
      valid_until: '2026-01-05',
    };
    h = await runnerHarness({ start: vn('2026-01-05', '20:00'), raw });
    await h.clock.advance(DAY_MS);
    expect(h.alarms.has('schedule.stale')).toBe(true);
    expect(programmeCalls()).toHaveLength(1);
    await h.cleanup();
    h = await runnerHarness({ start: vn('2026-01-05', '20:00'), raw, settings: { staleAction: 'stop' } });
    await h.clock.advance(DAY_MS);
    expect(h.alarms.has('schedule.stale')).toBe(true);
    expect(programmeCalls()).toHaveLength(0);
  });

  it('records what was heard, live or fallback, and the relays confirmed by feedback', async () => {
    h = await runnerHarness({
      start: vn('2026-01-05', '05:00'),
      raw: doc([programme('s', { source: relay, start: '05:30', duration: '30m', zones: [1, 3] })]),
    });
    await h.clock.advance(40 * MIN);
    h.port.useFallback('programme');
    await h.clock.advance(25 * MIN);
    const [e] = h.playLog.query();
    expect(e?.start).toBe(vn('2026-01-05', '05:30') + 50);
    expect(e?.end).toBe(vn('2026-01-05', '06:00'));
    expect(e?.sources.map((s) => s.using)).toEqual(['source', 'fallback']);
    expect(e?.zones).toEqual([1, 3]);
    expect(e?.confirmed).toMatchObject({ amplifier: true, zones: { 1: true, 3: true } });
    expect(h.events.kinds()).toContain('playlog.item');
  });

  it('an item the engine cannot play raises an event and is not retried in a loop', async () => {
    h = await runnerHarness({
      start: vn('2026-01-05', '05:00'),
      raw: doc([programme('s', { source: relay, start: '05:30' })]),
    });
    h.port.failing = /tinh/;
    await h.clock.advance(2 * HOUR);
    expect(h.events.kinds().filter((k) => k === 'schedule.failed')).toHaveLength(1);
    expect(h.playLog.query()).toHaveLength(0);
  });
});
