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
import { deadAir, readWav, type Segment, segments, silenceInside } from '../helpers/tones.js';
import { startWavEngine } from '../helpers/wav-engine.js';

const TONE = 'sine=frequency=1000:sample_rate=44100';
let ice: Icecast;
let dir: string;
let backup: string;

beforeAll(async () => {
  dir = tempDir('loa-relay-');
  backup = join(dir, 'backup.wav');
  makeTone(backup, { hz: 440, seconds: 60, channels: 2 });
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
  wav: string;
  /** Waits until `n` more output frames (20 ms each) have gone out. */
  frames(n: number): Promise<void>;
  finish(): Promise<Segment[]>;
}
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.finish();
  rig = undefined;
});

let mounts = 0;
async function start(tweak: Record<string, unknown> = {}, graph = TONE): Promise<Rig> {
  const mount = `live${++mounts}`;
  const feeder = await ice.feed(mount, graph);
  const relay = await startRelay(ice.port);
  const wav = join(dir, `${mount}.wav`);
  const { events, built } = await startWavEngine(wav, tweak);
  await built.engine.play('programme', {
    id: 'relay',
    source: { kind: 'stream', url: `http://127.0.0.1:${relay.port}/${mount}` },
    fallback: { kind: 'file', path: backup },
  });
  let finished: Segment[] | undefined;
  const r: Rig = {
    relay,
    feeder,
    events,
    built,
    wav,
    async frames(n) {
      const target = built.engine.status().framesOut + n;
      await pollUntil(async () => built.engine.status().framesOut >= target, n * 20 + 10_000);
    },
    async finish() {
      if (finished) return finished;
      await built.engine.close();
      built.children.dispose();
      await relay.close();
      await r.feeder.stop();
      finished = segments(readWav(wav));
      return finished;
    },
  };
  rig = r;
  await pollUntil(async () => built.engine.onAir().using === 'source', 15_000);
  await r.frames(100);
  return r;
}

const switches = (r: Rig) => r.events.events.filter((e) => e.kind === 'audio.switch').map((e) => e.details);
const tonesAfterLive = (segs: Segment[]) =>
  segs.slice(segs.findIndex((s) => s.tone === 1000)).map((s) => s.tone);

describe('relay from Icecast with a file fallback', () => {
  it('relays the live tone without a gap', async () => {
    const r = await start();
    await r.frames(100);
    const segs = await r.finish();
    expect(tonesAfterLive(segs)).toEqual([1000]);
    expect(silenceInside(segs)).toBe(0);
    expect(r.built.children.count).toBe(0);
  });

  it('the source disconnects: backup takes over with no dead air', async () => {
    const r = await start();
    await r.feeder.stop();
    await pollUntil(async () => r.built.engine.onAir().using === 'fallback', 15_000);
    await r.frames(50);
    const segs = await r.finish();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(tonesAfterLive(segs)).toEqual([1000, 440]);
    expect(switches(r).find((d) => d?.reason === 'failover')?.cause).toBe('closed');
  });

  it('the link stalls without closing: detected early, no dead air', async () => {
    const r = await start();
    r.relay.set('frozen');
    await pollUntil(async () => r.built.engine.onAir().using === 'fallback', 15_000);
    await r.frames(50);
    const segs = await r.finish();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(tonesAfterLive(segs)).toEqual([1000, 440]);
    expect(switches(r).find((d) => d?.reason === 'failover')).toMatchObject({
      cause: 'stalled',
      crossfade: true,
    });
  });

  it('garbage bytes mid-stream: the decoder complains, backup takes over, no dead air', async () => {
    const r = await start();
    r.relay.set('garbage');
    await pollUntil(async () => r.built.engine.onAir().using === 'fallback', 15_000);
    await r.frames(50);
    const segs = await r.finish();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(tonesAfterLive(segs)).toEqual([1000, 440]);
    expect(switches(r).find((d) => d?.reason === 'failover')?.cause).toBe('garbage');
  });

  it('the upstream sends silence: replaced after the silence limit', async () => {
    // 6 s of tone, then silence for ever (apad)
    const r = await start({ health: { silenceMs: 3000 } }, `${TONE}:duration=6,apad`);
    await pollUntil(async () => r.built.engine.onAir().using === 'fallback', 20_000);
    await r.frames(25);
    const segs = await r.finish();
    expect(tonesAfterLive(segs)).toEqual([1000, 0, 440]);
    expect(switches(r).find((d) => d?.reason === 'failover')?.cause).toBe('silent');
  });

  it('the upstream comes back: taken back after the hold-off, crossfaded', async () => {
    const r = await start({ switching: { holdoffMs: 3000 } });
    await r.feeder.stop();
    await pollUntil(async () => r.built.engine.onAir().using === 'fallback', 15_000);
    r.feeder = await ice.feed(`live${mounts}`, TONE);
    await pollUntil(async () => r.built.engine.onAir().using === 'source', 20_000);
    await r.frames(50);
    const segs = await r.finish();
    expect(tonesAfterLive(segs)).toEqual([1000, 440, 1000]);
    expect(deadAir(segs).deadMs).toBe(0);
    expect(switches(r).at(-1)).toMatchObject({ reason: 'recovered', crossfade: true });
    expect(r.events.kinds()).toContain('audio.source-recovered');
  });

  it('a link flapping every 3 s: stays on the backup, no stutter, no dead air', async () => {
    const r = await start();
    for (let i = 0; i < 3; i++) {
      r.relay.set('frozen');
      await r.frames(150);
      r.relay.set('pass');
      await r.frames(150);
    }
    const segs = await r.finish();
    expect(tonesAfterLive(segs)).toEqual([1000, 440]);
    expect(deadAir(segs).deadMs).toBe(0);
  });
});
