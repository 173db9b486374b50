/** What `stationctl doctor` says about the 4G modem, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const modemDoctorMessages: Catalog = {
  'modem.q.good': { en: 'good', vi: 'tốt' },
  'modem.q.fair': { en: 'fair', vi: 'khá' },
  'modem.q.poor': { en: 'poor', vi: 'yếu' },
  'modem.q.none': { en: 'almost none', vi: 'gần như mất sóng' },
  'modem.q.unknown': { en: 'not reported', vi: 'không rõ' },
  'doc.modem.ok': {
    en: '4G: {op} {tech}, signal {quality} (RSRP {rsrp} dBm, SINR {sinr} dB).',
    vi: '4G: {op} {tech}, sóng {quality} (RSRP {rsrp} dBm, SINR {sinr} dB).',
  },
  'doc.modem.ok.next': { en: '-', vi: '-' },
  'doc.modem.weak': {
    en: '4G signal is weak: {op} {tech}, RSRP {rsrp} dBm ({quality}). Programmes may break up.',
    vi: 'Sóng 4G yếu: {op} {tech}, RSRP {rsrp} dBm ({quality}). Chương trình có thể bị ngắt quãng.',
  },
  'doc.modem.weak.next': {
    en: 'Check the modem antenna and its cable; mount it higher or outside the metal box, away from the amplifier.',
    vi: 'Kiểm tra ăng-ten và cáp ăng-ten của modem; đặt ăng-ten cao hơn hoặc ra ngoài hộp sắt, xa tăng âm.',
  },
  'doc.modem.missing': {
    en: 'The 4G modem does not answer ({error}). The cluster plays only what it has cached.',
    vi: 'Modem 4G không trả lời ({error}). Cụm loa chỉ phát được chương trình đã lưu sẵn.',
  },
  'doc.modem.missing.next': {
    en: 'Check the modem is plugged in and its light is on; Loa power-cycles it by itself through its relay. If it stays off: unplug and replug it.',
    vi: 'Kiểm tra modem đã cắm chắc và đèn đang sáng; Loa tự ngắt-cấp lại nguồn modem qua rơ-le. Nếu vẫn không được: rút ra cắm lại.',
  },
  'doc.modem.unregistered': {
    en: 'The 4G modem is not registered on a network ({reg}): no programmes can arrive.',
    vi: 'Modem 4G chưa đăng ký được vào mạng ({reg}): không nhận được chương trình.',
  },
  'doc.modem.unregistered.next': {
    en: 'Check the SIM card is seated and active (call the operator), and the antenna.',
    vi: 'Kiểm tra thẻ SIM đã cắm chắc và còn hoạt động (gọi nhà mạng), và ăng-ten.',
  },
  'doc.modem.recovering': {
    en: 'The 4G modem says it is connected but no data arrives: Loa is recovering it ({step}).',
    vi: 'Modem 4G báo đã kết nối nhưng không có dữ liệu: Loa đang khôi phục ({step}).',
  },
  'doc.modem.recovering.next': {
    en: 'Wait a few minutes, then run stationctl doctor again.',
    vi: 'Chờ vài phút rồi chạy lại stationctl doctor.',
  },
  'doc.modem.hung': {
    en: 'The 4G modem stays without data after reconnect, reset and power cycle ({cycles} power cycle(s) today).',
    vi: 'Modem 4G vẫn không có dữ liệu sau khi kết nối lại, khởi động lại và ngắt nguồn ({cycles} lần ngắt nguồn hôm nay).',
  },
  'doc.modem.hung.next': {
    en: 'Check the SIM has data left and is not blocked (call the operator); replace the modem if it still hangs.',
    vi: 'Kiểm tra SIM còn dung lượng và không bị khóa (gọi nhà mạng); thay modem nếu vẫn bị treo.',
  },
  'doc.modem.budget': {
    en: 'SIM data: {used} of {plan} MB used this month ({pct} %).',
    vi: 'Dữ liệu SIM: đã dùng {used}/{plan} MB trong tháng ({pct} %).',
  },
  'doc.modem.budget.next': {
    en: 'Tell the district: top up the SIM or move to a larger plan before it runs out.',
    vi: 'Báo lên huyện: nạp thêm dung lượng hoặc đổi gói lớn hơn trước khi hết.',
  },
};
