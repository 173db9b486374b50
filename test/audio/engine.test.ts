import { afterEach, describe, expect, it } from 'vitest';
import { AudioEngine } from '../../src/audio/engine.js';
import { DEFAULT_LIMITS, type HealthLimits } from '../../src/audio/health.js';
import { ALARM_NO_SOURCE, ALARM_OUTPUT_SILENT, OnAirWatch } from '../../src/audio/onair-watch.js';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { MemorySink } from '../helpers/memory-sink.js';
import { ScriptedFactory } from '../helpers/scripted-source.js';
import { deadAir, fromS16, probeMagnitudes, type Segment, segments } from '../helpers/tones.js';

const RELAY = {
  id: 'relay',
  source: { kind: 'stream' as const, url: 'http://127.0.0.1:1/live' },
  fallback: { kind: 'tone' as const, hz: 440 },
};

function rig(limits: Partial<HealthLimits> = {}) {
  const clock = new ManualClock();
  const events = new MemoryEvents();
  const alarms = new Alarms(events, () => clock.now());
  const factory = new ScriptedFactory(clock, { ...DEFAULT_LIMITS, ...limits });
  const sink = new MemorySink();
  const watch = new OnAirWatch({ events, alarms, silenceDb: -50, outputSilenceMs: 10_000 });
  const engine = new AudioEngine({ clock, factory, sink, watch, crossfadeMs: 500 });
  const segs = (): Segment[] => segments(fromS16(sink.pcm()));
  const secondsOf = (tone: number, fromS = 0) =>
    segs()
      .filter((s) => s.tone === tone && s.end > fromS)
      .reduce((t, s) => t + s.end - Math.max(s.start, fromS), 0);
  return { clock, events, alarms, factory, sink, engine, segs, secondsOf };
}

let current: ReturnType<typeof rig> | undefined;
afterEach(async () => {
  await current?.engine.close();
  current = undefined;
});

async function relay(limits: Partial<HealthLimits> = {}) {
  const r = rig(limits);
  current = r;
  await r.engine.start();
  await r.engine.play('programme', RELAY);
  await r.clock.advance(5000);
  return { ...r, live: r.factory.get('programme:relay:source') };
}

describe('switcher failover (ManualClock, scripted sources)', () => {
  it('plays the live source, armed fallback behind it', async () => {
    const r = await relay();
    expect(r.engine.onAir()).toEqual({
      slot: 'programme',
      id: 'relay',
      using: 'source',
      sourceKind: 'stream',
    });
    expect(r.segs().map((s) => s.tone)).toEqual([1000]);
    expect(r.factory.get('programme:relay:fallback').started).toBe(true);
  });

  it('a stall switches to the fallback with no dead air, crossfading out of the buffered live audio', async () => {
    const r = await relay();
    r.live.feed_ = 'none';
    await r.clock.advance(6000);
    const segs = r.segs();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(segs.at(-1)?.tone).toBe(440);
    expect(r.engine.onAir().using).toBe('fallback');
    const sw = r.events.events.find((e) => e.kind === 'audio.switch' && e.details?.reason === 'failover');
    expect(sw?.details).toMatchObject({ cause: 'stalled', crossfade: true });
    expect(r.events.kinds()).toContain('audio.source-unhealthy');
  });

  it('an underrun before detection is filled in the same frame (no silent frame)', async () => {
    // stall detection later than the buffer lasts: the frame-level safety net must catch it
    const r = await relay({ stallMs: 60_000 });
    r.live.feed_ = 'none';
    await r.clock.advance(5000);
    const segs = r.segs();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(segs.at(-1)?.tone).toBe(440);
  });

  it('garbage (decode errors) fails over at once', async () => {
    const r = await relay();
    r.live.garbage(3);
    await r.clock.advance(1000);
    expect(r.engine.onAir().using).toBe('fallback');
    expect(deadAir(r.segs()).deadMs).toBe(0);
    const sw = r.events.events.find((e) => e.kind === 'audio.switch' && e.details?.reason === 'failover');
    expect(sw?.details?.cause).toBe('garbage');
  });

  it('a close fails over and the request stays (the stream will reconnect)', async () => {
    const r = await relay();
    r.live.close();
    await r.clock.advance(1000);
    expect(r.engine.onAir().using).toBe('fallback');
    expect(deadAir(r.segs()).deadMs).toBe(0);
    expect(r.engine.status().slots.programme?.id).toBe('relay');
  });

  it('silence longer than the limit switches; shorter silence does not', async () => {
    const r = await relay();
    r.live.feed_ = 'silence';
    await r.clock.advance(9000);
    expect(r.engine.onAir().using).toBe('source');
    await r.clock.advance(4000);
    expect(r.engine.onAir().using).toBe('fallback');
    const sw = r.events.events.find((e) => e.kind === 'audio.switch' && e.details?.reason === 'failover');
    expect(sw?.details?.cause).toBe('silent');
  });
});

