/**
 * A hub database made before retention (auto_vacuum none) frees pages inside the file but never
 * gives them back to the filesystem. SQLite changes that mode only by rewriting the whole file
 * (VACUUM: a copy of the database beside it, then the swap), so the hub does it once at start,
 * before it listens (no session waits on it), when the file is small enough to rewrite in
 * seconds and the disk has room for the copy; otherwise it says why and db status shows
 * "auto_vacuum none" until a start when it can.
 */
import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';

/** Rewriting 1 GB takes about 10-30 s on a Pi-class SD card; systemd allows the hub 60 s to start. */
export const CONVERT_MAX_BYTES = 1024 * 1024 * 1024;

export interface Conversion {
  converted: boolean;
  /** Why not (empty when converted or already incremental). */
  reason: string;
}

export function freeBytes(path: string): number {
  const s = statfsSync(path);
  return Number(s.bavail) * Number(s.bsize);
}

export function convertToIncremental(db: Database.Database, file: string): Conversion {
  if (Number(db.pragma('auto_vacuum', { simple: true })) === 2) return { converted: false, reason: '' };
  const size = statSync(file).size;
  if (size > CONVERT_MAX_BYTES)
    return {
      converted: false,
      reason: `the file is ${size} bytes, over ${CONVERT_MAX_BYTES} to rewrite at start`,
    };
  const free = freeBytes(dirname(file));
  if (free < size * 2 + 64 * 1024 * 1024)
    return { converted: false, reason: `${free} bytes free, the rewrite needs about ${size * 2}` };
  db.pragma('auto_vacuum = INCREMENTAL');
  db.exec('VACUUM');
  return { converted: Number(db.pragma('auto_vacuum', { simple: true })) === 2, reason: '' };
}
