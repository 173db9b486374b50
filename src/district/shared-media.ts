/**
 * The media store of a hub that shares its database with other hubs (cluster/media.ts): an
 * upload is also put where the other hubs find it, and a file asked for that another hub took
 * in is copied here first. A hub alone (SQLite) uses its media store as it is.
 */
import { join } from 'node:path';
import { LoaError } from '../core/errors.js';
import type { HubBus } from './cluster/bus.js';
import type { MediaFilesStore } from './stores.js';

export function sharedMedia(local: MediaFilesStore, dir: string, bus: HubBus): MediaFilesStore {
  const { shareMedia, fetchMedia } = bus;
  if (!bus.shared || !shareMedia || !fetchMedia) return local;
  return {
    get: (sha256) => local.get(sha256),
    async put(name, chunks, accept) {
      const ref = await local.put(name, chunks, accept);
      // before the upload is answered: the command that names it may be delivered by another hub
      await shareMedia.call(bus, ref.sha256, join(dir, ref.sha256));
      return ref;
    },
    async read(sha256, offset, length) {
      try {
        return await local.read(sha256, offset, length);
      } catch (e) {
        if (!(e instanceof LoaError) || e.code !== 'NOT_FOUND' || !local.get(sha256)) throw e;
        if (!(await fetchMedia.call(bus, sha256, join(dir, sha256)))) throw e;
        return local.read(sha256, offset, length);
      }
    },
  };
}
