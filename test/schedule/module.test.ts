import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoaError } from '../../src/core/errors.js';
import type { EmergencyStatus } from '../../src/schedule/emergency.js';
import type { PlayLogEntry } from '../../src/schedule/play-log.js';
import type { ShowResult } from '../../src/schedule/service.js';
import { drive } from '../helpers/sim-station.js';
import { doc, programme, sampleDoc, vn } from './fixtures.js';
import { type ScheduleStation, scheduleStation } from './station-harness.js';

const MIN = 60_000;
const relay = { kind: 'relay', url: 'http://127.0.0.1:1/tinh.mp3' };
let h: ScheduleStation;
afterEach(async () => h?.cleanup());

async function rejected(p: Promise<unknown>): Promise<LoaError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LoaError);
  return e as LoaError;
}

describe('schedule apply and persistence', () => {
  it('rejects a bad document and changes nothing; a good one survives a restart', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '07:00') });
    await h.call('schedule.apply', { doc: sampleDoc() });
    const bad = doc([programme('x', { zones: [9] })], { version: 2 });
    const e = await rejected(Promise.resolve(h.call('schedule.apply', { doc: bad })));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/programme "x": zones: zone 9 does not exist; allowed: 1, 2, 3, 4/);
    const stored = JSON.parse(readFileSync(join(h.dataDir, 'schedule.json'), 'utf8'));
    expect(stored.applied.version).toBe(1);
    h = await h.restart();
    const got = (await h.call('schedule.get')) as { applied: { version: number } };
    expect(got.applied.version).toBe(1);
    const show = (await h.call('schedule.show', { days: 2 })) as ShowResult;
    expect(show.items.map((i) => i.startLocal.slice(11, 16))).toEqual(['17:00', '05:30', '17:00', '05:30']);
    expect(show.timezone).toBe('Asia/Ho_Chi_Minh');
  });

  it('shows the programme on air with its own start and end, not clipped to now', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '05:41') });
    await h.call('schedule.apply', { doc: sampleDoc() });
    const show = (await h.call('schedule.show', { days: 1 })) as ShowResult;
    const spans = show.items.map((i) => `${i.startLocal.slice(0, 16)}–${i.endLocal.slice(11, 16)}`);
    // on air since 05:30, this evening, and tomorrow's, which starts before 05:41 tomorrow
    expect(spans).toEqual(['2026-01-05 05:30–06:30', '2026-01-05 17:00–18:00', '2026-01-06 05:30–06:30']);
  });
});

describe('power with the programme, on the simulated chain', () => {
  it('the amplifier is on and unmuted at the start, contacts confirmed in the play log, off after', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '05:25'), settings: { powerGapMs: 60_000 } });
    await h.call('schedule.apply', {
      doc: doc([programme('sang', { source: relay, start: '05:30', duration: '5m', zones: [1, 2] })]),
    });
    const states: string[] = [];
    const play = h.port.play.bind(h.port);
    h.port.play = async (slot, req) => {
      states.push(`${h.station.chain.state} mute=${h.station.hal.output('amp.mute').commanded}`);
      return play(slot, req);
    };
    await h.clock.advance(5 * MIN + 2000);
    expect(h.port.calls[0]?.at).toBe(vn('2026-01-05', '05:30'));
    expect(states).toEqual(['on mute=false']);
    expect(await h.station.hal.feedback('zone.1')).toBe(true);
    expect(await h.station.hal.feedback('zone.3')).toBe(false);
    await h.clock.advance(5 * MIN);
    expect(h.station.chain.state).toBe('off');
    const [e] = (await h.call('playLog', {})) as PlayLogEntry[];
    expect(e?.confirmed).toMatchObject({ amplifier: true, zones: { 1: true, 2: true } });
    expect(e?.endReason).toBe('window ended');
  });

  it('a relay stuck open shows as not confirmed in the play log', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '05:25') });
    h.sim.inject({ name: 'relay-stuck', channel: 'zone.2' });
    await h.call('schedule.apply', {
      doc: doc([programme('sang', { source: relay, start: '05:30', duration: '5m', zones: [1, 2] })]),
    });
    await h.clock.advance(11 * MIN);
    const [e] = (await h.call('playLog', {})) as PlayLogEntry[];
    expect(e?.confirmed).toMatchObject({ amplifier: true, zones: { 1: true, 2: false } });
  });
});

