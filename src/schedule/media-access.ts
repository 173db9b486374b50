/**
 * How the schedule reaches media on a running station: the media cache (port MEDIA_CACHE;
 * verified before a file counts as here) and, through the cache, the uplink's media sync to
 * fetch what is missing (the uplink registers itself with the cache while it runs, so the
 * schedule imports neither the uplink nor the audio engine).
 */
import { stat } from 'node:fs/promises';
import type { MediaCache } from '../media/cache.js';
import type { MediaCheck } from './media-watch.js';
import type { MediaLookup } from './sources.js';

/** sha256 → the verified cache path; a damaged file (quarantined by the cache) counts as missing. */
export function cacheLookup(cache: MediaCache | undefined): MediaLookup | undefined {
  if (!cache) return undefined;
  return (sha) => cache.resolveForAir(sha).catch(() => undefined);
}

/**
 * The media watch's check, every minute over a day's programmes: a cache file is re-hashed
 * only when it changed on disk since it last verified (inode, size, mtime, ctime), not each
 * pass — hashing a day of programmes every minute would keep a Pi's SD card busy. Air time
 * still re-hashes (the cache's resolveForAir), so rot that keeps the stamp is caught there
 * and the fallback stands in.
 */
export function mediaCheck(lookup: MediaLookup | undefined, cache?: MediaCache): MediaCheck {
  const verified = new Map<string, string>();
  return async (ref) => {
    if ('path' in ref)
      return stat(ref.path).then(
        (s) => (s.isFile() ? ref.path : undefined),
        () => undefined,
      );
    // without a cache the engine resolves media: refs itself; nothing to check here
    if (!lookup) return `media:${ref.sha256}`;
    const path = cache?.manifest.data.items[ref.sha256] ? cache.pathOf(ref.sha256) : undefined;
    const stamp = path ? await stampOf(path) : undefined;
    if (path && stamp && verified.get(ref.sha256) === stamp) return path;
    const ok = await lookup(ref.sha256);
    if (ok && stamp) verified.set(ref.sha256, stamp);
    else verified.delete(ref.sha256);
    return ok;
  };
}

async function stampOf(path: string): Promise<string | undefined> {
  const st = await stat(path, { bigint: true }).catch(() => undefined);
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : undefined;
}

/** The uplink's media sync through the cache, when this station runs one (asked lazily). */
export function districtFetch(
  cache: MediaCache | undefined,
): (sha256: string) => Promise<unknown> | undefined {
  return (sha) => cache?.refetch(sha);
}
