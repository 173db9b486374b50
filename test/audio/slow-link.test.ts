/**
 * Issue 14 with real parts: Icecast fed by ffmpeg (1000 Hz, 64 kbps MP3), a TCP relay the test
 * throttles to a fraction of the stream's bit rate, a 440 Hz backup file, a WAV sink read back
 * with Goertzel in 20 ms windows. During a slow link no live audio under the fallback, no dead
 * air, few switches, the hold-off after recovery; a clean close plays out the buffer.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { buildEngine } from '../../src/audio/setup.js';
import type { MemoryEvents } from '../../src/core/events.js';
import { pollUntil } from '../helpers/daemon.js';
import { type Feeder, type Icecast, startIcecast } from '../helpers/icecast.js';
import { type Relay, startRelay } from '../helpers/relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import {
  deadAir,
  type Pcm,
  probeMagnitudes,
  readWav,
  type Segment,
  segments,
  silenceInside,
} from '../helpers/tones.js';
import { startWavEngine } from '../helpers/wav-engine.js';

const TONE = 'sine=frequency=1000:sample_rate=44100';
/** The feeder's 64 kbit/s MP3 in bytes per second. */
const STREAM_BPS = 8000;
let ice: Icecast;
let dir: string;
let backup: string;

beforeAll(async () => {
  dir = tempDir('loa-slow-');
  backup = join(dir, 'backup.wav');
  makeTone(backup, { hz: 440, seconds: 120, channels: 2 });
  ice = await startIcecast();
});
afterAll(async () => {
  await ice?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Rig {
  relay: Relay;
  feeder: Feeder;
  events: MemoryEvents;
  built: ReturnType<typeof buildEngine>;
  frames(n: number): Promise<void>;
  finish(): Promise<{ segs: Segment[]; pcm: Pcm }>;
}
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.finish();
  rig = undefined;
});

let mounts = 0;
async function start(tweak: Record<string, unknown> = {}): Promise<Rig> {
  const mount = `slow${++mounts}`;
  const feeder = await ice.feed(mount, TONE);
  const relay = await startRelay(ice.port);
  const wav = join(dir, `${mount}.wav`);
  const { events, built } = await startWavEngine(wav, tweak);
  await built.engine.play('programme', {
    id: 'relay',
    source: { kind: 'stream', url: `http://127.0.0.1:${relay.port}/${mount}` },
    fallback: { kind: 'file', path: backup },
  });
  let done: { segs: Segment[]; pcm: Pcm } | undefined;
  const r: Rig = {
    relay,
    feeder,
    events,
    built,
    async frames(n) {
      const target = built.engine.status().framesOut + n;
      await pollUntil(async () => built.engine.status().framesOut >= target, n * 20 + 15_000);
    },
    async finish() {
      if (done) return done;
      await built.engine.close();
      built.children.dispose();
      await relay.close();
      await r.feeder.stop();
      const pcm = readWav(wav);
      done = { segs: segments(pcm), pcm };
      return done;
    },
  };
  rig = r;
  await pollUntil(async () => built.engine.onAir().using === 'source', 20_000);
  await r.frames(150);
  return r;
}

const switches = (r: Rig) => r.events.events.filter((e) => e.kind === 'audio.switch').map((e) => e.details);
const using = (r: Rig) => r.built.engine.onAir().using;

/** 20 ms windows in [fromS, toS) where the live tone is above −30 dBFS (Goertzel magnitude = A/2). */
function liveAboveMinus30(pcm: Pcm, fromS: number, toS: number): number {
  let n = 0;
  for (
    let f = Math.round(fromS * pcm.rate);
    f + 960 <= Math.min(toS * pcm.rate, pcm.data.length / 2);
    f += 960
  )
    if ((probeMagnitudes(pcm, f, 960)[1000] as number) > 10 ** (-30 / 20) / 2) n++;
  return n * 20;
}

/** The fallback's run after the live tone first played. */
function fallbackRun(segs: Segment[]): Segment | undefined {
  const live = segs.findIndex((s) => s.tone === 1000);
  return segs.find((s, k) => k > live && s.tone === 440);
}

describe('a relay on a weak 4G link (real Icecast, throttled relay)', () => {
  it('half the bit rate, then varying: slow reported, no live under the fallback, hold-off, one crossfade back', async () => {
    const r = await start({ switching: { holdoffMs: 5000 } });
    r.relay.throttle(STREAM_BPS / 2);
    await pollUntil(async () => using(r) === 'fallback', 30_000);
    const slow = r.events.events.find((e) => e.kind === 'audio.source-slow');
    expect(slow?.details?.rate as number).toBeLessThanOrEqual(0.8);
    expect(slow?.details?.bufferMs as number).toBeGreaterThan(500); // seen before it ran dry
    for (const frac of [0.3, 0.6, 0.4]) {
      r.relay.throttle(STREAM_BPS * frac);
      await r.frames(250);
    }
    expect(r.built.engine.status().slots.programme?.sources[0]?.healthy).toBe(false);
    r.relay.throttle(undefined);
    const recovered = performance.now();
    await pollUntil(async () => using(r) === 'source', 40_000);
    // the 5 s hold-off after a refilled pre-roll: never back sooner
    expect(performance.now() - recovered).toBeGreaterThan(5000);
    await r.frames(100);
    const { segs, pcm } = await r.finish();
    const run = fallbackRun(segs) as Segment;
    expect(liveAboveMinus30(pcm, run.start + 0.5, run.end - 0.5)).toBe(0);
    expect(deadAir(segs).deadMs).toBe(0);
    expect(silenceInside(segs)).toBe(0);
    const reasons = switches(r).map((d) => d?.reason);
    expect(reasons.filter((x) => x === 'failover')).toHaveLength(1);
    expect(reasons.at(-1)).toBe('recovered');
    expect(switches(r).at(-1)?.crossfade).toBe(true);
    expect(reasons.length).toBeLessThanOrEqual(4);
  });

  it('a clean close with a full buffer: the buffered programme plays out before the fallback', async () => {
    const r = await start();
    const buffered = r.built.engine.status().slots.programme?.sources[0]?.bufferMs ?? 0;
    const closedAtS = r.built.engine.status().framesOut * 0.02;
    await r.feeder.stop();
    await pollUntil(async () => using(r) === 'fallback', 30_000);
    await r.frames(50);
    const { segs } = await r.finish();
    const liveAfter = segs
      .filter((s) => s.tone === 1000 && s.end > closedAtS)
      .reduce((t, s) => t + s.end - Math.max(s.start, closedAtS), 0);
    expect(buffered).toBeGreaterThan(2000);
    // what was buffered when the upstream closed went out (bar the crossfade and a frame's slack)
    expect(liveAfter * 1000).toBeGreaterThan(buffered - 1000);
    expect(deadAir(segs).deadMs).toBe(0);
    expect(switches(r).find((d) => d?.reason === 'failover')).toMatchObject({
      cause: 'closed',
      crossfade: true,
    });
  });
});
