/**
 * Is this file audio ffmpeg can decode? ffprobe answers before a file is let into the
 * cache, so a technician who imports a PDF by mistake is told at once, not at air time.
 */
import { execFile } from 'node:child_process';

export const FFPROBE = process.env.LOA_FFPROBE || 'ffprobe';

export interface ProbeResult {
  ok: boolean;
  durationMs?: number;
  codec?: string;
  error?: string;
}

export function probeAudio(path: string, timeoutMs = 15_000): Promise<ProbeResult> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=codec_name:format=duration',
  ];
  return new Promise((resolve) => {
    execFile(FFPROBE, [...args, '-of', 'json', path], { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err)
        return resolve({
          ok: false,
          error: (stderr || err.message).trim().split('\n')[0] ?? 'ffprobe failed',
        });
      try {
        const j = JSON.parse(stdout) as {
          streams?: Array<{ codec_name?: string }>;
          format?: { duration?: string };
        };
        const codec = j.streams?.[0]?.codec_name;
        if (!codec) return resolve({ ok: false, error: 'no audio stream' });
        const d = Number(j.format?.duration);
        resolve({ ok: true, codec, ...(Number.isFinite(d) ? { durationMs: Math.round(d * 1000) } : {}) });
      } catch {
        resolve({ ok: false, error: 'ffprobe gave no answer' });
      }
    });
  });
}
