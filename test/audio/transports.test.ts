/**
 * Issue 24, item 3: SRT, RTMP and RTSP relays end to end, each against a server on loopback
 * that the test starts, streaming a 1000 Hz tone — ffmpeg itself in listen mode for SRT
 * (`mode=listener`) and RTMP (`-listen 1`), AAC; for RTSP, GStreamer's gst-rtsp-server
 * (test/helpers/rtsp-server.py: ffmpeg's RTSP listen mode takes only a publisher), AAC as
 * RFC 3640 and MP3 as RFC 2250 RTP — played by the real engine (ffmpeg opens the URL, under
 * the watchdog) into a WAV sink with a 440 Hz backup, read back in 20 ms windows. RTSP also:
 * the server lost and back, the server hung, and a server that refuses TCP interleaving.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { stopProc } from '../helpers/icecast.js';
import { freePort } from '../helpers/ports.js';
import { type RtspServer, startRtsp } from '../helpers/rtsp-server.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { deadAir, readWav, type Segment, segments, silenceInside } from '../helpers/tones.js';
import { startWavEngine } from '../helpers/wav-engine.js';

let dir: string;
let backup: string;
beforeAll(() => {
  dir = tempDir('loa-transports-');
  backup = join(dir, 'backup.wav');
  makeTone(backup, { hz: 440, seconds: 60, channels: 2 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(out: string[]): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=1000:sample_rate=44100',
    ].concat(['-ac', '2', '-c:a', 'aac', '-b:a', '64k', ...out]),
    { stdio: 'ignore' },
  );
}

/** The server is bound (read from /proc, without connecting: each serves one client). */
async function bound(proto: 'tcp' | 'udp', port: number): Promise<void> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  await pollUntil(async () => readFileSync(`/proc/net/${proto}`, 'utf8').includes(hex), 15_000);
}

async function relay(url: string, server: ChildProcess): Promise<number[]> {
  const wav = join(dir, `${Date.now()}.wav`);
  const { events, built } = await startWavEngine(wav);
  try {
    await built.engine.play('programme', {
      id: 'r',
      source: { kind: 'stream', url },
      fallback: { kind: 'file', path: backup },
    });
    await pollUntil(async () => built.engine.onAir().using === 'source', 30_000).catch((e) => {
      console.log(JSON.stringify(built.engine.status().slots.programme?.sources[0]), events.kinds());
      throw e;
    });
    const target = built.engine.status().framesOut + 250;
    await pollUntil(async () => built.engine.status().framesOut >= target, 30_000);
  } finally {
    await built.engine.close();
    built.children.dispose();
    await stopProc(server);
  }
  const segs = segments(readWav(wav));
  expect(silenceInside(segs.slice(segs.findIndex((s) => s.tone === 1000)))).toBe(0);
  return segs.map((s) => s.tone);
}

describe('SRT and RTMP relays (ffmpeg listening on loopback)', () => {
  it('SRT (caller → listener, MPEG-TS)', async () => {
    const port = await freePort();
    const server = serve(['-f', 'mpegts', `srt://127.0.0.1:${port}?mode=listener`]);
    await bound('udp', port);
    const tones = await relay(`srt://127.0.0.1:${port}?mode=caller`, server);
    expect(tones.slice(tones.indexOf(1000))).toEqual([1000]);
  });

  it('RTMP (play from a listening server, FLV)', async () => {
    const port = await freePort();
    const server = serve(['-f', 'flv', '-listen', '1', `rtmp://127.0.0.1:${port}/live/station`]);
    await bound('tcp', port);
    const tones = await relay(`rtmp://127.0.0.1:${port}/live/station`, server);
    expect(tones.slice(tones.indexOf(1000))).toEqual([1000]);
  });
});

/** Engines started by onAir, closed after each test even when it failed half-way. */
const engines: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of engines.splice(0)) await close();
});

