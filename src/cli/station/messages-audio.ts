/** Words of stationctl's audio and media commands, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const audioMessages: Catalog = {
  'a.onair': { en: 'On air: {what}', vi: 'Đang phát: {what}' },
  'a.silence': { en: 'silence (nothing playable)', vi: 'im lặng (không có nguồn phát được)' },
  'a.master': { en: 'master gain {pct} %', vi: 'âm lượng tổng {pct} %' },
  'a.output': {
    en: 'Output: peak {peak} dBFS, RMS {rms} dBFS — sink {sink} {state}',
    vi: 'Đầu ra: đỉnh {peak} dBFS, RMS {rms} dBFS — thiết bị {sink} {state}',
  },
  'a.sources': { en: 'Sources:', vi: 'Các nguồn:' },
  'a.noSources': { en: '  (none requested)', vi: '  (chưa có yêu cầu phát)' },
  'a.source': {
    en: '  {slot} {id} {role} {kind}: {health}, buffer {buf} ms, peak {peak} dBFS, RMS {rms} dBFS{extra}',
    vi: '  {slot} {id} {role} {kind}: {health}, bộ đệm {buf} ms, đỉnh {peak} dBFS, RMS {rms} dBFS{extra}',
  },
  'a.ok': { en: 'ok', vi: 'tốt' },
  'a.bad': { en: 'UNHEALTHY ({reason})', vi: 'HỎNG ({reason})' },
  'a.monitor': { en: 'Listen in a browser: {url}', vi: 'Nghe kiểm tra bằng trình duyệt: {url}' },
  'a.fine': { en: 'ok', vi: 'tốt' },
  'a.failed': { en: 'FAILED', vi: 'LỖI' },
  'a.played': {
    en: 'Playing {id} in the {slot} slot.{zones}',
    vi: 'Đang phát {id} ở mức ưu tiên {slot}.{zones}',
  },
  'a.neverPlayed': {
    en: ' — NEVER PLAYED: {cause} ({error})',
    vi: ' — CHƯA TỪNG PHÁT ĐƯỢC: {cause} ({error})',
  },
  'a.slow': {
    en: ' — SLOW LINK: receiving {rate}× real time ({kbps} kbit/s)',
    vi: ' — ĐƯỜNG TRUYỀN CHẬM: nhận {rate}× tốc độ phát ({kbps} kbit/s)',
  },
  'a.failing': {
    en: 'NOT PLAYING {id}: the source fails — {cause} ({error}). The fallback stays on air and Loa keeps retrying; check the stream address and the 4G link.{zones}',
    vi: 'CHƯA PHÁT ĐƯỢC {id}: nguồn bị lỗi — {cause} ({error}). Vẫn phát nguồn dự phòng và Loa tiếp tục thử lại; kiểm tra địa chỉ luồng và kết nối 4G.{zones}',
  },
  'a.waiting': {
    en: 'Requested {id} in the {slot} slot, not on air yet (the source is {reason}); Loa keeps trying — see "stationctl audio status".{zones}',
    vi: 'Đã yêu cầu phát {id} ở mức ưu tiên {slot}, chưa lên sóng (nguồn đang {reason}); Loa vẫn tiếp tục thử — xem "stationctl audio status".{zones}',
  },
  'c.refused': { en: 'connection refused', vi: 'máy chủ từ chối kết nối' },
  'c.dns': { en: 'host name not found', vi: 'không tìm thấy tên máy chủ' },
  'c.http-status': { en: 'the server refused the request', vi: 'máy chủ từ chối yêu cầu' },
  'c.not-http': { en: 'the answer is not HTTP', vi: 'câu trả lời không phải HTTP' },
  'c.not-audio': { en: 'what arrives is not audio', vi: 'dữ liệu nhận được không phải âm thanh' },
  'c.timeout': { en: 'no answer (timeout)', vi: 'không có phản hồi (hết thời gian chờ)' },
  'c.other': { en: 'cannot connect', vi: 'không kết nối được' },
  'a.zonesOn': { en: ' Zones on: {zones}.', vi: ' Đã bật vùng: {zones}.' },
  'a.powerOff': {
    en: '\nThe power chain is off: run "stationctl power on" to hear it in the loudspeakers.',
    vi: '\nChuỗi nguồn đang tắt: chạy "stationctl power on" để nghe trên loa.',
  },
  'a.stopped': { en: 'Stopped {id} ({slot}).', vi: 'Đã dừng {id} ({slot}).' },
  'a.nothing': { en: 'Nothing was playing in the {slot} slot.', vi: 'Mức {slot} không có gì đang phát.' },
  'a.slot.programme': { en: 'programme', vi: 'chương trình' },
  'a.slot.emergency': { en: 'emergency', vi: 'khẩn cấp' },
  'a.slot.fallback': { en: 'fallback', vi: 'dự phòng' },
  'a.role.source': { en: 'source', vi: 'nguồn chính' },
  'a.role.fallback': { en: 'fallback', vi: 'nguồn dự phòng' },
  'f.title': { en: 'Fallback playlist ({n}){shuffle}:', vi: 'Danh sách phát dự phòng ({n}){shuffle}:' },
  'f.shuffle': { en: ', shuffled', vi: ', trộn ngẫu nhiên' },
  'f.empty': {
    en: 'The fallback playlist is empty: when the live relay fails the station falls silent. Add files with "stationctl fallback add FILE".',
    vi: 'Danh sách dự phòng trống: khi mất tiếp sóng đài sẽ im lặng. Thêm tệp bằng "stationctl fallback add TỆP".',
  },
  'm.title': {
    en: 'Media cache: {n} files, {used} of {quota} MB',
    vi: 'Kho âm thanh: {n} tệp, {used} / {quota} MB',
  },
  'm.row': { en: '  {sha} {name} {size} KiB{dur}{pin}', vi: '  {sha} {name} {size} KiB{dur}{pin}' },
  'm.pinned': { en: ' (needed)', vi: ' (đang cần)' },
  'm.added': { en: 'Added {n} file(s).', vi: 'Đã thêm {n} tệp.' },
  'm.skipped': { en: 'Not added: {file}: {why}', vi: 'Không thêm được: {file}: {why}' },
  'm.verified': { en: '{n} file(s) checked, {bad} failed.', vi: 'Đã kiểm tra {n} tệp, {bad} tệp lỗi.' },
  'm.bad': {
    en: '  {sha} {name}: {problem} (moved to quarantine, will not be aired)',
    vi: '  {sha} {name}: {problem} (đã cách ly, sẽ không phát)',
  },
};
