/**
 * The fallback playlist armed from its PCM bridge, with real parts: Icecast on loopback fed
 * by ffmpeg (1000 Hz), a TCP relay the test freezes, the media cache making the bridge with
 * ffmpeg, and the station's engine writing a WAV read back with Goertzel. Before the failure
 * the only ffmpeg child is the live decoder; the fallback (440 Hz) takes over with no dead
 * air and its decoder, started at takeover, is spliced in after the bridge.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioConfigSchema } from '../../src/audio/config.js';
import { decoderArgs, FFMPEG } from '../../src/audio/decoder.js';
import { buildEngine } from '../../src/audio/setup.js';
import { SystemClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { MediaCache } from '../../src/media/cache.js';
import { pollUntil } from '../helpers/daemon.js';
import { type Icecast, startIcecast } from '../helpers/icecast.js';
import { startRelay } from '../helpers/relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { deadAir, readWav, segments } from '../helpers/tones.js';

let ice: Icecast;
let dir: string;

beforeAll(async () => {
  dir = tempDir('loa-fallback-bridge-');
  ice = await startIcecast();
});
afterAll(async () => {
  await ice?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Detail = { decoder?: boolean; bridge?: string | null };

describe('the fallback armed from its PCM bridge', () => {
  it('holds exactly the bytes the decoder produces first, so the splice is sample-exact', async () => {
    for (const name of ['b.wav', 'b.mp3']) {
      const file = makeTone(join(dir, name), { hz: 440, seconds: 8, channels: 2 });
      const cache = new MediaCache({
        dir: join(dir, `m-${name}`),
        clock: new SystemClock(),
        events: new MemoryEvents(),
      });
      await cache.open();
      const ref = `media:${(await cache.add(file)).sha256}`;
      await cache.bridges.ensure(ref, 3);
      const b = await cache.bridges.forAir(ref);
      expect(b).toMatchObject({ bytes: 3 * 192_000, complete: false });
      const bridge = readFileSync(b?.pcm as string);
      const decoded = execFileSync(FFMPEG, decoderArgs({ kind: 'file', path: b?.media as string }, false), {
        maxBuffer: 1 << 24,
      });
      expect(decoded.length).toBeGreaterThan(bridge.length);
      expect(decoded.subarray(0, bridge.length).equals(bridge)).toBe(true);
      await cache.close();
    }
  });

  it('takes over a stalled relay with no dead air and no ffmpeg armed before the failure', async () => {
    const clock = new SystemClock();
    const events = new MemoryEvents();
    const cache = new MediaCache({ dir: join(dir, 'media'), clock, events });
    await cache.open();
    const item = await cache.add(makeTone(join(dir, 'backup.wav'), { hz: 440, seconds: 60, channels: 2 }));
    const ref = `media:${item.sha256}`;
    await cache.bridges.ensure(ref, 20);
    expect(cache.manifest.data.items[item.sha256]?.bridge).toMatchObject({
      complete: false,
      bytes: 3_840_000,
    });

    const feeder = await ice.feed('bridged', 'sine=frequency=1000:sample_rate=44100');
    const relay = await startRelay(ice.port);
    const wav = join(dir, 'out.wav');
    const cfg = audioConfigSchema.parse({ schema: 1, sink: { kind: 'wav', path: wav } });
    const built = buildEngine(cfg, {
      clock,
      events,
      alarms: new Alarms(events, () => clock.now()),
      resolve: (p) => cache.resolveForAir(p),
      bridge: (p) => cache.bridges.forAir(p),
    });
    const { engine, children } = built;
    const fallback = () => engine.status().slots.fallback?.sources[0]?.detail as Detail;
    const frames = async (n: number) => {
      const target = engine.status().framesOut + n;
      await pollUntil(async () => engine.status().framesOut >= target, n * 20 + 10_000);
    };
    try {
      await engine.start();
      await engine.play('fallback', {
        id: 'fallback',
        source: { kind: 'playlist', paths: [ref], loop: true, bridge: true },
      });
      await engine.play('programme', {
        id: 'relay',
        source: { kind: 'stream', url: `http://127.0.0.1:${relay.port}/bridged` },
      });
      await pollUntil(async () => engine.onAir().slot === 'programme', 15_000);
      // off air, the fallback re-arms: its decoder (started while it played alone) is closed
      await pollUntil(async () => fallback().decoder === false && fallback().bridge === 'armed', 15_000);
      await pollUntil(async () => children.count === 1, 10_000);
      expect(children.count).toBe(1);
      const cmd = readFileSync(`/proc/${children.pids()[0]}/cmdline`, 'utf8').split('\0');
      expect(cmd).toContain('pipe:0');

      relay.set('frozen');
      await pollUntil(async () => engine.onAir().slot === 'fallback', 15_000);
      await pollUntil(async () => fallback().bridge === 'spliced', 15_000);
      await frames(100);
    } finally {
      await engine.close();
      children.dispose();
      await relay.close();
      await feeder.stop();
      await cache.close();
    }
    const segs = segments(readWav(wav));
    expect(deadAir(segs).deadMs).toBe(0);
    const after = segs.slice(segs.findIndex((s) => s.tone === 1000)).map((s) => s.tone);
    expect(after).toEqual([1000, 440]);
  });
});
