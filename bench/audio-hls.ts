/**
 * Issue 24's figures: a live HLS stream (ffmpeg writing AAC in 2 s segments, a 5-segment
 * window, served by Node's HTTP server on loopback: test/helpers/hls.ts) relayed for 60 s by
 * the runtime into the real-time sound card, then the playlist freezes (a hung encoder) and
 * the run goes on 20 s. Read in 20 ms windows (test/helpers/tones.ts):
 * - hls_dead_air_ms: silence from the first live audio to the freeze (target 0);
 * - hls_frozen_playlist_to_backup_ms: the freeze → the first backup window.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { HlsStream } from '../test/helpers/hls.js';
import { stopProc } from '../test/helpers/icecast.js';
import { readWav, segments } from '../test/helpers/tones.js';
import { cardStartTime, PEER, ROOT, type Runtime } from './audio-scenario.js';
import type { Figure } from './figures.js';

const STEADY_S = 60;
const FROZEN_S = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface HlsRun {
  deadMs: number;
  toBackupMs: number;
}

export async function runHls(rt: Runtime, backup: string, dir: string): Promise<HlsRun> {
  const hls = new HlsStream();
  await hls.start();
  const fifo = join(dir, `${rt.name}-hls.fifo`);
  const heard = join(dir, `${rt.name}-hls.wav`);
  execFileSync('mkfifo', [fifo]);
  const card = spawn(
    'sh',
    ['-c', `exec node "${ROOT}/bench/card.mjs" "${heard}" ${rt.rate} 2 600 < "${fifo}"`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SOUNDCARD: join(PEER, 'soundcard.mjs') },
    },
  );
  const cardStart = cardStartTime(card);
  const proc = rt.spawn(hls.url, backup, fifo, dir);
  try {
    await rt.prepare(proc);
    await sleep(STEADY_S * 1000);
    const frozenAtS = (Date.now() - (await cardStart)) / 1000;
    hls.freeze();
    await sleep(FROZEN_S * 1000);
    await rt.stop(proc);
    await stopProc(card, 'SIGTERM');
    const segs = segments(readWav(heard));
    const first = segs.find((s) => s.tone === 1000);
    const dead = segs
      .filter((s) => s.tone === 0 && first && s.start >= first.start && s.start < frozenAtS)
      .reduce((t, s) => t + Math.min(s.end, frozenAtS) - s.start, 0);
    const backupAt = segs.find((s) => s.tone === 440 && s.start >= frozenAtS)?.start;
    return {
      deadMs: first ? Math.round(dead * 1000) : Number.NaN,
      toBackupMs: backupAt === undefined ? Number.NaN : Math.round((backupAt - frozenAtS) * 1000),
    };
  } finally {
    await stopProc(proc);
    await stopProc(card);
    await hls.stop();
  }
}

export function hlsFigures(prefix: string, r: HlsRun, peer: boolean): Figure[] {
  const out: Figure[] = [
    {
      name: `${prefix}hls_dead_air_ms`,
      value: r.deadMs,
      unit: 'ms',
      note: `${STEADY_S} s of steady live HLS (AAC, 2 s segments, 5 in the playlist), 20 ms windows; target 0`,
    },
  ];
  if (!peer)
    out.push({
      name: `${prefix}hls_frozen_playlist_to_backup_ms`,
      value: r.toBackupMs,
      unit: 'ms',
      note: 'the playlist stops updating → first backup window (the buffer plays meanwhile)',
    });
  return out;
}
