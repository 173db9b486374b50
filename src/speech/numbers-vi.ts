/**
 * Numbers read as Vietnamese words, the way an announcer reads them: "21" hai mươi mốt,
 * "25" hai mươi lăm, "105" một trăm linh năm, "2026" hai nghìn không trăm hai mươi sáu.
 * Northern usage by default (nghìn, linh); the southern accent says ngàn and lẻ.
 */

export type Dialect = 'north' | 'south';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Above this a number is read digit by digit (no announcement counts beyond hundreds of billions). */
const MAX_GROUPED = 999_999_999_999;

export function digitWord(d: number): string {
  return DIGITS[d] as string;
}

/** 0–99 after a hundreds digit or alone; `inner`: inside a larger number (05 → "linh năm"). */
function tens(n: number, inner: boolean, dialect: Dialect): string {
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 0) return inner ? `${dialect === 'south' ? 'lẻ' : 'linh'} ${digitWord(u)}` : digitWord(u);
  const head = t === 1 ? 'mười' : `${digitWord(t)} mươi`;
  if (u === 0) return head;
  // after "mươi" 1 is "mốt" and 4 is "tư"; after both "mười" and "mươi" 5 is "lăm"
  const unit = u === 5 ? 'lăm' : t >= 2 && u === 1 ? 'mốt' : t >= 2 && u === 4 ? 'tư' : digitWord(u);
  return `${head} ${unit}`;
}

/** 0–999; `full`: a group inside a larger number keeps its "không trăm". */
function hundreds(n: number, full: boolean, dialect: Dialect): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0 && !full) return tens(rest, false, dialect);
  const head = `${digitWord(h)} trăm`;
  return rest === 0 ? head : `${head} ${tens(rest, true, dialect)}`;
}

/** A non-negative integer in words. */
export function integerWords(n: number, dialect: Dialect = 'north'): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return 'không';
  if (n > MAX_GROUPED) return digitsWords(String(n));
  const scales = ['', dialect === 'south' ? 'ngàn' : 'nghìn', 'triệu', 'tỷ'];
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) continue;
    const leading = i === groups.length - 1;
    words.push(hundreds(g, !leading, dialect));
    if (scales[i]) words.push(scales[i] as string);
  }
  return words.join(' ');
}

/** Digit by digit: phone numbers, long codes ("0912" không chín một hai). */
export function digitsWords(s: string): string {
  return [...s]
    .filter((c) => c >= '0' && c <= '9')
    .map((c) => digitWord(Number(c)))
    .join(' ');
}

/**
 * A written number: "1.500" (dot groups thousands), "2,5" (comma is the decimal mark),
 * "2.5" (a dot followed by one or two digits is read "chấm"). Fractions with a leading zero
 * or more than two digits are read digit by digit ("2,05" hai phẩy không năm).
 */
export function numberWords(written: string, dialect: Dialect = 'north'): string {
  const grouped = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(written);
  const [intPart, frac, mark] = grouped
    ? splitAt(written.replace(/\./g, ''), ',', 'phẩy')
    : written.includes(',')
      ? splitAt(written, ',', 'phẩy')
      : splitAt(written, '.', 'chấm');
  const head = integerWords(Number(intPart), dialect);
  if (frac === undefined) return head;
  const tail = /^[1-9]\d?$/.test(frac) ? integerWords(Number(frac), dialect) : digitsWords(frac);
  return `${head} ${mark} ${tail}`;
}

function splitAt(s: string, sep: string, word: string): [string, string | undefined, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined, word] : [s.slice(0, i), s.slice(i + 1), word];
}
