/**
 * An alert's own recording (CAP 1.2 §3.2.3 `resource` with an audio mimeType): the authority's
 * voice is the message, so when the Vietnamese info block has one the hub fetches it (`uri`,
 * http(s), or `derefUri`, the file in base64), checks it — the declared `size` in bytes, the
 * `digest` (SHA-1 of the file, as CAP 1.2 specifies), ffprobe finds an audio stream lasting
 * 0.5 s to 10 minutes — and keeps it in the hub's media store, from which the stations fetch
 * it by sha256. Any failure is a reason, never a silence: the text is spoken instead.
 */
import { createHash } from 'node:crypto';
import { LoaError, toLoaError } from '../../core/errors.js';
import { probeAudio } from '../../media/probe.js';
import type { MediaFilesStore } from '../stores.js';
import type { CapInfo, CapResource } from './parse.js';

/** A spoken alert of 10 minutes as 128 kbit/s MP3 is ≈ 10 MB. */
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024;
export const MAX_AUDIO_MS = 600_000;
const FETCH_TIMEOUT_MS = 30_000;

export type AudioResource =
  | { ok: true; sha256: string; sizeBytes: number; name: string; durationMs: number; desc: string }
  | { ok: false; error: string };

/** The first audio resource with a file to get, if any. */
export function audioResourceOf(info: CapInfo): CapResource | undefined {
  return info.resource.find((r) => /^audio\//i.test(r.mimeType) && (r.uri || r.derefUri));
}

export async function takeAudioResource(r: CapResource, media: MediaFilesStore): Promise<AudioResource> {
  try {
    const bytes = r.derefUri ? fromBase64(r.derefUri) : await download(r.uri as string);
    if (r.size !== undefined && Number(r.size) !== bytes.length)
      throw new LoaError('INVALID_ARGUMENT', `size ${bytes.length} bytes, the alert says ${r.size}`);
    if (r.digest !== undefined) {
      const sha1 = createHash('sha1').update(bytes).digest('hex');
      if (sha1 !== r.digest.trim().toLowerCase())
        throw new LoaError('INVALID_ARGUMENT', `SHA-1 digest ${sha1}, the alert says ${r.digest}`);
    }
    let durationMs = 0;
    const name = nameOf(r);
    const ref = await media.put(name, one(bytes), async (file) => {
      const p = await probeAudio(file);
      if (!p.ok) throw new LoaError('INVALID_ARGUMENT', `not playable audio (${p.error})`);
      durationMs = p.durationMs ?? 0;
      if (durationMs < 500 || durationMs > MAX_AUDIO_MS)
        throw new LoaError('INVALID_ARGUMENT', `${durationMs} ms long; allowed 0.5 s to 10 minutes`);
    });
    return { ok: true, ...ref, durationMs, desc: r.resourceDesc };
  } catch (e) {
    return { ok: false, error: `audio resource "${r.resourceDesc}": ${toLoaError(e).message}` };
  }
}

function nameOf(r: CapResource): string {
  const fromUri = r.uri ? (r.uri.split(/[?#]/)[0]?.split('/').pop() ?? '') : '';
  return (fromUri || r.resourceDesc).slice(0, 255) || 'cap-audio';
}

function fromBase64(s: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new LoaError('INVALID_ARGUMENT', 'derefUri is not base64');
  if ((clean.length * 3) / 4 > MAX_AUDIO_BYTES)
    throw new LoaError('INVALID_ARGUMENT', `derefUri larger than ${MAX_AUDIO_BYTES} bytes`);
  return Buffer.from(clean, 'base64');
}

async function download(uri: string): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new LoaError('INVALID_ARGUMENT', `uri "${uri.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LoaError('INVALID_ARGUMENT', `uri ${url.protocol} is not allowed (http or https)`);
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).catch((e: Error) => {
    throw new LoaError('UNAVAILABLE', `${uri}: ${(e.cause as { code?: string })?.code ?? e.message}`);
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new LoaError('UNAVAILABLE', `${uri}: HTTP ${res.status}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let i = 0; reader && i < 1_000_000; i++) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_AUDIO_BYTES) {
      await reader.cancel();
      throw new LoaError('INVALID_ARGUMENT', `${uri}: larger than ${MAX_AUDIO_BYTES} bytes; not kept`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function* one(b: Buffer): AsyncIterable<Buffer> {
  yield b;
}