describe('switching back: hold-off and crossfade', () => {
  it('waits for the hold-off after recovery, then crossfades back', async () => {
    const r = await relay();
    r.live.feed_ = 'none';
    await r.clock.advance(4000);
    const failedAtS = r.sink.frames.length * 0.02;
    r.live.feed_ = 'tone';
    await r.clock.advance(9000);
    // recovered (pre-roll 1 s) but inside the 10 s hold-off: still the fallback
    expect(r.secondsOf(1000, failedAtS)).toBe(0);
    await r.clock.advance(4000);
    expect(r.engine.onAir().using).toBe('source');
    const back = r.events.events.find((e) => e.kind === 'audio.switch' && e.details?.reason === 'recovered');
    expect(back?.details?.crossfade).toBe(true);
    // the crossfade: windows where both tones are clearly present
    const pcm = fromS16(r.sink.pcm());
    let both = 0;
    for (let f = 0; f + 960 <= pcm.data.length / 2; f += 960) {
      const m = probeMagnitudes(pcm, f, 960);
      if ((m[440] as number) > 0.02 && (m[1000] as number) > 0.02) both++;
    }
    expect(both).toBeGreaterThanOrEqual(15); // 0.5 s crossfade ≈ 25 windows, both audible for most
    expect(deadAir(r.segs()).deadMs).toBe(0);
  });

  it('a link flapping every 3 s stays on the fallback without a gap', async () => {
    const r = await relay();
    for (let i = 0; i < 5; i++) {
      r.live.feed_ = 'none';
      await r.clock.advance(3000);
      r.live.feed_ = 'tone';
      await r.clock.advance(3000);
    }
    const segs = r.segs();
    const firstBackup = segs.findIndex((s) => s.tone === 440);
    expect(firstBackup).toBeGreaterThan(0);
    // once on the fallback, never back to the flapping live source, never silent
    expect(segs.slice(firstBackup).map((s) => s.tone)).toEqual([440]);
    const switches = r.events.events.filter((e) => e.kind === 'audio.switch');
    expect(switches.length).toBe(2); // start, then one failover
  });
});

