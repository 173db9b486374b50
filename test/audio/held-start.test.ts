/**
 * A play request with startAt (the schedule's held start): decoded and buffered at once, heard
 * only from its instant; what was on air in the slot plays on until then.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AudioEngine } from '../../src/audio/engine.js';
import { DEFAULT_LIMITS } from '../../src/audio/health.js';
import { OnAirWatch } from '../../src/audio/onair-watch.js';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { MemorySink } from '../helpers/memory-sink.js';
import { ScriptedFactory } from '../helpers/scripted-source.js';
import { fromS16, segments } from '../helpers/tones.js';

function rig() {
  const clock = new ManualClock();
  const events = new MemoryEvents();
  const alarms = new Alarms(events, () => clock.now());
  const factory = new ScriptedFactory(clock, DEFAULT_LIMITS);
  const sink = new MemorySink();
  const watch = new OnAirWatch({ events, alarms, silenceDb: -50, outputSilenceMs: 10_000 });
  const engine = new AudioEngine({ clock, factory, sink, watch, crossfadeMs: 0 });
  const firsts: Array<{ id: string; at: number; ready: number | undefined }> = [];
  engine.onFirstAudio((_slot, id, at, ready) => firsts.push({ id, at, ready }));
  return { clock, engine, factory, firsts, segs: () => segments(fromS16(sink.pcm())) };
}

let current: ReturnType<typeof rig> | undefined;
afterEach(async () => {
  await current?.engine.close();
  current = undefined;
});

describe('held start (PlayRequest.startAt)', () => {
  it('is decoded at once but heard from its instant, to the frame; the slot plays on until then', async () => {
    const r = rig();
    current = r;
    await r.engine.start();
    await r.engine.play('programme', { id: 'a', source: { kind: 'tone', hz: 440 } });
    await r.clock.advance(2000);
    const t0 = r.clock.monotonic();
    await r.engine.play('programme', { id: 'b', source: { kind: 'tone', hz: 1000 }, startAt: t0 + 3000 });
    expect(r.factory.get('programme:b:source').started).toBe(true);
    await r.clock.advance(2000);
    expect(r.engine.onAir()).toMatchObject({ id: 'a' }); // held: a still on air
    await r.clock.advance(2000);
    expect(r.engine.onAir()).toMatchObject({ id: 'b' });
    const b = r.firsts.find((f) => f.id === 'b');
    // heard at its instant (the engine's 20 ms frame clock), ready long before
    expect(b?.ready).toBeLessThan(t0 + 1000);
    const tones = r.segs().map((s) => s.tone);
    expect(tones).toEqual([440, 1000]); // no gap, no early b
    const switchedS = r.segs()[1]?.start ?? 0;
    // the first 2 s of a, then 3 s more of it until b's instant (one frame of tolerance)
    expect(Math.abs(switchedS - 5)).toBeLessThanOrEqual(0.02);
  });

  it('refuses a startAt that is not a number, naming the field', async () => {
    const r = rig();
    current = r;
    await r.engine.start();
    const bad = { id: 'x', source: { kind: 'tone', hz: 440 }, startAt: 'soon' } as never;
    const e = await r.engine.play('programme', bad).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(LoaError);
    expect((e as LoaError).message).toMatch(/startAt/);
    expect(r.engine.onAir()).toEqual({ slot: 'silence' });
  });
});
