/**
 * Doctor checks that need no daemon: is it running, is ffmpeg there, is there disk space for
 * the data directory, is the clock synchronised.
 */
import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { type Finding, fault, ok, warn } from './types.js';

export interface Probe {
  run(cmd: string, args: string[]): Promise<{ code: number; out: string }>;
}

export const systemProbe: Probe = {
  run: (cmd, args) =>
    new Promise((res) => {
      execFile(cmd, args, { timeout: 5000 }, (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 127
          : 0;
        res({ code, out: `${stdout}${stderr}` });
      });
    }),
};

export async function checkFfmpeg(p: Probe): Promise<Finding[]> {
  const r = await p.run('ffmpeg', ['-hide_banner', '-version']);
  if (r.code !== 0) return [fault('ffmpeg', 'doc.ffmpeg.missing')];
  const version = /ffmpeg version (\S+)/.exec(r.out)?.[1] ?? '?';
  return [ok('ffmpeg', 'doc.ffmpeg.ok', { version })];
}

/** Warn under 500 MB free (a day of on-air log and a few programmes); fault under 100 MB. */
export async function checkDisk(dataDir: string): Promise<Finding[]> {
  try {
    const s = await statfs(dataDir);
    const freeMb = Math.floor((s.bavail * s.bsize) / 1e6);
    if (freeMb < 100) return [fault('disk', 'doc.disk.full', { mb: freeMb, dir: dataDir })];
    if (freeMb < 500) return [warn('disk', 'doc.disk.low', { mb: freeMb, dir: dataDir })];
    return [ok('disk', 'doc.disk.ok', { mb: freeMb, dir: dataDir })];
  } catch {
    return [warn('disk', 'doc.disk.unknown', { dir: dataDir })];
  }
}

export async function checkClock(p: Probe): Promise<Finding[]> {
  const r = await p.run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value']);
  if (r.code !== 0) return [warn('clock', 'doc.clock.unknown')];
  return [r.out.trim() === 'yes' ? ok('clock', 'doc.clock.ok') : fault('clock', 'doc.clock.unsync')];
}
