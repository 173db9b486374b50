/**
 * What a bulletin text may be, checked the same way at the station and at the hub: not
 * empty, no control characters, at most MAX_TEXT_CHARS characters. The limit keeps a text
 * bulletin to one link round trip and a few minutes of speech: 2,000 characters are about
 * 400 Vietnamese words (one syllable each, ≈ 5 characters with the space), ≈ 3 minutes at
 * espeak-ng's 150 words per minute — longer notices are better recorded.
 */
import { createHash } from 'node:crypto';
import { keyed, LoaError } from '../core/errors.js';

export const MAX_TEXT_CHARS = 2000;

export function checkText(raw: unknown, field = 'text'): string {
  if (typeof raw !== 'string')
    throw keyed(
      'INVALID_ARGUMENT',
      `${field}: the notice to read out, as text (got ${typeof raw})`,
      'r.textType',
      {
        field,
      },
    );
  const text = raw.normalize('NFC').trim();
  if (!text)
    throw keyed('INVALID_ARGUMENT', `${field}: empty; give the notice to read out`, 'r.textEmpty', { field });
  const chars = [...text].length;
  if (chars > MAX_TEXT_CHARS)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${field}: ${chars} characters; a text bulletin is at most ${MAX_TEXT_CHARS} characters (about 3 minutes of speech) — split it or record it`,
      { limit: MAX_TEXT_CHARS, chars },
      { key: 'r.textLong', vars: { field, chars, max: MAX_TEXT_CHARS } },
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  const ctl = /[\u0000-\u0008\u000b-\u001f\u007f]/u.exec(text);
  if (ctl)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${field}: control character U+${ctl[0].charCodeAt(0).toString(16).padStart(4, '0')} at position ${ctl.index + 1}; only printable text and line breaks`,
      {},
      {
        key: 'r.textControl',
        vars: { field, code: ctl[0].charCodeAt(0).toString(16).padStart(4, '0'), at: ctl.index + 1 },
      },
    );
  return text;
}

/** The proof of what was read: sha256 of the text as given (NFC, trimmed). */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
