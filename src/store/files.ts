/**
 * File primitives for an SD card that may lose power at any instant: write to a temp file,
 * fsync, rename over the old one, fsync the folder. The previous version is kept as a hard
 * link (`.bak`), which costs no data writes. Every byte written is counted (SD wear figure).
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isENOENT } from '../core/errors.js';

export class WriteStats {
  bytes = 0;
  writes = 0;
  add(n: number): void {
    this.bytes += n;
    this.writes++;
  }
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
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, 'w', 0o640);
  try {
    await fh.writeFile(data);
    await fh.datasync();
  } finally {
    await fh.close();
  }
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
  stats?.add(Buffer.byteLength(data));
}

/** Appends and syncs; returns the bytes written. */
export async function appendDurable(file: string, data: string, stats?: WriteStats): Promise<void> {
  const fh = await open(file, 'a', 0o640);
  try {
    await fh.writeFile(data);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  stats?.add(Buffer.byteLength(data));
}

/** Moves a damaged file aside as `<name>.<stamp>.bad` so it can be inspected, never read again. */
export async function keepAside(file: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const bad = `${file}.${stamp}.bad`;
  await rename(file, bad);
  return bad;
}
