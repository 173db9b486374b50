/**
 * What the district may name as media (docs/security.md, "Media from the district"). A district
 * command or a pushed schedule names a file by its content — {sha256, …} fetched from the hub,
 * or "media:NAME" / "media:SHA256" already in the station's cache — or a stream by a URL of an
 * allowed scheme. Never by a path on the station: ffmpeg opens whatever string it is given
 * ("/etc/passwd", "file:…", "concat:…", "subfile:…"), so a path from the district would let
 * anyone holding an operator certificate read, play or copy any file the service can, and the
 * answer ("no such file") would tell them which files exist.
 *
 * The rule is structural: every key and every string at any depth of the parameters is
 * checked, whatever the method and whatever a handler will later make of it. A key that names
 * a location (path, paths, file name, directory) is refused whatever its value; a string that
 * looks like a path, a file URL or a URL of another scheme is refused wherever it stands,
 * except in the few free-text fields (a programme's title). Nothing here touches the
 * filesystem, so the refusal is the same whether the file exists or not.
 */
import { LoaError } from '../core/errors.js';
import { formatPath } from '../core/validate.js';

/** Streams the district may relay: network sources only (ffmpeg protocols that open no local file). */
export const DISTRICT_URL_SCHEMES: readonly string[] = [
  'http',
  'https',
  'icecast',
  'rtsp',
  'rtsps',
  'rtmp',
  'rtmps',
  'srt',
];

/** Keys naming a location on the station: refused from the district whatever they hold. */
const LOCATION_KEY = /^(path|paths|filename|filenames|dir|directory|folder|cwd)$/i;
/** Free text shown to people, never opened (still bounded by hostile.ts). */
const FREE_TEXT_KEY = /^(title|description|note|reason|comment|label)$/i;
/** "scheme:" at the start of a string: how ffmpeg chooses a protocol (file:, concat:, pipe:, …). */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/;
const SHA256 = /^[0-9a-f]{64}$/;
/** A cache name after "media:": a plain file name (the cache looks it up in its manifest). */
const MEDIA_NAME = /^[^/\\]{1,255}$/;

type Path = (string | number)[];

function refuse(path: Path, what: string): never {
  throw new LoaError('INVALID_ARGUMENT', `${formatPath(path)}: ${what}`);
}

const HOW =
  'name media by content (sha256, or media:NAME of the station cache) or by a stream URL (' +
  `${DISTRICT_URL_SCHEMES.join(', ')}), never by a path on the station`;

/** Why a string is not acceptable media from the district, or undefined. */
export function pathLike(s: string): string | undefined {
  const t = s.trim();
  if (/^[/~\\]/.test(t) || /^\.\.?([/\\]|$)/.test(t) || /^[A-Za-z]:[/\\]/.test(t)) return 'a station path';
  const m = SCHEME.exec(t);
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  if (scheme === 'media') {
    const rest = t.slice(6);
    return SHA256.test(rest) || MEDIA_NAME.test(rest) ? undefined : 'a media name with a directory';
  }
  if (DISTRICT_URL_SCHEMES.includes(scheme) && t.slice(m[0].length).startsWith('//')) return undefined;
  return `a "${scheme}:" source (allowed: ${DISTRICT_URL_SCHEMES.join(', ')} URLs or media:NAME)`;
}

/**
 * INVALID_ARGUMENT naming the first field that names a station path, at any depth of `value`
 * (command parameters, a schedule document); nothing otherwise.
 */
export function checkDistrictMedia(value: unknown, path: Path = ['params'], depth = 0): void {
  if (depth > 64) refuse(path, 'nested too deep');
  if (typeof value === 'string') {
    const key = path.at(-1);
    if (typeof key === 'string' && FREE_TEXT_KEY.test(key)) return;
    const why = pathLike(value);
    if (why)
      refuse(
        path,
        `${why} is not allowed from the district (got ${JSON.stringify(value.slice(0, 60))}); ${HOW}`,
      );
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkDistrictMedia(v, [...path, i], depth + 1);
    });
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (LOCATION_KEY.test(k)) refuse([...path, k], `not allowed from the district: ${HOW}`);
    checkDistrictMedia(v, [...path, k], depth + 1);
  }
}
