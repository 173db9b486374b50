/**
 * Structural limits every command's parameters meet before any handler sees them, whatever
 * their schema: a JSON object of bounded size, depth, key count and string length; no NUL or
 * control characters; no ".." in anything that names a file. Each refusal is INVALID_ARGUMENT
 * naming the field (as a dotted path) and what is allowed.
 */
import { LoaError } from '../core/errors.js';
import { formatPath } from '../core/validate.js';
import { checkDistrictMedia } from './media-ref.js';

export interface JsonLimits {
  paramsBytes: number;
  depth: number;
  keys: number;
  arrayItems: number;
  stringChars: number;
  keyChars: number;
}

export const LIMITS: JsonLimits = {
  /** Whole parameters as JSON: a schedule of a few hundred items fits; 4 MiB is the message cap. */
  paramsBytes: 256 * 1024,
  depth: 12,
  keys: 500,
  arrayItems: 5000,
  stringChars: 4096,
  keyChars: 64,
};

/** Keys whose string values name files or media. */
const FILE_KEY = /(^|[._-])(path|file|filename|name|media|attention)$/i;
/** C0 control characters except tab, line feed and carriage return, and DEL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) return true;
  }
  return false;
}

function bad(path: (string | number)[], what: string): never {
  throw new LoaError('INVALID_ARGUMENT', `${formatPath(path)}: ${what}`);
}

/** A file or media name: no NUL or control characters, no ".." segment. */
export function checkFileName(value: string, path: (string | number)[]): void {
  if (hasControl(value)) bad(path, 'a file name without control characters');
  if (value.split(/[/\\]/).includes('..'))
    bad(path, `a file name without ".." (path traversal refused; got ${JSON.stringify(value.slice(0, 60))})`);
}

type Counter = { keys: number; limits: JsonLimits };

function walk(v: unknown, path: (string | number)[], depth: number, counter: Counter): void {
  const lim = counter.limits;
  if (depth > lim.depth) bad(path, `nested at most ${lim.depth} levels deep`);
  if (typeof v === 'string') {
    if (v.length > lim.stringChars) bad(path, `at most ${lim.stringChars} characters (got ${v.length})`);
    if (v.includes('\u0000')) bad(path, 'text without NUL characters');
    const key = path.at(-1);
    if (typeof key === 'string' && FILE_KEY.test(key)) checkFileName(v, path);
    return;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) bad(path, 'a finite number');
    return;
  }
  if (v === null || typeof v === 'boolean') return;
  if (Array.isArray(v)) {
    if (v.length > lim.arrayItems) bad(path, `at most ${lim.arrayItems} items (got ${v.length})`);
    v.forEach((x, i) => {
      walk(x, [...path, i], depth + 1, counter);
    });
    return;
  }
  if (typeof v !== 'object') bad(path, 'JSON values only');
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (++counter.keys > lim.keys) bad(path, `at most ${lim.keys} keys in all`);
    if (k.length > lim.keyChars || hasControl(k) || k === '__proto__')
      bad(path, `keys of at most ${lim.keyChars} plain characters (got ${JSON.stringify(k.slice(0, 40))})`);
    walk(x, [...path, k], depth + 1, counter);
  }
}

/** Parameters of any command: absent, or a JSON object within the limits. */
export function checkParams(
  params: unknown,
  limits: JsonLimits = LIMITS,
  root = 'params',
): Record<string, unknown> | undefined {
  if (params === undefined || params === null) return undefined;
  if (typeof params !== 'object' || Array.isArray(params))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${root}: an object of named parameters (got ${Array.isArray(params) ? 'a list' : typeof params})`,
    );
  const size = Buffer.byteLength(JSON.stringify(params) ?? '');
  if (size > limits.paramsBytes)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${root}: at most ${limits.paramsBytes} bytes as JSON (got ${size})`,
    );
  walk(params, root.split('.'), 0, { keys: 0, limits });
  return params as Record<string, unknown>;
}

/**
 * District commands name media by content (sha256, media:NAME) or a stream URL, never by a
 * station path, in any field at any depth (media-ref.ts).
 */
export function checkNoStationPaths(params: unknown, path: (string | number)[] = []): void {
  checkDistrictMedia(params, path);
}
