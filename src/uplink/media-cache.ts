/**
 * The station's media cache (src/media/, module "media") as the uplink's download target:
 * a fetched file goes in through `ingest` with its expected sha256, so the cache hashes and
 * probes it like any other file (only playable audio gets in).
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { MediaCache } from '../media/cache.js';
import type { MediaCacheLike } from './media.js';

export class StationMediaCache implements MediaCacheLike {
  constructor(private readonly cache: MediaCache) {}

  async pathOf(sha256: string): Promise<string | undefined> {
    return this.cache.manifest.data.items[sha256] ? this.cache.pathOf(sha256) : undefined;
  }

  async adopt(sha256: string, file: string, name = sha256): Promise<string> {
    try {
      await this.cache.ingest(createReadStream(file), { name, expectSha256: sha256 });
    } finally {
      await rm(file, { force: true });
    }
    return this.cache.pathOf(sha256);
  }
}
