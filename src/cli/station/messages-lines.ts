/** stationctl's words for speaker line supervision, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const linesMessages: Catalog = {
  'lines.title': {
    en: 'Speaker lines: full check every {every} s (last {ago}), short check every {fast} ms',
    vi: 'Đường dây loa: kiểm tra đầy đủ mỗi {every} giây (lần cuối {ago}), kiểm tra chập mạch mỗi {fast} ms',
  },
  'lines.tone': {
    en: 'Test tone: {policy}; last {last}{blocked}',
    vi: 'Âm thử: {policy}; lần cuối {last}{blocked}',
  },
  'lines.tone.outside-programmes': { en: 'outside programmes only', vi: 'chỉ ngoài giờ phát' },
  'lines.tone.always': { en: 'at any time', vi: 'bất cứ lúc nào' },
  'lines.tone.never': { en: 'never', vi: 'không dùng' },
  'lines.tone.unavailable': { en: 'not fitted on this board', vi: 'bo mạch không có' },
  'lines.tone.blocked': { en: ' (not now: {why})', vi: ' (chưa phát: {why})' },
  'lines.never': { en: 'never', vi: 'chưa có' },
  'lines.ago': { en: '{s} s ago', vi: '{s} giây trước' },
  'lines.header': {
    en: 'Zone Name                 State            Z now     Baseline  Change   Earth      Output',
    vi: 'Vùng Tên                  Trạng thái       Z hiện tại Chuẩn    Thay đổi Cách điện  Tín hiệu',
  },
  'lines.state.ok': { en: 'ok', vi: 'tốt' },
  'lines.state.degraded': { en: 'DEGRADED', vi: 'SUY GIẢM' },
  'lines.state.open': { en: 'OPEN', vi: 'HỞ MẠCH' },
  'lines.state.short': { en: 'SHORT', vi: 'CHẬP MẠCH' },
  'lines.state.earth-fault': { en: 'EARTH FAULT', vi: 'CHẠM ĐẤT' },
  'lines.state.sensor-fault': { en: 'SENSOR FAULT', vi: 'LỖI CẢM BIẾN' },
  'lines.state.unknown': { en: 'not checked yet', vi: 'chưa kiểm tra' },
  'lines.output.present': { en: 'present', vi: 'có' },
  'lines.output.absent': { en: 'ABSENT', vi: 'MẤT' },
  'lines.output.off-air': { en: 'off air', vi: 'không phát' },
  'lines.isolated': { en: ' [isolated]', vi: ' [đã cách ly]' },
  'lines.detect.yes': {
    en: '     one missing speaker of {n} shows (+{pct} % > ±{tol} %)',
    vi: '     mất 1 trong {n} loa là thấy được (+{pct} % > ±{tol} %)',
  },
  'lines.detect.no': {
    en: '     one missing speaker of {n} does not show (+{pct} % ≤ ±{tol} %); {k} or more do',
    vi: '     mất 1 trong {n} loa không thấy được (+{pct} % ≤ ±{tol} %); từ {k} loa trở lên mới thấy',
  },
  'lines.trend': {
    en: '     trend over {h} h: impedance {pct} %/day, insulation {earth} kΩ/day',
    vi: '     xu hướng {h} giờ: trở kháng {pct} %/ngày, cách điện {earth} kΩ/ngày',
  },
  'lines.hint.degraded': {
    en: '     → impedance has moved: speakers missing or damaged, or water in the line; see lines history {id}',
    vi: '     → trở kháng đã thay đổi: mất hoặc hỏng loa, hoặc dây bị ngấm nước; xem lines history {id}',
  },
  'lines.hint.open': {
    en: '     → line broken: check the cable and joints; the zone stays switched as commanded',
    vi: '     → đứt dây: kiểm tra dây và các mối nối; vùng loa vẫn giữ theo lệnh',
  },
  'lines.hint.short': {
    en: '     → short circuit: zone isolated, other zones keep playing; find the short, it reconnects by itself',
    vi: '     → chập mạch: đã cách ly vùng này, các vùng khác vẫn phát; tìm chỗ chập, vùng sẽ tự nối lại',
  },
  'lines.hint.earth-fault': {
    en: '     → low insulation to earth: look for wet joints or damaged cable',
    vi: '     → cách điện với đất thấp: tìm mối nối bị ướt hoặc dây hỏng vỏ',
  },
  'lines.hint.sensor-fault': {
    en: '     → no usable reading: check the sense board and its wiring',
    vi: '     → không đọc được: kiểm tra bo đo và dây nối',
  },
  'lines.hint.uncalibrated': {
    en: '     → run "stationctl lines calibrate {id}" outside a programme',
    vi: '     → chạy "stationctl lines calibrate {id}" ngoài giờ phát',
  },
  'lines.checked': {
    en: 'Checked zone(s) {zones} ({method}).',
    vi: 'Đã kiểm tra vùng {zones} ({method}).',
  },
  'lines.method.tone': { en: 'under the test tone', vi: 'bằng âm thử' },
  'lines.method.passive': { en: 'passive reading', vi: 'đo thụ động' },
  'lines.calibrated': {
    en: 'Zone {zone}: baseline {ohm} Ω (expected {expected} Ω from the speakers), insulation {earth} kΩ, {method}.',
    vi: 'Vùng {zone}: giá trị chuẩn {ohm} Ω (theo loa lắp đặt: {expected} Ω), cách điện {earth} kΩ, {method}.',
  },
  'lines.history.title': {
    en: 'Zone {zone}: last {n} measurement(s)',
    vi: 'Vùng {zone}: {n} lần đo gần nhất',
  },
  'lines.history.none': { en: 'No measurements yet.', vi: 'Chưa có số đo.' },
  'lines.history.noTrend': {
    en: 'Trend: needs 12 h of readings.',
    vi: 'Xu hướng: cần 12 giờ số đo.',
  },
};
