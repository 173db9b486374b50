/**
 * The hub keeps every live session as a file for the record (who said what, when): deleted
 * once older than the retention (`LOA_LIVE_KEEP_DAYS`, default 90 days; 0 keeps them forever).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
const RECORDING = /^live-\d+-[0-9a-f]+\.(webm|ogg)$/;

export async function sweepRecordings(dir: string, keepDays: number, nowMs: number): Promise<string[]> {
  if (keepDays <= 0) return [];
  const gone: string[] = [];
  for (const name of await readdir(dir)) {
    if (!RECORDING.test(name)) continue;
    const file = join(dir, name);
    const st = await stat(file).catch(() => undefined);
    if (st && nowMs - st.mtimeMs > keepDays * DAY_MS) {
      await rm(file, { force: true });
      gone.push(name);
    }
  }
  return gone;
}
