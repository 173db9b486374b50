/**
 * A programme's source as the audio engine plays it. Cached files are named by their sha256
 * and handed to the engine as `media:SHA256`: the engine resolves them through the media cache
 * at play time and verifies the hash before air (a corrupt file never goes out). Paths are
 * used as they are.
 */
import { stat } from 'node:fs/promises';
import type { SourceSpec } from '../audio/port.js';
import { keyed, LoaError } from '../core/errors.js';
import type { MediaRef, ProgrammeSource, TextSource } from './document.js';
import type { SpeechProof } from './play-log.js';

/** sha256 → a verified file path in the media cache, or undefined when not cached. */
export type MediaLookup = (sha256: string) => Promise<string | undefined>;

/** A text item → what to play (the chimes and the speech, rendered by the station's voice). */
export type TextRender = (src: TextSource) => Promise<{ source: SourceSpec; speech: SpeechProof }>;

export interface Playable {
  source: SourceSpec;
  fallback?: SourceSpec;
  /** A text item: what was read, for the play log. */
  speech?: SpeechProof;
}

async function pathOf(ref: MediaRef, lookup: MediaLookup | undefined): Promise<string> {
  if ('path' in ref) {
    // with a media lookup the station checks what it plays: a missing file is not a silent window
    if (
      lookup &&
      !(await stat(ref.path).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      throw keyed('NOT_FOUND', `${ref.path}: no such file`, 'r.noFile', { path: ref.path });
    return ref.path;
  }
  if (!lookup) return `media:${ref.sha256}`;
  const p = await lookup(ref.sha256);
  if (!p)
    throw keyed(
      'NOT_FOUND',
      `media ${ref.sha256.slice(0, 12)}… is not in the station's media cache`,
      'r.mediaMissing',
      {
        sha: `${ref.sha256.slice(0, 12)}…`,
      },
    );
  return p;
}

async function paths(items: MediaRef[], lookup: MediaLookup | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const it of items) out.push(await pathOf(it, lookup).catch(() => ''));
  const found = out.filter(Boolean);
  if (!found.length) await pathOf(items[0] as MediaRef, lookup); // throws the first reason
  return found;
}

/** The request for an item that started `offsetMs` ago (a file resumes there). */
export async function playable(
  src: ProgrammeSource,
  offsetMs: number,
  lookup: MediaLookup | undefined,
  speak?: TextRender,
): Promise<Playable> {
  switch (src.kind) {
    case 'text':
      // read from the start on a late start or a restart: half a sentence is no notice
      if (!speak) throw new LoaError('UNAVAILABLE', 'this station cannot speak text (no speech module)');
      return speak(src);
    case 'relay': {
      if (!src.fallback) return { source: { kind: 'stream', url: src.url } };
      const fb = await paths(src.fallback.items, lookup).catch(() => []);
      const fallback: SourceSpec | undefined = fb.length
        ? { kind: 'playlist', paths: fb, shuffle: src.fallback.shuffle, loop: true }
        : undefined;
      return { source: { kind: 'stream', url: src.url }, ...(fallback ? { fallback } : {}) };
    }
    case 'playlist':
      return {
        source: {
          kind: 'playlist',
          paths: await paths(src.items, lookup),
          shuffle: src.shuffle,
          loop: src.loop,
        },
      };
    case 'file': {
      const path = await pathOf(src.file, lookup);
      return { source: offsetMs >= 1000 ? { kind: 'file', path, offsetMs } : { kind: 'file', path } };
    }
  }
}

/** The media cache files (sha256) a schedule's programmes need (pinned against eviction). */
export function mediaRefsOf(sources: ProgrammeSource[]): string[] {
  const refs = new Set<string>();
  const add = (items: MediaRef[]) => {
    for (const it of items) if ('sha256' in it) refs.add(it.sha256);
  };
  for (const s of sources) {
    if (s.kind === 'file') add([s.file]);
    if (s.kind === 'playlist') add(s.items);
    if (s.kind === 'relay' && s.fallback) add(s.fallback.items);
  }
  return [...refs];
}
