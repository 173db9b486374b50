/**
 * District commands may name a media file by content instead of by a path on the station
 * (what `districtctl emergency start FILE` sends): a `source` of {sha256, sizeBytes, name}.
 * Before the command runs, the station fetches that file ahead of any background download and
 * puts the cached file's absolute path in its place, so the module receives what it takes from
 * a technician: `emergency.start` a path string; an audio source {kind: "file", …} a `path`.
 * `emergency.start` and `bulletin.text` also get the district command's id (commandId) for
 * their play log.
 */
import type { Clock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { IncomingCommand } from './commands.js';
import type { MediaFetcher } from './media.js';
import { mediaRefSchema } from './state.js';

/** A broken link during the fetch is retried this often, one second apart (the command's expiry still applies). */
const FETCH_ATTEMPTS = 120;

type Source = { kind?: unknown; sha256?: unknown; sizeBytes?: unknown; name?: unknown };

export async function resolveMediaParams(
  cmd: IncomingCommand,
  fetcher: MediaFetcher,
  clock: Clock,
): Promise<unknown> {
  const p = (cmd.params ?? {}) as Record<string, unknown> & { source?: unknown };
  const out: Record<string, unknown> = { ...p };
  const takesId = ['emergency.start', 'bulletin.text', 'bulletin.play'].includes(cmd.method);
  if (takesId && out.commandId === undefined) out.commandId = cmd.id;
  if (cmd.method === 'bulletin.text' && p.audio !== undefined) return withRecording(out, fetcher, clock);
  if (cmd.method === 'bulletin.play') return withBulletinFile(out, fetcher, clock);
  const src = p.source as Source | undefined;
  if (!src || typeof src !== 'object' || src.sha256 === undefined) return out;
  const ref = mediaRefSchema.safeParse({
    sha256: src.sha256,
    sizeBytes: src.sizeBytes,
    name: src.name ?? '',
  });
  if (!ref.success)
    throw new LoaError('INVALID_ARGUMENT', 'source: a media file needs sha256 (64 hex) and sizeBytes');
  const path = await fetchRetrying(fetcher, ref.data, clock);
  out.source = src.kind === undefined ? path : { ...src, path };
  return out;
}

/**
 * A CAP alert's recording goes with its text (bulletin.text `audio`): fetched first, but an
 * alert is not held back for it — past RECORDING_WAIT_MS (or on any error) the text is spoken
 * and `audioError` says why. The fetch may finish later: the file is then cached for a repeat.
 */
export const RECORDING_WAIT_MS = 15_000;

async function withRecording(
  out: Record<string, unknown>,
  fetcher: MediaFetcher,
  clock: Clock,
): Promise<Record<string, unknown>> {
  const a = (out.audio ?? {}) as Source;
  const ref = mediaRefSchema.safeParse({ sha256: a.sha256, sizeBytes: a.sizeBytes, name: a.name ?? '' });
  delete out.audio;
  if (!ref.success) return { ...out, audioError: 'audio: a recording needs sha256 (64 hex) and sizeBytes' };
  let timer: { cancel(): void } | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(
      () => reject(new LoaError('UNAVAILABLE', `not fetched within ${RECORDING_WAIT_MS / 1000} s`)),
      RECORDING_WAIT_MS,
    );
  });
  try {
    return { ...out, audio: await Promise.race([fetcher.ensure(ref.data, true), late]) };
  } catch (e) {
    return { ...out, audioError: `recording ${ref.data.sha256.slice(0, 12)}…: ${toLoaError(e).message}` };
  } finally {
    timer?.cancel();
  }
}

/**
 * A recorded bulletin (`bulletin.play`): the file is the bulletin, so it is fetched like an
 * emergency's (retried while the link is down, verified by sha256 before it is used) and its
 * cached path replaces the reference; its name and sha256 go to the play log.
 */
async function withBulletinFile(
  out: Record<string, unknown>,
  fetcher: MediaFetcher,
  clock: Clock,
): Promise<Record<string, unknown>> {
  const a = (out.audio ?? {}) as Source;
  if (typeof a !== 'object' || a === null) return out; // a path: the station's own check refuses it
  const ref = mediaRefSchema.safeParse({ sha256: a.sha256, sizeBytes: a.sizeBytes, name: a.name ?? '' });
  if (!ref.success)
    throw new LoaError('INVALID_ARGUMENT', 'audio: a recorded bulletin needs sha256 (64 hex) and sizeBytes');
  const path = await fetchRetrying(fetcher, ref.data, clock);
  return { ...out, audio: path, sha256: ref.data.sha256, ...(ref.data.name ? { name: ref.data.name } : {}) };
}

async function fetchRetrying(
  fetcher: MediaFetcher,
  ref: Parameters<MediaFetcher['ensure']>[0],
  clock: Clock,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetcher.ensure(ref, true);
    } catch (e) {
      const err = toLoaError(e);
      if (err.code !== 'UNAVAILABLE' || attempt >= FETCH_ATTEMPTS) throw err;
      await clock.sleep(1000);
    }
  }
}
