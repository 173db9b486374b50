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
  'a.zonesOn': { en: ' Zones on: {zones}.', vi: ' Đã bật vùng: {zones}.' },
  'a.powerOff': {
    en: '\nThe power chain is off: run "stationctl power on" to hear it in the loudspeakers.',
    vi: '\nChuỗi nguồn đang tắt: chạy "stationctl power on" để nghe trên loa.',
  },
  'a.stopped': { en: 'Stopped {id} ({slot}).', vi: 'Đã dừng {id} ({slot}).' },
  'a.nothing': { en: 'Nothing was playing in the {slot} slot.', vi: 'Mức {slot} không có gì đang phát.' },
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
