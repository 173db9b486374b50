/**
 * Issue 14 on the ManualClock with scripted sources: a starving (slow) live source is seen
 * before it runs dry and left with a crossfade; an underrun is a health event (refill, then
 * hold-off); a clean close plays out the buffer; an abandoned crossfade fades back out;
 * audio events are coalesced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AudioEngine } from '../../src/audio/engine.js';
import { DEFAULT_LIMITS, type HealthLimits } from '../../src/audio/health.js';
import { OnAirWatch } from '../../src/audio/onair-watch.js';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { MemorySink } from '../helpers/memory-sink.js';
import { ScriptedFactory } from '../helpers/scripted-source.js';
import { deadAir, fromS16, probeMagnitudes, segments } from '../helpers/tones.js';

const RELAY = {
  id: 'relay',
  source: { kind: 'stream' as const, url: 'http://127.0.0.1:1/live' },
  fallback: { kind: 'tone' as const, hz: 440 },
};

async function relay(limits: Partial<HealthLimits> = {}) {
  const clock = new ManualClock();
  const events = new MemoryEvents();
  const alarms = new Alarms(events, () => clock.now());
  const factory = new ScriptedFactory(
    clock,
    { ...DEFAULT_LIMITS, ...limits },
    { prerollMs: 3000, maxMs: 5000 },
  );
  const sink = new MemorySink();
  const watch = new OnAirWatch({ events, alarms, silenceDb: -50, outputSilenceMs: 10_000 });
  const engine = new AudioEngine({ clock, factory, sink, watch, crossfadeMs: 500 });
  current = engine;
  await engine.start();
  await engine.play('programme', RELAY);
  await clock.advance(8000);
  const live = factory.get('programme:relay:source');
  const segs = () => segments(fromS16(sink.pcm()));
  const switches = () => events.events.filter((e) => e.kind === 'audio.switch').map((e) => e.details);
  /** 20 ms windows from `fromS` where the live tone is heard above −30 dBFS (Goertzel). */
  const liveLeakMs = (fromS: number) => {
    const pcm = fromS16(sink.pcm());
    let n = 0;
    for (let f = Math.round(fromS * 48_000); f + 960 <= pcm.data.length / 2; f += 960)
      if ((probeMagnitudes(pcm, f, 960)[1000] as number) > 10 ** (-30 / 20) / 2) n++;
    return n * 20;
  };
  const nowS = () => sink.frames.length * 0.02;
  /** The fallback's run after the live source (the fallback also played before it came). */
  const fallbackRun = () => {
    const s = segs();
    const live = s.findIndex((x) => x.tone === 1000);
    return s.find((x, k) => k > live && x.tone === 440);
  };
  /** From when the failover crossfade (0.5 s) has finished. */
  const fallbackFromS = () => (fallbackRun()?.start ?? Number.NaN) + 0.5;
  return {
    clock,
    events,
    alarms,
    engine,
    live,
    sink,
    segs,
    switches,
    liveLeakMs,
    nowS,
    fallbackFromS,
    fallbackRun,
  };
}

let current: AudioEngine | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('a starving live source (issue 14)', () => {
  it('half the bit rate: reported slow with its rate, left early with a crossfade, never leaks back', async () => {
    const r = await relay();
    r.live.rate = 0.5;
    await r.clock.advance(20_000);
    const slow = r.events.events.find((e) => e.kind === 'audio.source-slow');
    expect(slow?.details).toMatchObject({ slow: true });
    expect(slow?.details?.rate as number).toBeLessThan(0.8);
    expect(slow?.details?.bufferMs as number).toBeGreaterThan(1000); // seen before it ran dry
    const failover = r.switches().find((d) => d?.reason === 'failover');
    expect(failover).toMatchObject({ cause: 'slow', crossfade: true });
    expect(r.liveLeakMs(r.fallbackFromS())).toBe(0);
    expect(deadAir(r.segs()).deadMs).toBe(0);
    // the fallback played until the live source had its pre-roll, then one failover
    expect(r.switches().map((d) => d?.reason)).toEqual(['start', 'priority', 'failover']);
    expect(r.engine.status().slots.programme?.sources[0]).toMatchObject({ reason: 'slow' });
  });

  it('a link whose rate varies: one failover, the hold-off after recovery, one crossfade back', async () => {
    const r = await relay({ holdoffMs: 10_000 });
    for (const rate of [0.5, 0.3, 0.9, 0.4, 0.6, 0.2, 0.7, 0.5]) {
      r.live.rate = rate;
      await r.clock.advance(2500);
    }
    expect(r.liveLeakMs(r.fallbackFromS())).toBe(0);
    const recoveredAt = r.nowS();
    r.live.rate = 1.5; // the link recovers and catches up
    await r.clock.advance(3000);
    r.live.rate = 1;
    await r.clock.advance(8000);
    expect(r.engine.onAir().using).toBe('fallback'); // inside the hold-off
    await r.clock.advance(10_000);
    expect(r.engine.onAir().using).toBe('source');
    expect(r.switches().map((d) => d?.reason)).toEqual(['start', 'priority', 'failover', 'recovered']);
    expect(r.switches().at(-1)?.crossfade).toBe(true);
    expect(deadAir(r.segs()).deadMs).toBe(0);
    // back no earlier than the hold-off after the link recovered
    expect((r.fallbackRun()?.end ?? 0) - recoveredAt).toBeGreaterThanOrEqual(10);
  });

  it('an underrun is a health event: refilled to the pre-roll and held off before it is taken back', async () => {
    // detection deliberately late (no stall, no rate judgement): the frame-level underrun acts
    const r = await relay({ stallMs: 60_000, rateWindowMs: 60_000 });
    r.live.feed_ = 'none';
    await r.clock.advance(6000);
    expect(r.engine.onAir().using).toBe('fallback');
    expect(r.engine.status().slots.programme?.sources[0]?.reason).toBe('underrun');
    r.live.feed_ = 'tone';
    const resumedS = r.nowS();
    await r.clock.advance(9000); // refilled after 3 s, then inside the 10 s hold-off
    expect(r.liveLeakMs(resumedS)).toBe(0);
    await r.clock.advance(6000);
    expect(r.engine.onAir().using).toBe('source');
    expect(r.switches().map((d) => d?.reason)).toEqual(['start', 'priority', 'failover', 'recovered']);
    expect(deadAir(r.segs()).deadMs).toBe(0);
  });
});