describe('slots, requests and the power fader', () => {
  it('emergency pre-empts the programme and hands back when it ends', async () => {
    const r = await relay();
    await r.engine.play('emergency', { id: 'alert', source: { kind: 'tone', hz: 2000 } });
    await r.clock.advance(1000);
    expect(r.engine.onAir()).toMatchObject({ slot: 'emergency', id: 'alert' });
    const ended: string[] = [];
    r.engine.onEnded((slot, id, reason) => ended.push(`${slot}/${id}/${reason}`));
    r.factory.get('emergency:alert:source').endInput();
    await r.clock.advance(3000);
    expect(ended).toEqual(['emergency/alert/finished']);
    expect(r.engine.onAir()).toMatchObject({ slot: 'programme', id: 'relay', using: 'source' });
    expect(r.segs().map((s) => s.tone)).toEqual([1000, 2000, 1000]);
  });

  it('reports first audio and stopped requests', async () => {
    const r = rig();
    current = r;
    const first: string[] = [];
    const ended: string[] = [];
    r.engine.onFirstAudio((slot, id) => first.push(`${slot}/${id}`));
    r.engine.onEnded((slot, id, reason) => ended.push(`${slot}/${id}/${reason}`));
    await r.engine.start();
    await r.engine.play('fallback', { id: 'pl', source: { kind: 'tone', hz: 440 } });
    await r.clock.advance(100);
    await r.engine.stop('fallback', 'other-id');
    expect(r.engine.onAir().slot).toBe('fallback');
    await r.engine.stop('fallback', 'pl');
    await r.clock.advance(100);
    expect(first).toEqual(['fallback/pl']);
    expect(ended).toEqual(['fallback/pl/stopped']);
    expect(r.engine.onAir()).toEqual({ slot: 'silence' });
  });

  it('refuses a bad request and changes nothing', async () => {
    const r = await relay();
    const bad = r.engine.play('programme', { id: 'x', source: { kind: 'tone', hz: 5 } });
    await expect(bad).rejects.toThrow(LoaError);
    await expect(r.engine.play('programme', { id: 'x', source: { kind: 'tone', hz: 5 } })).rejects.toThrow(
      /source\.hz/,
    );
    await expect(r.engine.play('nope' as 'programme', RELAY)).rejects.toThrow(/slot/);
    expect(r.engine.onAir().id).toBe('relay');
  });

  it('fades out before mute and in after unmute without a step', async () => {
    const r = await relay();
    const before = r.sink.frames.length;
    const done = r.engine.fadeOut(200);
    await r.clock.advance(300);
    await done;
    expect(r.engine.status().masterGain).toBe(0);
    const pcm = fromS16(Buffer.concat(r.sink.frames.slice(before)));
    let maxStep = 0;
    let envelope = 0;
    for (let i = 0; i < pcm.data.length; i += 2) {
      const a = Math.abs(pcm.data[i] as number);
      envelope = Math.max(envelope * 0.999, a);
      if (i > 2) maxStep = Math.max(maxStep, Math.abs((pcm.data[i] as number) - (pcm.data[i - 2] as number)));
    }
    // a 1 kHz sine at 0.25 moves at most 0.033 per sample at 48 kHz; a click would jump further
    expect(maxStep).toBeLessThan(0.04);
    expect(r.segs().at(-1)?.tone).toBe(0);
    const up = r.engine.fadeIn(200);
    await r.clock.advance(300);
    await up;
    expect(r.engine.status().masterGain).toBe(1);
  });
});

describe('alarms', () => {
  it('raises "nothing playable" when every source fails, and clears it', async () => {
    const r = rig();
    current = r;
    await r.engine.start();
    await r.engine.play('programme', { id: 'relay', source: RELAY.source });
    await r.clock.advance(3000);
    r.factory.get('programme:relay:source').feed_ = 'none';
    await r.clock.advance(6000);
    expect(r.alarms.has(ALARM_NO_SOURCE)).toBe(false); // within the 5 s grace
    await r.clock.advance(2000);
    expect(r.alarms.has(ALARM_NO_SOURCE)).toBe(true);
    r.factory.get('programme:relay:source').feed_ = 'tone';
    await r.clock.advance(3000);
    expect(r.alarms.has(ALARM_NO_SOURCE)).toBe(false);
  });

  it('raises "should be on air, is silent" after 10 s of silent output', async () => {
    const r = rig();
    current = r;
    await r.engine.start();
    await r.engine.play('programme', { id: 'quiet', source: { kind: 'silence' } });
    r.factory.get('programme:quiet:source').feed_ = 'silence';
    await r.clock.advance(9000);
    expect(r.alarms.has(ALARM_OUTPUT_SILENT)).toBe(false);
    await r.clock.advance(2000);
    expect(r.alarms.has(ALARM_OUTPUT_SILENT)).toBe(true);
  });
});
