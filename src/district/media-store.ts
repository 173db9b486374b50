/**
 * Media files at the hub, by content (DIR/<sha256>): uploaded by operators (UploadMedia),
 * read by stations in chunks (ReadMedia). A file is hashed while it is written and only
 * renamed into place once complete, so a station never reads a half-written file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { MediaRef } from './desired.js';
import type { SqlDb } from './sql.js';

/** Largest chunk a station may ask for in one ReadMedia call. */
export const MAX_CHUNK_BYTES = 262_144;
/** Largest media file the hub accepts (a long programme as 128 kbit/s MP3 is ~60 MB/h). */
export const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

export class MediaStore {
  constructor(
    private readonly dir: string,
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes the chunks to a temp file, hashing them; moves it into place when complete. */
  /** `accept` may refuse the complete file (upload-check.ts) before it is kept. */
  async put(
    name: string,
    chunks: AsyncIterable<Buffer>,
    accept?: (file: string, size: number) => Promise<void>,
  ): Promise<MediaRef> {
    const tmp = join(this.dir, `.upload-${randomUUID()}`);
    const h = createHash('sha256');
    let size = 0;
    const fh = await open(tmp, 'w', 0o640);
    try {
      for await (const c of chunks) {
        size += c.length;
        if (size > MAX_MEDIA_BYTES)
          throw new LoaError('INVALID_ARGUMENT', `media larger than ${MAX_MEDIA_BYTES} bytes`);
        h.update(c);
        await fh.write(c);
      }
      await fh.datasync();
      await accept?.(tmp, size);
    } catch (e) {
      await fh.close();
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    await fh.close();
    const sha256 = h.digest('hex');
    await rename(tmp, join(this.dir, sha256));
    const ref = { sha256, sizeBytes: size, name: name.slice(0, 255) };
    this.db
      .prepare(
        `INSERT INTO media (sha256, size, name, created) VALUES (?, ?, ?, ?) ON CONFLICT (sha256)
         DO UPDATE SET size = excluded.size, name = excluded.name, created = excluded.created`,
      )
      .run(sha256, size, ref.name, this.clock.now());
    return ref;
  }

  async read(sha256: string, offset: number, length: number): Promise<{ data: Buffer; total: number }> {
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw new LoaError('INVALID_ARGUMENT', 'sha256: 64 lower-case hex digits');
    const path = join(this.dir, sha256);
    const total = await stat(path).then(
      (s) => s.size,
      () => {
        throw new LoaError('NOT_FOUND', `media ${sha256} is not at the hub`);
      },
    );
    if (offset < 0 || offset > total)
      throw new LoaError('INVALID_ARGUMENT', `offset: 0 to ${total} (got ${offset})`);
    const n = Math.min(length || 65_536, MAX_CHUNK_BYTES, total - offset);
    const fh = await open(path, 'r');
    try {
      const data = Buffer.alloc(n);
      const { bytesRead } = await fh.read(data, 0, n, offset);
      return { data: data.subarray(0, bytesRead), total };
    } finally {
      await fh.close();
    }
  }

  /** The reference of a stored file, if the hub has it. */
  get(sha256: string): MediaRef | undefined {
    const r = this.db.prepare('SELECT sha256, size, name FROM media WHERE sha256 = ?').get(sha256) as
      | { sha256: string; size: number; name: string }
      | undefined;
    return r ? { sha256: r.sha256, sizeBytes: r.size, name: r.name } : undefined;
  }
}
