/** Words of stationctl's field-operations commands, in English and Vietnamese. */
import type { Catalog } from '../core/i18n.js';

export const opsMessages: Catalog = {
  'ops.needYes': {
    en: 'this command clicks relays: add --yes to confirm',
    vi: 'lệnh này đóng/ngắt rơ-le: thêm --yes để xác nhận',
  },
  'ops.relays.confirm': {
    en: 'This switches every zone relay and the mute relay on and off (amplifier and transmitter stay off). Continue?',
    vi: 'Lệnh này sẽ bật rồi tắt từng rơ-le vùng và rơ-le tắt tiếng (tăng âm và máy phát vẫn tắt). Tiếp tục?',
  },
  'ops.relays.row': {
    en: 'contact when on: {on}, when off: {off}',
    vi: 'tiếp điểm khi bật: {on}, khi tắt: {off}',
  },
  'ops.logs.none': { en: 'No log lines match.', vi: 'Không có dòng nhật ký nào phù hợp.' },
  'ops.watch.down': {
    en: 'Station daemon unreachable ({msg}); retrying…  (q: quit)',
    vi: 'Không kết nối được dịch vụ đài ({msg}); đang thử lại…  (q: thoát)',
  },
};
