/**
 * Vietnamese text normalisation before synthesis: what is written with digits, symbols and
 * abbreviations is rewritten as the words an announcer says, so the voice does not spell
 * "UBND" or read "05/12/2026" digit by digit. Order matters: abbreviations, then ranges,
 * dates and times (which contain digits), then numbers with their units, then numbers.
 */
import { type Dialect, digitsWords, integerWords, numberWords } from './numbers-vi.js';

/** Not a letter or digit before / after (Vietnamese letters are outside \b's ASCII classes). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Common abbreviations of commune and district notices (Decree 30/2020 administrative style). */
export const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['PCTT&TKCN', 'phòng chống thiên tai và tìm kiếm cứu nạn'],
  ['CHXHCN', 'cộng hòa xã hội chủ nghĩa'],
  ['UBND', 'ủy ban nhân dân'],
  ['HĐND', 'hội đồng nhân dân'],
  ['MTTQ', 'mặt trận tổ quốc'],
  ['KTTV', 'khí tượng thủy văn'],
  ['PCTT', 'phòng chống thiên tai'],
  ['TKCN', 'tìm kiếm cứu nạn'],
  ['BCH', 'ban chỉ huy'],
  ['HTX', 'hợp tác xã'],
  ['THCS', 'trung học cơ sở'],
  ['THPT', 'trung học phổ thông'],
  ['BHYT', 'bảo hiểm y tế'],
  ['BHXH', 'bảo hiểm xã hội'],
  ['CSGT', 'cảnh sát giao thông'],
  ['SĐT', 'số điện thoại'],
  ['TTYT', 'trung tâm y tế'],
  ['TW', 'trung ương'],
  ['QL', 'quốc lộ'],
  ['VN', 'Việt Nam'],
  ['TP.', 'thành phố'],
  ['TX.', 'thị xã'],
  ['TT.', 'thị trấn'],
  ['Đ/c', 'đồng chí'],
  ['đ/c', 'đồng chí'],
  ['v.v.', 'vân vân'],
];

/** Units read after a number; longest first so "km/h" wins over "km". */
export const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['km/h', 'ki lô mét một giờ'],
  ['m/s', 'mét một giây'],
  ['m³', 'mét khối'],
  ['m3', 'mét khối'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['°C', 'độ xê'],
  ['ºC', 'độ xê'],
  ['km', 'ki lô mét'],
  ['cm', 'xen ti mét'],
  ['mm', 'mi li mét'],
  ['kg', 'ki lô gam'],
  ['ha', 'héc ta'],
  ['%', 'phần trăm'],
  ['°', 'độ'],
  ['m', 'mét'],
];

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NUM = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?';

export interface NormaliseOptions {
  dialect?: Dialect;
}

export function normaliseVietnamese(text: string, o: NormaliseOptions = {}): string {
  const dialect = o.dialect ?? 'north';
  const n = (s: string) => integerWords(Number(s), dialect);
  let t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  t = abbreviations(t);
  t = t.replace(new RegExp(`${B}(\\d+)\\s*[-–—]\\s*(?=\\d)`, 'gu'), '$1 đến ');
  t = t.replace(
    new RegExp(`${B}(ngày\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?${E}`, 'giu'),
    (m, _d, d, mo, y) => dateWords(m, Number(d), Number(mo), y === undefined ? undefined : Number(y), n),
  );
  t = t.replace(new RegExp(`${B}tháng\\s+(\\d{1,2})/(\\d{4})${E}`, 'giu'), (_m, mo, y) =>
    Number(mo) >= 1 && Number(mo) <= 12 ? `tháng ${monthWord(Number(mo), n)} năm ${n(y)}` : _m,
  );
  t = t.replace(new RegExp(`${B}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?${E}`, 'gu'), (m, h, mi, s) =>
    timeWords(m, h, mi, s, n),
  );
  t = t.replace(new RegExp(`${B}(\\d{1,2})h(\\d{2})?${E}`, 'gu'), (m, h, mi) =>
    timeWords(m, h, mi ?? '00', undefined, n),
  );
  t = t.replace(new RegExp(`${B}thứ\\s+(\\d)${E}`, 'giu'), (m, d) => ordinal(m, Number(d), n));
  t = t.replace(new RegExp(`${B}0\\d{8,10}${E}`, 'gu'), (m) => digitsWords(m));
  t = t.replace(/(\p{L})-(?=\d)/gu, '$1 '); // "Covid-19"
  t = t.replace(/(^|[\s(])-(?=\d)/gu, '$1âm ');
  t = numbersWithUnits(t, dialect);
  t = t.replace(/&/g, ' và ').replace(/%/g, ' phần trăm');
  return t
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

function abbreviations(t: string): string {
  let out = t;
  for (const [abbr, words] of ABBREVIATIONS) {
    const end = abbr.endsWith('.') ? '' : '(?!\\p{L})'; // a digit may follow: QL1A
    out = out.replace(new RegExp(`${B}${reEscape(abbr)}${end}\\s*`, 'gu'), `${words} `);
  }
  return out;
}

function monthWord(m: number, n: (s: string) => string): string {
  return m === 4 ? 'tư' : n(String(m)); // "tháng tư", never "tháng bốn"
}

function dateWords(
  m: string,
  d: number,
  mo: number,
  y: number | undefined,
  n: (s: string) => string,
): string {
  if (d < 1 || d > 31 || mo < 1 || mo > 12) return m;
  const day = `ngày ${n(String(d))} tháng ${monthWord(mo, n)}`;
  return y === undefined ? day : `${day} năm ${n(String(y))}`;
}

function timeWords(
  m: string,
  h: string,
  mi: string,
  s: string | undefined,
  n: (s: string) => string,
): string {
  if (Number(h) > 24 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return m;
  const parts = [`${n(h)} giờ`];
  if (Number(mi) > 0 || (s !== undefined && Number(s) > 0)) parts.push(`${n(mi)} phút`);
  if (s !== undefined && Number(s) > 0) parts.push(`${n(s)} giây`);
  return parts.join(' ');
}

/** "thứ 2" thứ hai (Monday), "lần thứ 1" thứ nhất, "thứ 4" thứ tư. */
function ordinal(m: string, d: number, n: (s: string) => string): string {
  const word = d === 1 ? 'nhất' : d === 4 ? 'tư' : n(String(d));
  return `${m.slice(0, m.length - 1).trimEnd()} ${word}`;
}

const UNIT_RE = new RegExp(
  `${B}(${NUM})(?:\\s*(${UNITS.map(([u]) => reEscape(u)).join('|')})(?![\\p{L}\\p{N}]))?`,
  'gu',
);

function numbersWithUnits(t: string, dialect: Dialect): string {
  const units = new Map(UNITS);
  return t.replace(UNIT_RE, (m: string, num: string, unit: string | undefined, at: number, all: string) => {
    const words = numberWords(num, dialect);
    const gap = /\p{L}/u.test(all[at + m.length] ?? '') ? ' ' : ''; // "1A" một A
    return `${unit ? `${words} ${units.get(unit)}` : words}${gap}`;
  });
}
