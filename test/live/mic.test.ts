/**
 * The station's microphone through the real engine: an ALSA capture device (a `file` PCM in a
 * test asoundrc) goes on air above the programme after the chime, push-to-talk through the
 * simulator's input, the noise gate ends an open microphone, and the programme comes back.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFrame } from '../../src/cli/station/watch.js';
import type { LiveStatus } from '../../src/live/voice.js';
import { readWav, segments } from '../helpers/tones.js';
import { type LiveRig, MicFeeder, micAsoundrc, startLiveRig, until, wavTone } from './rig.js';

let rig: LiveRig | undefined;
let mic: MicFeeder | undefined;
const savedAlsa = process.env.ALSA_CONFIG_PATH;

afterEach(async () => {
  mic?.close();
  mic = undefined;
  await rig?.cleanup();
  rig = undefined;
  if (savedAlsa === undefined) delete process.env.ALSA_CONFIG_PATH;
  else process.env.ALSA_CONFIG_PATH = savedAlsa;
});

async function rigWithMic(settings: Record<string, unknown>): Promise<LiveRig> {
  const r = await startLiveRig({ mic: { device: 'mic', ...settings } });
  mic = new MicFeeder(join(r.dir, 'mic.fifo'));
  process.env.ALSA_CONFIG_PATH = micAsoundrc(r.dir, mic.path);
  return r;
}

const status = async (r: LiveRig) => (await r.call('live.status')) as LiveStatus;

interface Out {
  onAir: { slot: string };
  output: { rmsDbfs: number };
  sink: { framesWritten: number };
}

/**
 * Polls until `slot` is heard at the output (its 300 ms RMS above -30 dBFS), then until 25 more
 * frames (0.5 s of audio, counted at the sink, not by the wall clock) of it are in the WAV.
 */
async function heardFor(r: LiveRig, slot: string): Promise<void> {
  const out = async () => (await r.call('audio.status')) as Out;
  const from = await until(`${slot} at the output`, async () => {
    const a = await out();
    return a.onAir.slot === slot && a.output.rmsDbfs > -30 ? a.sink.framesWritten : undefined;
  });
  await until(`0.5 s of ${slot} in the output`, async () => (await out()).sink.framesWritten >= from + 25);
}

describe('station microphone (live voice)', () => {
  it('stationctl live start: chime, the microphone above the programme, the gate ends it, programme back', async () => {
    rig = await rigWithMic({ gate: { thresholdDb: -45, timeoutMs: 1500 } });
    const programme = join(rig.dir, 'programme.wav');
    wavTone(programme, 440, 60_000);
    // the chain on, as for any programme a station plays: the live voice takes it and gives it
    // back on, so the programme after the voice is heard (with the chain off it would end muted)
    await rig.call('power', { on: true });
    await rig.call('audio.play', { source: programme });
    const r = rig;
    const onAir = async () => ((await r.call('audio.status')) as { onAir: { slot: string } }).onAir.slot;
    await until('programme on air', async () => (await onAir()) === 'programme');
    const st = (await rig.call('live.start', {})) as LiveStatus;
    expect(st).toMatchObject({ active: true, via: 'mic', tier: 'priority', zones: [1, 2, 3, 4] });
    const m = mic as MicFeeder;
    // the speaker starts at the chime, as at a real PA: when the microphone opens there is a
    // voice to hear, however late this (loaded) process sees the phase change
    await until('the chime', async () => ['attention', 'message'].includes((await status(r)).phase ?? ''));
    m.talking = true;
    await until('the microphone on air', async () => (await status(r)).phase === 'message');
    const level = await until('a level while on air', async () => {
      const s = await status(r);
      return s.levels && s.levels.rmsDbfs > -30 ? s.levels : undefined;
    });
    expect(level.peakDbfs).toBeLessThanOrEqual(0);
    // the level meter a technician sees in stationctl watch (Vietnamese here)
    const frame = renderFrame(await r.station.control.status(), 'vi', new Date()).join('\n');
    expect(frame).toMatch(/TRỰC TIẾP: micro ƯU TIÊN ĐANG LÊN SÓNG +█+░* -\d+ dBFS/);
    // the voice heard at the output (the output meter's 300 ms RMS), not a wait that hopes so
    await heardFor(r, 'emergency');
    // the speaker stops; the microphone stays open on a quiet room
    m.talking = false;
    const last = await until('the gate to end the session', async () => (await status(r)).last);
    expect(last.cause, JSON.stringify(last)).toBe('gate');
    expect(((await r.call('emergency.status')) as { active: boolean }).active).toBe(false);
    await until(
      'programme back',
      async () => ((await r.call('audio.status')) as { onAir: { slot: string } }).onAir.slot === 'programme',
    );
    await heardFor(r, 'programme');
    await rig.stop();
    const segs = segments(readWav(rig.wav)).filter((s) => s.end - s.start >= 0.2);
    const voice = segs.findIndex((s) => s.tone === 1000);
    expect(voice, JSON.stringify(segs)).toBeGreaterThan(0);
    expect(
      segs.slice(0, voice).some((s) => s.tone === 440),
      JSON.stringify(segs),
    ).toBe(true);
    expect(
      segs.slice(voice + 1).some((s) => s.tone === 440),
      JSON.stringify(segs),
    ).toBe(true);
  }, 120_000);

  it('push-to-talk through the simulator input: debounced press starts, release ends', async () => {
    rig = await rigWithMic({ ptt: 'button.ptt', pttDebounceMs: 50 });
    const sim = rig.station.sim;
    if (!sim) throw new Error('no sim');
    // a bounce shorter than the debounce: nothing happens
    sim.pressButton('button.ptt', true);
    sim.pressButton('button.ptt', false);
    await new Promise((res) => setTimeout(res, 300));
    expect((await status(rig)).active).toBe(false);
    sim.pressButton('button.ptt', true);
    const r = rig;
    await until('on air by push-to-talk', async () => (await status(r)).phase === 'message');
    expect(((await r.call('emergency.status')) as { origin: string }).origin).toBe('button');
    sim.pressButton('button.ptt', false);
    const last = await until('released', async () => (await status(r)).last);
    expect(last.cause).toBe('stopped');
    expect(((await r.call('emergency.status')) as { active: boolean }).active).toBe(false);
  }, 120_000);

  it('refuses a capture device that is the output (feedback) and says why', async () => {
    rig = await startLiveRig({ mic: { device: 'speakers.monitor' } });
    await expect(rig.call('live.start', {})).rejects.toThrow(/never relay its own output/);
    expect(((await rig.call('live.status')) as { mic: { problem: string } }).mic.problem).toMatch(/monitor/);
  }, 30_000);

  it('refuses bad input and names the field', async () => {
    rig = await rigWithMic({});
    await expect(rig.call('live.start', { tier: 'normal' })).rejects.toThrow(/tier/);
    await expect(rig.call('live.start', { zones: [9] })).rejects.toThrow(/zones: zone 9 does not exist/);
    await expect(rig.call('live.stop')).rejects.toThrow(/no live session/);
  }, 30_000);
});
