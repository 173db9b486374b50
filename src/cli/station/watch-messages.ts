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
  'w.amp': { en: 'Amplifier: {on} {muted}  {a} A', vi: 'Tăng âm: {on} {muted}  {a} A' },
  'w.muted': { en: '(muted)', vi: '(tắt tiếng)' },
  'w.on': { en: 'on', vi: 'bật' },
  'w.off': { en: 'off', vi: 'tắt' },
  'w.onair': { en: 'On air: {slot} {id} {using}', vi: 'Đang phát: {slot} {id} {using}' },
  'w.onair.none': { en: 'On air: (audio engine not running)', vi: 'Đang phát: (chưa chạy bộ phát âm thanh)' },
  'w.zones.head': {
    en: 'Zone                        relay  contact line',
    vi: 'Vùng                        rơ-le  tiếp-điểm dây',
  },
  'w.alarms': { en: 'Alarms: {n}', vi: 'Cảnh báo: {n}' },
  'w.footer': { en: 'q or Ctrl-C: quit', vi: 'q hoặc Ctrl-C: thoát' },
};
