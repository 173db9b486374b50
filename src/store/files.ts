/**
 * File primitives for an SD card that may lose power at any instant: write to a temp file,
 * fsync, rename over the old one, fsync the folder. The previous version is kept as a hard
 * link (`.bak`), which costs no data writes. Every byte written is counted (SD wear figure).
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hasErrno, isENOENT } from '../core/errors.js';

/** A write that failed, by file: what the station's store alarm (store-alarm.ts) reports. */
export interface WriteFailure {
  file: string;
  code: string;
  message: string;
}

/**
 * Bytes and writes (the SD wear figure), and the files whose last write failed: a full card
 * (ENOSPC) must not stop the station, but somebody must hear of it, and hear when it is over.
 */
export class WriteStats {
  bytes = 0;
  writes = 0;
  private readonly failing = new Map<string, WriteFailure>();
  private readonly listeners = new Set<() => void>();

  add(n: number): void {
    this.bytes += n;
    this.writes++;
  }

  failed(file: string, e: unknown): void {
    if (this.failing.has(file)) return;
    const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : 'EIO';
    this.failing.set(file, { file, code, message: (e as Error)?.message ?? String(e) });
    for (const l of this.listeners) l();
  }

  succeeded(file: string): void {
    if (!this.failing.delete(file)) return;
    for (const l of this.listeners) l();
  }

  get failures(): WriteFailure[] {
    return [...this.failing.values()];
  }

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}

/** The disk (or the card) is full, rather than broken. */
export function isNoSpace(e: unknown): boolean {
  return hasErrno(e, 'ENOSPC') || hasErrno(e, 'EDQUOT');
}

/** Runs a write of `file`, telling the stats whether it went through. */
async function tracked(file: string, stats: WriteStats | undefined, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    stats?.failed(file, e);
    throw e;
  }
  stats?.succeeded(file);
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems refuse fsync on a directory; rename is still atomic there
  }
}

export async function writeFileAtomic(
  file: string,
  data: string,
  stats?: WriteStats,
  keepBackup = false,
): Promise<void> {
  await tracked(file, stats, () => replaceFile(file, data, keepBackup));
  stats?.add(Buffer.byteLength(data));
}

async function replaceFile(file: string, data: string, keepBackup: boolean): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, 'w', 0o640);
  try {
    await fh.writeFile(data);
    await fh.datasync();
  } catch (e) {
    // a half-written copy on a full card would only hold on to the space the next try needs
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  if (keepBackup) {
    await unlink(`${file}.bak`).catch((e) => {
      if (!isENOENT(e)) throw e;
    });
    await link(file, `${file}.bak`).catch((e) => {
      if (!isENOENT(e)) throw e;
    });
  }
  await rename(tmp, file);
  fsyncDir(dirname(file));
}

/** Appends and syncs; returns the bytes written. */
export async function appendDurable(file: string, data: string, stats?: WriteStats): Promise<void> {
  await tracked(file, stats, async () => {
    const fh = await open(file, 'a', 0o640);
    const before = (await fh.stat()).size;
    try {
      await fh.writeFile(data);
      await fh.datasync();
    } catch (e) {
      // no torn line left behind by a full card: the whole batch is written again later
      await fh.truncate(before).catch(() => undefined);
      throw e;
    } finally {
      await fh.close();
    }
  });
  stats?.add(Buffer.byteLength(data));
}

/** Moves a damaged file aside as `<name>.<stamp>.bad` so it can be inspected, never read again. */
export async function keepAside(file: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const bad = `${file}.${stamp}.bad`;
  await rename(file, bad);
  return bad;
}
