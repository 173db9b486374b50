/**
 * Hashes for air that need not be redone: a file hashed less than FRESH_MS ago and not touched
 * since (same inode, size, mtime and ctime — ctime moves on every write and cannot be set
 * back) is not read again. An import, its PCM bridge and the fallback's first arming come
 * within a second or two and would otherwise hash the same 53 MB file three times. Explicit
 * checks (`stationctl media verify`) always hash.
 */
import { stat } from 'node:fs/promises';
import type { Clock } from '../core/clock.js';

export const FRESH_MS = 10_000;

type Verdict = { ok: boolean; problem?: string };

async function stampOf(path: string): Promise<string | undefined> {
  const st = await stat(path, { bigint: true }).catch(() => undefined);
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : undefined;
}

export class FreshChecks {
  private readonly seen = new Map<string, { stamp: string; at: number }>();

  constructor(private readonly clock: Clock) {}

  /** `verify()`'s answer, or ok without it when the file was verified just now and is untouched. */
  async check(key: string, path: string, verify: () => Promise<Verdict>): Promise<Verdict> {
    const stamp = await stampOf(path);
    const prev = this.seen.get(key);
    const now = this.clock.monotonic();
    if (stamp && prev?.stamp === stamp && now - prev.at < FRESH_MS) return { ok: true };
    const v = await verify();
    if (v.ok && stamp) this.seen.set(key, { stamp, at: now });
    else this.seen.delete(key);
    return v;
  }
}
