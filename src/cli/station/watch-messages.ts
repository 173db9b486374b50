/** `stationctl watch` words, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const watchMessages: Catalog = {
  'w.title': {
    en: 'Loa — station {id}                                       {time}',
    vi: 'Loa — đài {id}                                           {time}',
  },
  'w.power': {
    en: 'Power chain: {state}    Mains: {mains}',
    vi: 'Chuỗi nguồn: {state}    Điện lưới: {mains}',
  },
  'w.mains.ok': { en: 'present', vi: 'có' },
  'w.mains.lost': { en: 'LOST', vi: 'MẤT' },
  'w.tx': {
    en: 'Transmitter: {state}  fwd {fwd} W  refl {refl} W  {temp} °C',
    vi: 'Máy phát: {state}  ra {fwd} W  phản xạ {refl} W  {temp} °C',
  },
  'w.modem': {
    en: '4G: {tech}  RSRP {rsrp} dBm  data {data}',
    vi: '4G: {tech}  RSRP {rsrp} dBm  dữ liệu {data}',
  },
  'w.modem.none': { en: '4G: (modem not supervised)', vi: '4G: (chưa giám sát modem)' },
  'w.amp': { en: 'Amplifier: {on} {muted}  {a} A{temp}', vi: 'Tăng âm: {on} {muted}  {a} A{temp}' },
  'w.ampHot': { en: 'TOO HOT', vi: 'QUÁ NÓNG' },
  'w.muted': { en: '(muted)', vi: '(tắt tiếng)' },
  'w.on': { en: 'on', vi: 'bật' },
  'w.off': { en: 'off', vi: 'tắt' },
  'w.onair': { en: 'On air: {slot} {id} {using}', vi: 'Đang phát: {slot} {id} {using}' },
  'w.onair.none': { en: 'On air: (audio engine not running)', vi: 'Đang phát: (chưa chạy bộ phát âm thanh)' },
  'w.zones.head': {
    en: 'Zone                        relay  contact line',
    vi: 'Vùng                        rơ-le  tiếp-điểm dây',
  },
  'w.alarms': { en: 'Alarms: {n}', vi: 'Báo động: {n}' },
  // state words: the chain and the transmitter, what is on air, each line
  'w.state.off': { en: 'off', vi: 'tắt' },
  'w.state.on': { en: 'on', vi: 'bật' },
  'w.state.powering-up': { en: 'powering up', vi: 'đang khởi động' },
  'w.state.powering-down': { en: 'powering down', vi: 'đang tắt' },
  'w.state.tripped': { en: 'TRIPPED', vi: 'ĐÃ NGẮT' },
  'w.state.overtemp': { en: 'OVER TEMP', vi: 'QUÁ NHIỆT' },
  'w.state.lockout': { en: 'LOCKED OUT', vi: 'BỊ KHÓA' },
  'w.state.absent': { en: 'not fitted', vi: 'không lắp' },
  'w.slot.emergency': { en: 'emergency', vi: 'khẩn cấp' },
  'w.slot.programme': { en: 'programme', vi: 'chương trình' },
  'w.slot.fallback': { en: 'fallback', vi: 'dự phòng' },
  'w.slot.silence': { en: 'silence', vi: 'im lặng' },
  'w.using.source': { en: '', vi: '' },
  'w.using.fallback': { en: '(its fallback)', vi: '(nguồn dự phòng)' },
  'w.line.ok': { en: 'ok', vi: 'tốt' },
  'w.line.degraded': { en: 'degraded', vi: 'suy giảm' },
  'w.line.open': { en: 'OPEN', vi: 'HỞ' },
  'w.line.short': { en: 'SHORT', vi: 'CHẬP' },
  'w.line.earth-fault': { en: 'EARTH', vi: 'CHẠM ĐẤT' },
  'w.line.sensor-fault': { en: 'sensor?', vi: 'lỗi cảm biến' },
  'w.line.unknown': { en: '-', vi: '-' },
  'w.footer': { en: 'q or Ctrl-C: quit', vi: 'q hoặc Ctrl-C: thoát' },
};