describe('emergency', () => {
  const attention = () => h.port.calls.filter((c) => c.req.id.includes(':attention'));

  it('cold chain: attention signal as soon as the amplifier is unmuted, then the message, then power down', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '09:00') });
    const msg = join(h.dataDir, 'attention.wav'); // any existing file serves as the message
    h.port.lengths[msg] = 1500;
    const t0 = h.clock.now();
    const st = (await h.call('emergency.start', {
      source: msg,
      zones: [1, 3],
      repeat: 2,
    })) as EmergencyStatus;
    expect(st).toMatchObject({ active: true, phase: 'powering', zones: [1, 3], origin: 'command' });
    await h.clock.advance(4000);
    const [first] = attention();
    // sim power sequence: tx settle 500 + amp warm-up 2000 + 2 zones × 250 = 3000 ms
    expect(first?.at).toBe(t0 + 3000);
    expect((await h.call('emergency.status')) as EmergencyStatus).toMatchObject({
      latencyMs: 3050,
      phase: 'attention',
    });
    await h.clock.advance(10_000);
    // a file message plays in one request with the attention signal: gapless
    expect(h.port.calls.map((c) => c.req.id.split(':')[1])).toEqual([
      'attention+message',
      'attention+message',
    ]);
    expect(h.port.calls[0]?.req.source).toEqual({ kind: 'playlist', paths: [msg, msg] });
    const done = (await h.call('emergency.status')) as EmergencyStatus;
    expect(done).toMatchObject({ active: false, last: { reason: 'done' } });
    await h.clock.advance(3000);
    expect(h.station.chain.state).toBe('off');
    const log = (await h.call('playLog', {})) as PlayLogEntry[];
    expect(log.map((e) => [e.tier, e.title])).toEqual([
      ['emergency', 'attention signal + emergency message (command)'],
      ['emergency', 'attention signal + emergency message (command)'],
    ]);
  });

  it('warm chain: the attention signal is requested at once and cuts into the programme, which carries on after', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '05:25') });
    await h.call('schedule.apply', {
      doc: doc([programme('sang', { source: relay, start: '05:30', duration: '1h', zones: [1] })]),
    });
    await h.clock.advance(10 * MIN);
    const t0 = h.clock.now();
    const st = (await h.call('emergency.start', {})) as EmergencyStatus;
    expect(st.zones).toEqual([1, 2, 3, 4]);
    await h.clock.advance(100);
    expect(attention()[0]?.at).toBe(t0);
    expect(h.port.onAir().slot).toBe('emergency');
    expect(h.station.chain.commanded.zones).toEqual([1, 2, 3, 4]);
    await h.clock.advance(2000);
    expect(h.port.onAir()).toMatchObject({ slot: 'programme' });
    expect(h.station.chain.state).toBe('on');
    expect(h.station.chain.commanded.zones).toEqual([1]); // back to the programme's zones
  });

  it('stops on command, repeats every S seconds, and refuses bad input', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '09:00') });
    expect(
      (await rejected(h.call('emergency.start', { source: '/nope.mp3' }) as Promise<unknown>)).code,
    ).toBe('NOT_FOUND');
    expect((await rejected(h.call('emergency.start', { zones: [9] }) as Promise<unknown>)).message).toMatch(
      /zone 9 does not exist/,
    );
    expect(
      (await rejected(h.call('emergency.start', { source: 'msg.mp3' }) as Promise<unknown>)).message,
    ).toMatch(/absolute file path/);
    await h.call('emergency.start', { repeat: 3, everyS: 60 });
    await h.clock.advance(70_000);
    expect(attention()).toHaveLength(2);
    expect((attention()[1]?.at ?? 0) - (attention()[0]?.at ?? 0)).toBe(60_000);
    await drive(h.clock, h.call('emergency.stop') as Promise<unknown>);
    await h.clock.advance(5000);
    expect(h.station.chain.state).toBe('off');
    expect(((await h.call('emergency.status')) as EmergencyStatus).last?.reason).toBe('stopped');
    expect((await rejected(h.call('emergency.stop') as Promise<unknown>)).code).toBe('REFUSED');
  });

  it('a stream message follows the attention signal as its own request', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '09:00') });
    await h.call('emergency.start', { source: 'http://127.0.0.1:9/khan-cap.mp3', zones: [2] });
    await h.clock.advance(6000);
    expect(h.port.calls.map((c) => [c.req.id.split(':')[1], c.req.source.kind])).toEqual([
      ['attention', 'file'],
      ['message', 'stream'],
    ]);
    expect((await h.call('emergency.status')) as EmergencyStatus).toMatchObject({
      phase: 'message',
      zones: [2],
    });
  });

  it('the physical button starts it; pressed again it stops', async () => {
    h = await scheduleStation({
      start: vn('2026-01-05', '09:00'),
      settings: { button: { message: null, repeat: 20, everyS: 0 } },
    });
    h.sim.pressButton('button.emergency', true);
    await h.clock.advance(100);
    h.sim.pressButton('button.emergency', false);
    expect((await h.call('emergency.status')) as EmergencyStatus).toMatchObject({
      active: true,
      origin: 'button',
    });
    await h.clock.advance(5000);
    h.sim.pressButton('button.emergency', true);
    await h.clock.advance(5000);
    expect((await h.call('emergency.status')) as EmergencyStatus).toMatchObject({
      active: false,
      last: { reason: 'stopped' },
    });
  });

  it('plays with the clock unsynchronised, while scheduled programmes wait for sync', async () => {
    h = await scheduleStation({ start: vn('2026-01-05', '05:25'), sync: 'unsynchronised' });
    await h.call('schedule.apply', {
      doc: doc([programme('sang', { source: relay, start: '05:30', duration: '1h' })]),
    });
    await h.clock.advance(10 * MIN);
    expect(h.station.alarms.has('clock.unsynchronised')).toBe(true);
    expect(h.port.calls).toHaveLength(0);
    await h.call('emergency.start', {});
    await h.clock.advance(6000);
    expect(attention()).toHaveLength(1);
    h.sync.state = 'synchronised';
    await h.mod.gate.refresh();
    await h.clock.advance(6000);
    expect(h.station.alarms.has('clock.unsynchronised')).toBe(false);
    const prog = h.port.calls.find((c) => c.slot === 'programme');
    expect(prog?.req.id).toMatch(/^sang@/);
  });
});
