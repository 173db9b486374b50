/**
 * Media files between hubs (issue 20 item 4): each hub keeps uploads in its own folder
 * (DATA_DIR/media), but a station fetches a bulletin's or a schedule's file from the hub that
 * holds its session, which may not be the one the operator uploaded it to. So an upload on a
 * hub sharing PostgreSQL is also copied into the database (1 MiB parts, then a "complete" row),
 * and a hub asked for a file it lacks copies it from there into its folder first, checked
 * against its sha256. Parts are written with ON CONFLICT DO NOTHING: the same file uploaded on
 * two hubs at once is stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pg from 'pg';

const PART_BYTES = 1024 * 1024;

export const MEDIA_DDL = `
CREATE TABLE IF NOT EXISTS cluster_media_parts (
  sha256 text NOT NULL, part integer NOT NULL, data bytea NOT NULL, PRIMARY KEY (sha256, part)
);
CREATE TABLE IF NOT EXISTS cluster_media (sha256 text PRIMARY KEY, size bigint NOT NULL, parts integer NOT NULL);
`;

/** Copies a complete local file into the database (once; a file already there is left alone). */
export async function shareMedia(pool: pg.Pool, sha256: string, file: string): Promise<void> {
  const known = await pool.query('SELECT 1 FROM cluster_media WHERE sha256 = $1', [sha256]);
  if (known.rowCount) return;
  const fh = await open(file, 'r');
  try {
    let part = 0;
    let size = 0;
    for (;;) {
      const buf = Buffer.alloc(PART_BYTES);
      const { bytesRead } = await fh.read(buf, 0, PART_BYTES, size);
      if (bytesRead === 0) break;
      await pool.query(
        'INSERT INTO cluster_media_parts (sha256, part, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [sha256, part++, buf.subarray(0, bytesRead)],
      );
      size += bytesRead;
    }
    await pool.query(
      'INSERT INTO cluster_media (sha256, size, parts) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [sha256, size, part],
    );
  } finally {
    await fh.close();
  }
}

/**
 * Copies a file from the database to `file` (temp file, hash checked, renamed into place);
 * false when no hub shared it.
 */
export async function fetchMedia(pool: pg.Pool, sha256: string, file: string): Promise<boolean> {
  const head = await pool.query('SELECT parts FROM cluster_media WHERE sha256 = $1', [sha256]);
  if (!head.rowCount) return false;
  const parts = Number(head.rows[0].parts);
  const tmp = join(dirname(file), `.shared-${randomUUID()}`);
  const h = createHash('sha256');
  const fh = await open(tmp, 'w', 0o640);
  try {
    for (let part = 0; part < parts; part++) {
      const r = await pool.query('SELECT data FROM cluster_media_parts WHERE sha256 = $1 AND part = $2', [
        sha256,
        part,
      ]);
      const data = r.rows[0]?.data as Buffer | undefined;
      if (!data) throw new Error(`media ${sha256}: part ${part} of ${parts} missing in the database`);
      h.update(data);
      await fh.write(data);
    }
    await fh.datasync();
    if (h.digest('hex') !== sha256)
      throw new Error(`media ${sha256}: the database's copy does not match its hash`);
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(tmp, file);
  return true;
}
