/**
 * HLS playlists (RFC 8216) as a relay needs them: a master playlist names variants (we take
 * the lowest bandwidth: a 4G link); a media playlist names segments with their media sequence
 * numbers, durations and discontinuities, its target duration, its type (live, EVENT, VOD)
 * and whether it has ended. Anything that is not a playlist is refused with the line at fault.
 */
import { LoaError } from '../core/errors.js';

export interface HlsSegment {
  seq: number;
  uri: string;
  durationMs: number;
  /** #EXT-X-DISCONTINUITY before it: the encoder restarted (timestamps, maybe the codec). */
  discontinuity: boolean;
}

export interface MediaPlaylist {
  kind: 'media';
  targetMs: number;
  mediaSequence: number;
  segments: HlsSegment[];
  /** #EXT-X-ENDLIST: nothing more will be added. */
  ended: boolean;
  type: 'live' | 'event' | 'vod';
}

export interface MasterPlaylist {
  kind: 'master';
  variants: Array<{ uri: string; bandwidth: number }>;
}

const attr = (line: string, name: string) => new RegExp(`[:,]${name}=("?)([^",]*)\\1`).exec(line)?.[2];

export function parsePlaylist(text: string, base: string): MediaPlaylist | MasterPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U')
    throw new LoaError('INVALID_ARGUMENT', `${base}: line 1: not an HLS playlist (expected #EXTM3U)`);
  if (lines.some((l) => l.startsWith('#EXT-X-STREAM-INF'))) return parseMaster(lines, base);
  return parseMedia(lines, base);
}

function parseMaster(lines: string[], base: string): MasterPlaylist {
  const variants: MasterPlaylist['variants'] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (!l.startsWith('#EXT-X-STREAM-INF')) continue;
    const uri = lines.slice(i + 1).find((x) => x && !x.startsWith('#'));
    if (uri)
      variants.push({ uri: new URL(uri, base).toString(), bandwidth: Number(attr(l, 'BANDWIDTH') ?? 0) });
  }
  if (!variants.length)
    throw new LoaError('INVALID_ARGUMENT', `${base}: master playlist without a variant URI`);
  return { kind: 'master', variants };
}

function parseMedia(lines: string[], base: string): MediaPlaylist {
  let targetMs = 0;
  let seq = 0;
  let duration: number | undefined;
  let disc = false;
  let ended = false;
  let type: MediaPlaylist['type'] = 'live';
  const segments: HlsSegment[] = [];
  let first = 0;
  lines.forEach((l, i) => {
    if (l.startsWith('#EXT-X-TARGETDURATION:')) targetMs = Number(l.slice(22)) * 1000;
    else if (l.startsWith('#EXT-X-MEDIA-SEQUENCE:')) first = Number(l.slice(22));
    else if (l.startsWith('#EXTINF:')) {
      duration = Number.parseFloat(l.slice(8));
      if (!Number.isFinite(duration) || duration < 0)
        throw new LoaError('INVALID_ARGUMENT', `${base}: line ${i + 1}: bad #EXTINF duration "${l}"`);
    } else if (l === '#EXT-X-DISCONTINUITY') disc = true;
    else if (l === '#EXT-X-ENDLIST') ended = true;
    else if (l.startsWith('#EXT-X-PLAYLIST-TYPE:')) type = l.endsWith('VOD') ? 'vod' : 'event';
    else if (l && !l.startsWith('#')) {
      if (duration === undefined)
        throw new LoaError('INVALID_ARGUMENT', `${base}: line ${i + 1}: segment "${l}" without #EXTINF`);
      segments.push({
        seq: 0,
        uri: new URL(l, base).toString(),
        durationMs: Math.round(duration * 1000),
        discontinuity: disc,
      });
      duration = undefined;
      disc = false;
    }
  });
  if (!(targetMs > 0))
    throw new LoaError('INVALID_ARGUMENT', `${base}: media playlist without #EXT-X-TARGETDURATION`);
  if (!Number.isInteger(first) || first < 0)
    throw new LoaError('INVALID_ARGUMENT', `${base}: bad #EXT-X-MEDIA-SEQUENCE`);
  segments.forEach((s, k) => {
    s.seq = first + k;
  });
  seq = first;
  return {
    kind: 'media',
    targetMs,
    mediaSequence: seq,
    segments,
    ended,
    type: ended && type === 'live' ? 'vod' : type,
  };
}

/**
 * Where a relay starts in a live playlist: as near the live edge as its pre-roll allows
 * (RFC 8216 §6.3.3 advises no later than three target durations from the end): the last
 * segments whose durations add up to `needMs`.
 */
export function liveEdgeStart(p: MediaPlaylist, needMs: number): number {
  if (p.type === 'vod') return p.segments[0]?.seq ?? p.mediaSequence;
  let sum = 0;
  for (let k = p.segments.length - 1; k >= 0; k--) {
    sum += (p.segments[k] as HlsSegment).durationMs;
    if (sum >= needMs) return (p.segments[k] as HlsSegment).seq;
  }
  return p.segments[0]?.seq ?? p.mediaSequence;
}
