/**
 * Active alarms as a technician reads them in `status` and `watch`: by kind, from the alarm's
 * details (the daemon's own message is English, for logs and the district). A kind not in
 * this catalogue is shown as the daemon raised it.
 */
import type { Catalog } from '../core/i18n.js';

export const alarmMessages: Catalog = {
  'alarm.lines.open': {
    en: 'zone {zone}: line open',
    vi: 'vùng {zone}: đường dây loa bị HỞ (đứt hoặc tuột)',
  },
  'alarm.lines.short': {
    en: 'zone {zone}: line shorted',
    vi: 'vùng {zone}: đường dây loa bị CHẬP; vùng đã được tắt để bảo vệ tăng âm',
  },
  'alarm.lines.earth-fault': { en: 'zone {zone}: earth fault', vi: 'vùng {zone}: chạm đất' },
  'alarm.lines.degraded': {
    en: 'zone {zone}: line impedance off its baseline',
    vi: 'vùng {zone}: trở kháng đường dây lệch {deviationPct} % so với lúc lắp đặt',
  },
  'alarm.lines.sensor-fault': {
    en: 'zone {zone}: line sensor unreadable',
    vi: 'vùng {zone}: cảm biến đường dây không đọc được',
  },
  'alarm.tx.tripped': {
    en: 'transmitter tripped',
    vi: 'máy phát đã ngắt do công suất phản xạ cao ({reflectedW} W); sẽ tự bật lại',
  },
  'alarm.tx.lockout': {
    en: 'transmitter locked out',
    vi: 'máy phát BỊ KHÓA sau {trips} lần ngắt; kiểm tra ăng-ten rồi chạy stationctl reset-lockout',
  },
  'alarm.tx.overtemp': {
    en: 'transmitter over temperature',
    vi: 'máy phát quá nóng ({temperatureC} °C): đã tắt cho đến khi nguội',
  },
  'alarm.tx.sensor': { en: 'transmitter sensors', vi: 'không đọc được cảm biến máy phát' },
  'alarm.amp.overtemp': {
    en: 'amplifier over temperature',
    vi: 'tăng âm quá nóng ({temperatureC} °C): đã tắt tiếng và tắt nguồn cho đến khi nguội',
  },
  'alarm.mains.lost': { en: 'mains lost', vi: 'MẤT ĐIỆN LƯỚI: các đầu ra ở trạng thái an toàn' },
  'alarm.relay.stuck': {
    en: 'relay stuck',
    vi: 'rơ-le {output} không đóng/ngắt theo lệnh (tiếp điểm đọc ngược lại)',
  },
  'alarm.clock.unsynchronised': {
    en: 'clock unsynchronised',
    vi: 'đồng hồ CHƯA đồng bộ: chương trình theo lịch sẽ không phát (phát khẩn cấp vẫn hoạt động)',
  },
  'alarm.schedule.stale': {
    en: 'schedule stale',
    vi: 'lịch phát {version} đã quá hạn (vẫn đang được phát)',
  },
  'alarm.schedule.invalid': {
    en: 'schedule invalid',
    vi: 'lịch phát đã lưu không còn phù hợp với đài: không chương trình nào theo lịch được phát',
  },
  'alarm.schedule.media-missing': {
    en: 'media missing',
    vi: 'chương trình "{title}" lúc {startLocal} ({timezone}) thiếu tệp hoặc tệp hỏng: {missing}',
  },
  'alarm.schedule.unplayable': {
    en: 'programme cannot play',
    vi: 'chương trình {id} không phát được; đang phát dự phòng thay (hoặc giữ tắt nguồn nếu không có)',
  },
  'alarm.audio.output-silent': {
    en: 'output silent',
    vi: 'đầu ra im lặng trong khi loa đang bật',
  },
  'alarm.audio.no-source': {
    en: 'no source',
    vi: 'không có gì để phát: mọi nguồn âm thanh đều lỗi',
  },
  'alarm.audio.output-lost': {
    en: 'sound output lost',
    vi: 'mất đầu ra âm thanh {sink} (card âm thanh bị rút hoặc hỏng); đang thử lại',
  },
  'alarm.audio.source-failed': {
    en: 'source never played',
    vi: 'nguồn {url} không phát được sau {attempts} lần thử',
  },
  'alarm.modem.missing': { en: '4G modem not answering', vi: 'modem 4G không trả lời' },
  'alarm.modem.weak-signal': {
    en: 'weak 4G signal',
    vi: 'sóng 4G yếu: RSRP {rsrpDbm} dBm, dưới mức {thresholdDbm} dBm',
  },
  'alarm.modem.not-registered': {
    en: '4G modem not registered',
    vi: 'modem 4G chưa đăng ký được vào mạng di động',
  },
  'alarm.modem.data-budget': {
    en: 'SIM data budget',
    vi: 'đã dùng {pct} % dữ liệu SIM của tháng ({usedMb} / {planMb} MB)',
  },
  'alarm.modem.hung': {
    en: '4G modem without data',
    vi: 'modem 4G vẫn không có dữ liệu sau khi đã thử khôi phục; sẽ thử lại sau',
  },
  'alarm.speech.fallback': {
    en: 'natural voice not in use',
    vi: 'giọng đọc tự nhiên không dùng được; bản tin chữ đang được đọc bằng espeak-ng',
  },
  'alarm.hal.selftest': { en: 'self-test', vi: 'tự kiểm tra phần cứng phát hiện lỗi: {problems}' },
  'alarm.uplink.config': { en: 'uplink config', vi: 'kết nối về huyện bị tắt do lỗi cấu hình' },
  'alarm.live.mic-refused': {
    en: 'microphone {device} refused (it would hear the station output)',
    vi: 'micro {device} bị từ chối: thiết bị này thu lại chính âm thanh đài phát ra (hú); ghi thiết bị thu riêng của micro vào live.json mic.device (arecord -L liệt kê)',
  },
};
