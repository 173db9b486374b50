/**
 * Vietnamese normalisation: what is written with digits, symbols and abbreviations becomes
 * the words an announcer says. Each row: the input and its expected reading.
 */
import { describe, expect, it } from 'vitest';
import { normaliseVietnamese } from '../../src/speech/normalize-vi.js';
import { integerWords, numberWords } from '../../src/speech/numbers-vi.js';

const NUMBERS: Array<[number, string]> = [
  [0, 'không'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [55, 'năm mươi lăm'],
  [100, 'một trăm'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [115, 'một trăm mười lăm'],
  [1000, 'một nghìn'],
  [1005, 'một nghìn không trăm linh năm'],
  [2026, 'hai nghìn không trăm hai mươi sáu'],
  [15_000, 'mười lăm nghìn'],
  [1_200_000, 'một triệu hai trăm nghìn'],
  [2_000_000_000, 'hai tỷ'],
];

const TEXTS: Array<[string, string]> = [
  // dates
  ['ngày 05/12/2026', 'ngày năm tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
  ['họp 05/12/2026.', 'họp ngày năm tháng mười hai năm hai nghìn không trăm hai mươi sáu.'],
  ['ngày 6/4', 'ngày sáu tháng tư'],
  ['tháng 12/2026', 'tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
  ['32/13', 'ba mươi hai/mười ba'], // not a date: read as numbers
  // times
  ['lúc 05:30', 'lúc năm giờ ba mươi phút'],
  ['lúc 17:00', 'lúc mười bảy giờ'],
  ['17 giờ', 'mười bảy giờ'],
  ['17h30', 'mười bảy giờ ba mươi phút'],
  ['7h sáng', 'bảy giờ sáng'],
  ['05:30:15', 'năm giờ ba mươi phút mười lăm giây'],
  // ranges
  ['từ 17:00-18:00', 'từ mười bảy giờ đến mười tám giờ'],
  ['mưa 20-50mm', 'mưa hai mươi đến năm mươi mi li mét'],
  ['17–19°C', 'mười bảy đến mười chín độ xê'],
  // units and numbers
  ['cách 250 km', 'cách hai trăm năm mươi ki lô mét'],
  ['gió 120 km/h', 'gió một trăm hai mươi ki lô mét một giờ'],
  ['độ ẩm 85%', 'độ ẩm tám mươi lăm phần trăm'],
  ['nhiệt độ -3°C', 'nhiệt độ âm ba độ xê'],
  ['2,5 ha', 'hai phẩy năm héc ta'],
  ['1.500 người', 'một nghìn năm trăm người'],
  ['37,05 độ', 'ba mươi bảy phẩy không năm độ'],
  ['mực nước 3 m', 'mực nước ba mét'],
  ['3 mẫu', 'ba mẫu'], // "m" only as a whole unit
  // abbreviations
  ['UBND xã', 'ủy ban nhân dân xã'],
  ['TP. Huế', 'thành phố Huế'],
  ['HTX Tân Phú', 'hợp tác xã Tân Phú'],
  ['BCH PCTT&TKCN huyện', 'ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện'],
  ['QL1A', 'quốc lộ một A'],
  ['Đ/c Lan', 'đồng chí Lan'],
  // ordinals, phone numbers, words with digits
  ['thứ 2 và thứ 4', 'thứ hai và thứ tư'],
  ['lần thứ 1', 'lần thứ nhất'],
  ['gọi 0912345678', 'gọi không chín một hai ba bốn năm sáu bảy tám'],
  ['Covid-19', 'Covid mười chín'],
  // text with nothing to change is kept (NFC, spaces collapsed)
  ['Bà con   chú ý!', 'Bà con chú ý!'],
];

describe('Vietnamese numbers', () => {
  it.each(NUMBERS)('%i → %s', (n, words) => expect(integerWords(n)).toBe(words));

  it('reads decimals with phẩy, a dotted decimal with chấm', () => {
    expect(numberWords('2,5')).toBe('hai phẩy năm');
    expect(numberWords('2.5')).toBe('hai chấm năm');
    expect(numberWords('1.000.000')).toBe('một triệu');
  });

  it('the southern accent says ngàn and lẻ', () => {
    expect(integerWords(1005, 'south')).toBe('một ngàn không trăm lẻ năm');
  });
});

describe('normaliseVietnamese', () => {
  it.each(TEXTS)('%s', (input, reading) => expect(normaliseVietnamese(input)).toBe(reading));

  it('a whole notice', () => {
    expect(
      normaliseVietnamese('UBND xã thông báo: 7h30 ngày 05/12/2026 tiêm vắc xin tại TTYT, mang thẻ BHYT.'),
    ).toBe(
      'ủy ban nhân dân xã thông báo: bảy giờ ba mươi phút ngày năm tháng mười hai năm hai nghìn không trăm hai mươi sáu tiêm vắc xin tại trung tâm y tế, mang thẻ bảo hiểm y tế.',
    );
  });
});
