/**
 * The daemon's refusal reasons in Vietnamese. The daemon answers in English (its logs, the
 * district and scripts read the same words); stationctl translates the reasons a technician
 * meets most, and the common words of validation messages (field, what is allowed, what was
 * given), so "Bị từ chối:" is followed by Vietnamese. A reason not known here is shown as sent.
 */
import type { Lang } from '../../core/i18n.js';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const STATE: Record<string, string> = {
  on: 'bật',
  off: 'tắt',
  'powering-up': 'đang khởi động',
  'powering-down': 'đang tắt',
};

const RULES: Rule[] = [
  [
    /^power chain is (\S+); run stationctl power off first \(a programme may be on air\)$/,
    (m) =>
      `chuỗi nguồn đang ${STATE[m[1] ?? ''] ?? m[1]}; hãy chạy stationctl power off trước (có thể đang phát chương trình)`,
  ],
  [/^power on refused: mains lost$/, () => 'không bật được nguồn: đang mất điện lưới'],
  [/^power on refused: amplifier over temperature$/, () => 'không bật được nguồn: tăng âm đang quá nóng'],
  [
    /^this command switches equipment: add --yes to confirm$/,
    () => 'lệnh này đóng/ngắt thiết bị: thêm --yes để xác nhận',
  ],
  [/^schedule rejected: (.*)$/s, (m) => `lịch phát bị từ chối: ${words(m[1] ?? '')}`],
  [/^(.*): no such file$/, (m) => `${m[1]}: không có tệp này`],
  [/^(.*): no such file or folder$/, (m) => `${m[1]}: không có tệp hoặc thư mục này`],
];

/** The common words of validation messages: field, allowed values, what was given. */
const WORDS: Array<[RegExp, string]> = [
  [/\(got nothing\)/g, '(không có giá trị)'],
  [/\(got /g, '(nhận được '],
  [/\ballowed\b/g, 'cho phép'],
  [/\bprogramme "/g, 'chương trình "'],
  [/\ba local time\b/g, 'giờ địa phương'],
  [/\bor\b/g, 'hoặc'],
  [/\bunknown key\(s\)/g, 'khóa không hợp lệ'],
  [/\bis used twice\b/g, 'bị dùng hai lần'],
  [/\bsuch as\b/g, 'ví dụ'],
  [/\ba list of zone numbers\b/g, 'danh sách số vùng'],
  [/\band (\d+) more\b/g, 'và $1 lỗi khác'],
];

function words(s: string): string {
  return WORDS.reduce((acc, [re, to]) => acc.replace(re, to), s);
}

export function refusal(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(m);
  }
  return words(message);
}
