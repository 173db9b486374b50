/**
 * Issue 24, item 3: SRT and RTMP relays end to end, each against a server on loopback that
 * the test starts — ffmpeg itself in listen mode (SRT `mode=listener`, RTMP `-listen 1`)
 * streaming a 1000 Hz tone (AAC) — played by the real engine (ffmpeg opens the URL, under
 * the watchdog) into a WAV sink with a 440 Hz backup, read back in 20 ms windows. RTSP is not
 * here: ffmpeg's RTSP listen mode accepts a publisher (RECORD), not a player, and Debian 12
 * packages no RTSP server (docs/audio.md says so).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { stopProc } from '../helpers/icecast.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { readWav, segments, silenceInside } from '../helpers/tones.js';
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
