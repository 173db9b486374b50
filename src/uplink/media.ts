/**
 * Media for the desired state, fetched from the district in chunks over gRPC (ReadMedia):
 * resumable (a partial file survives a broken link or a restart and continues from its
 * size), verified (sha256 and size) before it enters the media cache. One chunk is in flight
 * at a time and a priority fetch (a bulletin's own file) takes the next turn, so a large
 * background download never holds a bulletin back by more than one chunk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../core/errors.js';
import type { MediaRef } from './state.js';

/** What the uplink needs from a media cache (media-cache.ts adapts the station's src/media/). */
export interface MediaCacheLike {
  /** The verified file's path, or undefined when it is not in the cache. */
  pathOf(sha256: string): Promise<string | undefined>;
  /** Takes a verified file (moved, not copied) and returns its path in the cache. */
  adopt(sha256: string, file: string, name?: string): Promise<string>;
}

/** A content-addressed folder (DIR/<sha256>): for a station without the media module, and tests. */
export class DirMediaCache implements MediaCacheLike {
  constructor(readonly dir: string) {}

  async pathOf(sha256: string): Promise<string | undefined> {
    const p = join(this.dir, sha256);
    return stat(p).then(
      () => p,
      () => undefined,
    );
  }

  async adopt(sha256: string, file: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const p = join(this.dir, sha256);
    await rename(file, p);
    return p;
  }
}

/** Reads one chunk: data at offset (short at the end) and the file's total size. */
export type ChunkReader = (
  sha256: string,
  offset: number,
  length: number,
) => Promise<{ data: Buffer; total: number }>;

export interface FetchProgress {
  done: number;
  total: number;
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export class MediaFetcher {
  private busy = false;
  private readonly jobs = new Map<string, { priority: boolean; done: Promise<string> }>();
  private readonly waiting = {
    priority: [] as ((release: () => void) => void)[],
    background: [] as ((release: () => void) => void)[],
  };
  readonly progress = new Map<string, FetchProgress>();

  constructor(
    private readonly cache: MediaCacheLike,
    private readonly partialDir: string,
    private readonly read: () => ChunkReader | undefined,
    private readonly chunkBytes: number,
  ) {}

  /** The cached path, fetching the file first when it is missing (one fetch per file at a time). */
  ensure(ref: MediaRef, priority = false): Promise<string> {
    const job = this.jobs.get(ref.sha256);
    if (job) {
      job.priority ||= priority;
      return job.done;
    }
    const j: { priority: boolean; done: Promise<string> } = { priority, done: Promise.resolve('') };
    j.done = this.fetch(ref, j).finally(() => this.jobs.delete(ref.sha256));
    this.jobs.set(ref.sha256, j);
    return j.done;
  }

  private async fetch(ref: MediaRef, job: { priority: boolean }): Promise<string> {
    const have = await this.cache.pathOf(ref.sha256);
    if (have) return have;
    await mkdir(this.partialDir, { recursive: true });
    const part = join(this.partialDir, `${ref.sha256}.part`);
    let offset = await stat(part).then(
      (s) => s.size,
      () => 0,
    );
    if (offset > ref.sizeBytes) {
      await unlink(part);
      offset = 0;
    }
    this.progress.set(ref.sha256, { done: offset, total: ref.sizeBytes });
    while (offset < ref.sizeBytes) offset += await this.oneChunk(ref, part, offset, job.priority);
    return this.verify(ref, part);
  }

  private async oneChunk(ref: MediaRef, part: string, offset: number, priority: boolean): Promise<number> {
    const release = await this.take(priority);
    try {
      const reader = this.read();
      if (!reader) throw new LoaError('UNAVAILABLE', 'no link to the district for media');
      const len = Math.min(this.chunkBytes, ref.sizeBytes - offset);
      const { data, total } = await reader(ref.sha256, offset, len);
      if (total !== ref.sizeBytes)
        throw new LoaError(
          'INVALID_ARGUMENT',
          `media ${ref.sha256}: district has ${total} bytes, manifest says ${ref.sizeBytes}`,
        );
      if (data.length === 0)
        throw new LoaError('UNAVAILABLE', `media ${ref.sha256}: empty chunk at ${offset}`);
      const fh = await open(part, 'a');
      try {
        await fh.write(data);
        await fh.datasync();
      } finally {
        await fh.close();
      }
      this.progress.set(ref.sha256, { done: offset + data.length, total });
      return data.length;
    } finally {
      release();
    }
  }

  private async verify(ref: MediaRef, part: string): Promise<string> {
    const got = await sha256File(part);
    if (got !== ref.sha256) {
      await unlink(part).catch(() => undefined);
      throw new LoaError('INVALID_ARGUMENT', `media ${ref.name || ref.sha256}: sha256 ${got} does not match`);
    }
    this.progress.delete(ref.sha256);
    return this.cache.adopt(ref.sha256, part, ref.name || undefined);
  }

  /** One chunk at a time; a waiting priority fetch goes before background ones. */
  private take(priority: boolean): Promise<() => void> {
    return new Promise((grant) => {
      (priority ? this.waiting.priority : this.waiting.background).push(grant);
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const grant = this.waiting.priority.shift() ?? this.waiting.background.shift();
    if (!grant) return;
    this.busy = true;
    grant(() => {
      this.busy = false;
      this.next();
    });
  }
}
