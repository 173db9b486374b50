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

export function mediaCheck(lookup: MediaLookup | undefined): MediaCheck {
  return async (ref) => {
    if ('path' in ref)
      return stat(ref.path).then(
        (s) => (s.isFile() ? ref.path : undefined),
        () => undefined,
      );
    // without a cache the engine resolves media: refs itself; nothing to check here
    return lookup ? lookup(ref.sha256) : `media:${ref.sha256}`;
  };
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
