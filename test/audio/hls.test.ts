/**
 * Issue 24: HLS relays with real parts — ffmpeg writing a live HLS playlist (2 s segments,
 * 5 in the window) into a temp dir, Node's HTTP server serving it on loopback, the real
 * engine playing it with a 440 Hz backup file into a WAV sink, read back with Goertzel in
 * 20 ms windows. Steady HLS has no gap; each impairment costs 0 ms of dead air and at most
 * one switch each way.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { buildEngine } from '../../src/audio/setup.js';
import type { MemoryEvents } from '../../src/core/events.js';
import { pollUntil } from '../helpers/daemon.js';
import { type HlsOptions, HlsStream } from '../helpers/hls.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { deadAir, readWav, type Segment, segments, silenceInside } from '../helpers/tones.js';
import { startWavEngine } from '../helpers/wav-engine.js';

let dir: string;
let backup: string;
beforeAll(() => {
  dir = tempDir('loa-hls-test-');
  backup = join(dir, 'backup.wav');
  makeTone(backup, { hz: 440, seconds: 120, channels: 2 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rig {
  hls: HlsStream;
  events: MemoryEvents;
  built: ReturnType<typeof buildEngine>;
  frames(n: number): Promise<void>;
  detail(): Record<string, number | string>;
  finish(): Promise<Segment[]>;
}
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.finish();
  rig = undefined;
});

let n = 0;
async function start(o: HlsOptions = {}, tweak: Record<string, unknown> = {}): Promise<Rig> {
  const hls = new HlsStream(o);
  await hls.start();
  const wav = join(dir, `hls${++n}.wav`);
  const { events, built } = await startWavEngine(wav, tweak);
  await built.engine.play('programme', {
    id: 'hls',
    source: { kind: 'stream', url: hls.url },
    fallback: { kind: 'file', path: backup },
  });
  let done: Segment[] | undefined;
  const r: Rig = {
    hls,
    events,
    built,
    async frames(k) {
      const target = built.engine.status().framesOut + k;
      await pollUntil(async () => built.engine.status().framesOut >= target, k * 20 + 15_000);
    },
    detail: () =>
      built.engine.status().slots.programme?.sources[0]?.detail as Record<string, number | string>,
    async finish() {
      if (done) return done;
      await built.engine.close();
      built.children.dispose();
      await hls.stop();
      rmSync(hls.dir, { recursive: true, force: true });
      done = segments(readWav(wav));
      return done;
    },
  };
  rig = r;
  await pollUntil(async () => built.engine.onAir().using === 'source', 30_000);
  return r;
}

const switches = (r: Rig) => r.events.events.filter((e) => e.kind === 'audio.switch').map((e) => e.details);
const using = (r: Rig) => r.built.engine.onAir().using;
/** No more than one failover and one return. */
function oneEachWay(r: Rig): void {
  const reasons = switches(r).map((d) => d?.reason);
  expect(reasons.filter((x) => x === 'failover').length).toBeLessThanOrEqual(1);
  expect(reasons.filter((x) => x === 'recovered').length).toBeLessThanOrEqual(1);
}

describe('HLS relay (ffmpeg-written live playlist on a loopback HTTP server)', () => {
  it('60 s of steady live HLS (AAC, 2 s segments): no silence after the first audio, no switch', {
    timeout: 150_000,
  }, async () => {
    const r = await start();
    // started at the live edge: the pre-roll's worth of segments, not the whole window
    expect(r.detail()).toMatchObject({ transport: 'hls', targetMs: 2000 });
    await r.frames(3000);
    const d = r.detail();
    const segs = await r.finish();
    expect(silenceInside(segs)).toBe(0);
    expect(segs.slice(segs.findIndex((s) => s.tone === 1000)).map((s) => s.tone)).toEqual([1000]);
    expect(switches(r).filter((x) => x?.reason === 'failover')).toEqual([]);
    expect(r.events.kinds()).not.toContain('audio.source-unhealthy');
    expect(d.missing).toBe(0);
  });

  it('MP3 segments play the same', async () => {
    const r = await start({ codec: 'mp3' });
    await r.frames(750);
    const segs = await r.finish();
    expect(silenceInside(segs)).toBe(0);
    expect(switches(r).filter((x) => x?.reason === 'failover')).toEqual([]);
  });

  it('a frozen playlist: failover while the buffer lasts (0 ms dead air), back after the hold-off', async () => {
    const r = await start({}, { switching: { holdoffMs: 3000 } });
    await r.frames(150);
    r.hls.freeze();
    await pollUntil(async () => using(r) === 'fallback', 20_000);
    expect(switches(r).find((x) => x?.reason === 'failover')).toMatchObject({
      cause: 'stalled',
      crossfade: true,
    });
    expect(String(r.built.engine.status().slots.programme?.sources[0]?.lastError)).toMatch(
      /playlist not updated/,
    );
    r.hls.unfreeze();
    await pollUntil(async () => using(r) === 'source', 40_000);
    await r.frames(100);
    const segs = await r.finish();
    expect(deadAir(segs).deadMs).toBe(0);
    expect(silenceInside(segs)).toBe(0);
    expect(switches(r).at(-1)).toMatchObject({ reason: 'recovered', crossfade: true });
    oneEachWay(r);
  });

  it('playlist reload errors (503) and a lost segment (404): no dead air, at most one switch each way', async () => {
    const r = await start({}, { switching: { holdoffMs: 3000 } });
    await r.frames(100);
    r.hls.failPlaylist(3);
    await r.frames(300);
    r.hls.loseNextSegment();
    await r.frames(500);
    const d = r.detail();
    const segs = await r.finish();
    expect(d.reloadErrors).toBeGreaterThanOrEqual(3);
    expect(d.missing).toBe(1);
    expect(silenceInside(segs)).toBe(0);
    oneEachWay(r);
  });

  it('the encoder restarts (kill -9, #EXT-X-DISCONTINUITY): the new programme follows, no dead air', async () => {
    const r = await start({}, { switching: { holdoffMs: 3000 } });
    await r.frames(100);
    await r.hls.restartEncoder(2000);
    await pollUntil(async () => Number(r.detail().discontinuities) >= 1, 30_000);
    await pollUntil(
      async () =>
        using(r) === 'source' && (r.built.engine.status().slots.programme?.sources[0]?.healthy ?? false),
      30_000,
    );
    await r.frames(400);
    const segs = await r.finish();
    expect(silenceInside(segs)).toBe(0);
    const tones = segs.map((s) => s.tone).filter((t) => t !== 0);
    expect(tones.at(-1)).toBe(2000);
    expect(tones.indexOf(2000)).toBeGreaterThan(tones.indexOf(1000));
    oneEachWay(r);
  });
});
