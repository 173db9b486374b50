/**
 * A recorded bulletin (`bulletin.play`) names the hub's file by sha256. The hub refuses one it
 * does not hold (before anything is stored or sent: the station could never fetch it) and
 * fills in the size and name from its media store, so `districtctl bulletin send --media SHA`
 * needs only the hash; a size that disagrees with the file is refused.
 */
import { LoaError } from '../../core/errors.js';
import type { MediaFilesStore } from '../stores.js';

type Params = Record<string, unknown>;

export function withHubMedia(media: MediaFilesStore, method: string, params: Params): Params {
  if (method !== 'bulletin.play') return params;
  const a = params.audio as { sha256: string; sizeBytes?: number; name?: string };
  const ref = media.get(a.sha256);
  if (!ref)
    throw new LoaError(
      'NOT_FOUND',
      `params.audio.sha256: no media ${a.sha256} at the hub; upload the file first (UploadMedia, or --file)`,
    );
  if (a.sizeBytes !== undefined && a.sizeBytes !== ref.sizeBytes)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `params.audio.sizeBytes: the hub's file ${a.sha256.slice(0, 12)}… has ${ref.sizeBytes} bytes (got ${a.sizeBytes})`,
    );
  return { ...params, audio: { sha256: ref.sha256, sizeBytes: ref.sizeBytes, name: a.name || ref.name } };
}