/** The engine relaying `url` with the 440 Hz backup, until `using === 'source'`. */
async function onAir(url: string, tweak: Record<string, unknown> = {}) {
  const wav = join(dir, `${Date.now()}.wav`);
  const { events, built } = await startWavEngine(wav, tweak);
  await built.engine.play('programme', {
    id: 'r',
    source: { kind: 'stream', url },
    fallback: { kind: 'file', path: backup },
  });
  const frames = async (n: number) => {
    const target = built.engine.status().framesOut + n;
    await pollUntil(async () => built.engine.status().framesOut >= target, n * 20 + 15_000);
  };
  const using = (u: string) => pollUntil(async () => built.engine.onAir().using === u, 30_000);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await built.engine.close();
    built.children.dispose();
  };
  engines.push(close);
  const finish = async (): Promise<Segment[]> => {
    await close();
    return segments(readWav(wav));
  };
  const detail = () =>
    built.engine.status().slots.programme?.sources[0] as { detail?: Record<string, unknown> } | undefined;
  const switches = () => events.events.filter((e) => e.kind === 'audio.switch').map((e) => e.details);
  const failover = () => switches().find((d) => d?.reason === 'failover');
  await using('source').catch((e) => {
    console.log(JSON.stringify(detail()), events.kinds());
    throw e;
  });
  await frames(100);
  return { built, events, frames, using, finish, detail, switches, failover };
}

const afterLive = (segs: Segment[]) => segs.slice(segs.findIndex((s) => s.tone === 1000)).map((s) => s.tone);

// each redial of a hung server waits out the stall watch (5 s): 120 s limits for those tests
describe('RTSP relays (GStreamer gst-rtsp-server on loopback)', () => {
  let server: RtspServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it.each(['aac', 'mp3'] as const)('RTSP, TCP interleaved, %s', async (codec) => {
    server = await startRtsp({ codec, transports: 'tcp' });
    const tones = await relay(server.url, server.proc);
    expect(tones.slice(tones.indexOf(1000))).toEqual([1000]);
  });

  it('the RTSP server goes away: backup with no dead air; it comes back: taken back', async () => {
    server = await startRtsp();
    const port = server.port;
    const r = await onAir(server.url, { switching: { holdoffMs: 3000 } });
    await server.stop();
    await r.using('fallback');
    await r.frames(50);
    server = await startRtsp({ port });
    await r.using('source');
    await r.frames(50);
    const segs = await r.finish();
    expect(afterLive(segs)).toEqual([1000, 440, 1000]);
    expect(deadAir(segs).deadMs).toBe(0);
    expect(r.failover()?.cause).toBe('closed');
    expect(r.switches().at(-1)).toMatchObject({ reason: 'recovered', crossfade: true });
  }, 120_000);

  it('the RTSP server hangs (connection open, nothing sent): stall detected, no dead air', async () => {
    server = await startRtsp();
    const r = await onAir(server.url);
    server.freeze();
    await r.using('fallback');
    // the redials meet a server that accepts and never answers: our stall watch (or ffmpeg's
    // -timeout) ends each, and the one before is gone when the next starts
    const dialled = Number(r.detail()?.detail?.connections);
    await pollUntil(async () => Number(r.detail()?.detail?.connections) >= dialled + 2, 60_000);
    expect(r.built.children.count).toBeLessThanOrEqual(2);
    await r.frames(50);
    const segs = await r.finish();
    expect(afterLive(segs)).toEqual([1000, 440]);
    expect(deadAir(segs).deadMs).toBe(0);
    expect(r.failover()).toMatchObject({ cause: 'stalled', crossfade: true });
  }, 120_000);

  it('a server that refuses TCP interleaved (461): RTP over UDP instead', async () => {
    server = await startRtsp({ transports: 'udp' });
    const r = await onAir(server.url);
    await r.frames(100);
    // the first attempt (interleaved) got 461, the second asked for UDP and plays
    expect(r.detail()?.detail).toMatchObject({ rtsp: 'udp', connections: 2 });
    const segs = await r.finish();
    expect(afterLive(segs)).toEqual([1000]);
    expect(silenceInside(segs)).toBe(0);
  });
});
