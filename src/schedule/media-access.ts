/**
 * How the schedule reaches media on a running station: the media cache (verified before a
 * file counts as here) and, when the district link runs, the uplink's media sync to fetch
 * what is missing. Both are found among the station's modules by name, so the schedule
 * imports neither the uplink nor the audio engine.
 */
import { stat } from 'node:fs/promises';
import { mediaOf } from '../media/module.js';
import type { Station } from '../station/station.js';
import type { MediaCheck } from './media-watch.js';
import type { MediaLookup } from './sources.js';

/** sha256 → the verified cache path; a damaged file (quarantined by the cache) counts as missing. */
export function cacheLookup(station: Station): MediaLookup | undefined {
  const cache = mediaOf(station)?.cache;
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
export function mediaCheck(lookup: MediaLookup | undefined, station?: Station): MediaCheck {
  const cache = station ? mediaOf(station)?.cache : undefined;
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

interface MediaFetching {
  /** undefined when the district cannot be asked for this file (no link configured, unknown file). */
  fetchMedia(sha256: string): Promise<string> | undefined;
}

/** The uplink's media sync, when this station runs one (asked lazily: it starts after us). */
export function districtFetch(station: Station): (sha256: string) => Promise<unknown> | undefined {
  return (sha) => {
    const up = station.modules.find((m) => m.name === 'uplink') as Partial<MediaFetching> | undefined;
    return typeof up?.fetchMedia === 'function' ? up.fetchMedia(sha) : undefined;
  };
}
