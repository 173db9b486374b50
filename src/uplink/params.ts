/**
 * District commands may name a media file by content instead of a path: a `source` of
 * {kind: "file", sha256, sizeBytes, name} (what `districtctl emergency start FILE` sends).
 * Before the command runs, the station fetches that file ahead of any background download
 * and adds its cached `path`, so the module (audio, emergency) receives an ordinary file source.
 */
import type { Clock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { MediaFetcher } from './media.js';
import { mediaRefSchema } from './state.js';

/** A broken link during the fetch is retried this often, one second apart (the command's expiry still applies). */
const FETCH_ATTEMPTS = 120;

export async function resolveMediaParams(
  _method: string,
  params: unknown,
  fetcher: MediaFetcher,
  clock: Clock,
): Promise<unknown> {
  const p = params as { source?: { kind?: unknown; sha256?: unknown } } | null;
  const src = p?.source;
  if (src?.kind !== 'file' || src.sha256 === undefined) return params;
  const ref = mediaRefSchema.safeParse(src);
  if (!ref.success)
    throw new LoaError('INVALID_ARGUMENT', 'source: a file source needs sha256 (64 hex) and sizeBytes');
  for (let attempt = 1; ; attempt++) {
    try {
      const path = await fetcher.ensure(ref.data, true);
      return { ...p, source: { ...src, path } };
    } catch (e) {
      const err = toLoaError(e);
      if (err.code !== 'UNAVAILABLE' || attempt >= FETCH_ATTEMPTS) throw err;
      await clock.sleep(1000);
    }
  }
}