describe('a clean close plays out what is buffered (issue 14)', () => {
  it('stays on the live audio until the end of its buffer, then crossfades', async () => {
    const r = await relay();
    const buffered = r.engine.status().slots.programme?.sources[0]?.bufferMs ?? 0;
    expect(buffered).toBeGreaterThan(2000);
    const closedS = r.nowS();
    r.live.closeCleanly();
    await r.clock.advance(1000);
    expect(r.engine.onAir().using).toBe('source');
    await r.clock.advance(buffered + 1000);
    expect(r.engine.onAir().using).toBe('fallback');
    const liveAfter = r
      .segs()
      .filter((s) => s.tone === 1000 && s.end > closedS)
      .reduce((t, s) => t + s.end - Math.max(s.start, closedS), 0);
    // all the buffered programme was aired: the last ~0.5 s under the crossfade
    expect(liveAfter * 1000).toBeGreaterThan(buffered - 700);
    expect(deadAir(r.segs()).deadMs).toBe(0);
    expect(r.switches().find((d) => d?.reason === 'failover')).toMatchObject({
      cause: 'closed',
      crossfade: true,
    });
  });

  it('a broken connection still fails over at once', async () => {
    const r = await relay();
    r.live.close();
    await r.clock.advance(100);
    expect(r.switches().at(-1)).toMatchObject({ reason: 'failover', cause: 'closed' });
  });
});

describe('crossfades and events', () => {
  it('an abandoned crossfade back fades out again instead of a cut', async () => {
    const r = await relay({ holdoffMs: 2000 });
    r.live.close();
    await r.clock.advance(1000);
    r.live.reconnect();
    await r.clock.advance(6000); // refilled, hold-off over: the crossfade back starts
    const fading = r.switches().at(-1);
    expect(fading?.reason).toBe('recovered');
    r.live.garbage(3); // corrupt mid-crossfade
    await r.clock.advance(1000);
    expect(r.engine.onAir().using).toBe('fallback');
    // no hard cut: sample-to-sample steps stay within a sine's own
    const pcm = fromS16(r.sink.pcm());
    let maxStep = 0;
    for (let i = pcm.data.length - 48_000 * 4; i < pcm.data.length; i += 2)
      maxStep = Math.max(maxStep, Math.abs((pcm.data[i] as number) - (pcm.data[i - 2] as number)));
    expect(maxStep).toBeLessThan(0.05);
    expect(deadAir(r.segs()).deadMs).toBe(0);
  });

  it('a flapping source: audio.switch bounded per minute, one flapping summary', async () => {
    const r = await relay({ holdoffMs: 0 });
    for (let i = 0; i < 20; i++) {
      r.live.feed_ = 'none';
      await r.clock.advance(2500);
      r.live.feed_ = 'tone';
      r.live.push(3000); // each reconnect's burst
      await r.clock.advance(1000);
    }
    await r.clock.advance(1000);
    const kinds = r.events.kinds();
    const perMinute = kinds.filter((k) => k === 'audio.switch').length;
    expect(perMinute).toBeLessThanOrEqual(6 * 2);
    const flapping = r.events.events.filter((e) => e.kind === 'audio.flapping');
    expect(flapping.length).toBeGreaterThanOrEqual(1);
    expect(flapping[0]?.message).toMatch(/flapping: \d+ switches in 60 s/);
    expect(kinds.length).toBeLessThan(60);
  });
});
