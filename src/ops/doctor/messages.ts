/**
 * What `stationctl doctor` says, in English and Vietnamese: for each finding what it means
 * (`key`) and the next step (`key.next`). Written for a part-time technician, not an engineer.
 */
import type { Catalog } from '../../core/i18n.js';
import { modemDoctorMessages } from './messages-modem.js';

export const doctorMessages: Catalog = {
  'doc.title': { en: 'Loa doctor — station {id}', vi: 'Kiểm tra đài Loa — đài {id}' },
  'doc.summary.ok': { en: 'All good.', vi: 'Mọi thứ đều tốt.' },
  'doc.summary.warn': {
    en: '{n} warning(s). The station works; see above.',
    vi: '{n} cảnh báo. Đài vẫn hoạt động; xem ở trên.',
  },
  'doc.summary.fault': {
    en: '{n} fault(s). Fix them in the order shown.',
    vi: '{n} lỗi. Hãy xử lý theo thứ tự ở trên.',
  },
  'doc.next': { en: 'next', vi: 'làm gì' },
  'word.on': { en: 'on', vi: 'bật' },
  'word.off': { en: 'off', vi: 'tắt' },

  'doc.daemon.down': {
    en: 'The Loa service is not running or not answering ({msg}).',
    vi: 'Dịch vụ Loa không chạy hoặc không trả lời ({msg}).',
  },
  'doc.daemon.down.next': {
    en: 'Run: sudo systemctl restart loa-station, wait 10 s, then run stationctl doctor again. If it fails again: journalctl -u loa-station -n 50',
    vi: 'Chạy: sudo systemctl restart loa-station, chờ 10 giây rồi chạy lại stationctl doctor. Nếu vẫn lỗi: journalctl -u loa-station -n 50',
  },
  'doc.daemon.ok': {
    en: 'The Loa service is running (up {uptime}).',
    vi: 'Dịch vụ Loa đang chạy (đã chạy {uptime}).',
  },
  'doc.daemon.ok.next': { en: '-', vi: '-' },

  'doc.driver.ok': {
    en: 'Hardware "{driver}" ({kind}) answers.',
    vi: 'Phần cứng "{driver}" ({kind}) trả lời bình thường.',
  },
  'doc.driver.ok.next': { en: '-', vi: '-' },
  'doc.driver.bad': {
    en: 'Hardware "{driver}" is not working: {detail}.',
    vi: 'Phần cứng "{driver}" không hoạt động: {detail}.',
  },
  'doc.driver.bad.next': {
    en: 'Check its USB/serial cable and power; Loa reconnects by itself when it comes back.',
    vi: 'Kiểm tra cáp USB/cáp tín hiệu và nguồn của nó; Loa tự kết nối lại khi thiết bị hoạt động trở lại.',
  },

  'doc.relays.ok': {
    en: 'Every relay contact matches its command.',
    vi: 'Tất cả rơ-le đều đóng/ngắt đúng lệnh.',
  },
  'doc.relays.ok.next': { en: '-', vi: '-' },
  'doc.amp.relay': {
    en: 'Amplifier relay commanded {commanded} but its contact reads {contact}.',
    vi: 'Rơ-le tăng âm được lệnh {commanded} nhưng tiếp điểm đang {contact}.',
  },
  'doc.amp.relay.next': {
    en: 'Check the relay board LED and the amplifier power cable; replace the relay if it is stuck.',
    vi: 'Xem đèn trên bo rơ-le và dây nguồn tăng âm; thay rơ-le nếu bị dính.',
  },
  'doc.zone.relay': {
    en: 'Zone {zone} ({name}) relay commanded {commanded} but its contact reads {contact}.',
    vi: 'Rơ-le vùng {zone} ({name}) được lệnh {commanded} nhưng tiếp điểm đang {contact}.',
  },
  'doc.zone.relay.next': {
    en: 'Check that zone relay on the relay board; run stationctl test relays to click each one.',
    vi: 'Kiểm tra rơ-le của vùng đó trên bo rơ-le; chạy stationctl test relays để thử từng cái.',
  },

  'doc.amp.current': {
    en: 'Amplifier is {state}, drawing {a} A.',
    vi: 'Tăng âm đang {state}, dòng tiêu thụ {a} A.',
  },
  'doc.amp.current.next': { en: '-', vi: '-' },
  'doc.amp.nocurrent': {
    en: 'Amplifier is switched on but draws no current ({a} A).',
    vi: 'Tăng âm đã bật nhưng không có dòng điện ({a} A).',
  },
  'doc.amp.nocurrent.next': {
    en: 'Check the amplifier fuse, its power switch and the mains socket behind the rack.',
    vi: 'Kiểm tra cầu chì tăng âm, công tắc nguồn và ổ điện phía sau tủ máy.',
  },
  'doc.amp.overcurrent': {
    en: 'Amplifier draws {a} A: far too much, a speaker line may be shorted.',
    vi: 'Tăng âm tiêu thụ {a} A: quá lớn, có thể một đường dây loa bị chập.',
  },
  'doc.amp.overcurrent.next': {
    en: 'Run stationctl lines status; switch off the zone reported short and inspect its line.',
    vi: 'Chạy stationctl lines status; tắt vùng bị báo chập và kiểm tra đường dây đó.',
  },

  'doc.tx.ok': {
    en: 'Transmitter {state}: forward {fwd} W, reflected {refl} W, {temp} °C.',
    vi: 'Máy phát {state}: công suất ra {fwd} W, phản xạ {refl} W, {temp} °C.',
  },
  'doc.tx.ok.next': { en: '-', vi: '-' },
  'doc.tx.recenttrips': {
    en: 'Transmitter works but tripped {trips} time(s) recently (reflected power).',
    vi: 'Máy phát vẫn chạy nhưng gần đây đã ngắt {trips} lần (công suất phản xạ cao).',
  },
  'doc.tx.recenttrips.next': {
    en: 'Check the antenna cable and connectors for water or looseness before it locks out.',
    vi: 'Kiểm tra cáp và đầu nối ăng-ten (nước, lỏng) trước khi máy phát bị khóa.',
  },
  'doc.tx.tripped': {
    en: 'Transmitter tripped on high reflected power; it re-arms by itself.',
    vi: 'Máy phát vừa ngắt do công suất phản xạ cao; sẽ tự bật lại.',
  },
  'doc.tx.tripped.next': {
    en: 'Check the antenna cable and connectors; after 3 trips in 10 minutes it locks out.',
    vi: 'Kiểm tra cáp và đầu nối ăng-ten; nếu ngắt 3 lần trong 10 phút máy phát sẽ bị khóa.',
  },
  'doc.tx.lockout': {
    en: 'Transmitter LOCKED OUT after {trips} trips on reflected power: FM is off air.',
    vi: 'Máy phát BỊ KHÓA sau {trips} lần ngắt do phản xạ: đài FM đang mất sóng.',
  },
  'doc.tx.lockout.next': {
    en: 'Inspect the antenna, its cable and connectors (water, breakage). When fixed: stationctl reset-lockout',
    vi: 'Kiểm tra ăng-ten, cáp và đầu nối (nước, đứt, gãy). Sửa xong chạy: stationctl reset-lockout',
  },
  'doc.tx.overtemp': {
    en: 'Transmitter off: too hot ({temp} °C).',
    vi: 'Máy phát đã tắt: quá nóng ({temp} °C).',
  },
  'doc.tx.overtemp.next': {
    en: 'Check its fan and the ventilation of the rack; it restarts by itself when cool.',
    vi: 'Kiểm tra quạt và thông gió tủ máy; máy phát tự bật lại khi đã nguội.',
  },

  'doc.mains.ok': { en: 'Mains power present.', vi: 'Có điện lưới.' },
  'doc.mains.ok.next': { en: '-', vi: '-' },
  'doc.mains.lost': {
    en: 'Mains power is LOST: amplifiers and transmitter are off.',
    vi: 'MẤT ĐIỆN LƯỚI: tăng âm và máy phát đang tắt.',
  },
  'doc.mains.lost.next': {
    en: 'Check the breaker and the supply to the rack; Loa restores the programme when power returns.',
    vi: 'Kiểm tra aptomat và nguồn cấp cho tủ máy; Loa tự phát lại khi có điện.',
  },

  'doc.alarm': { en: 'Alarm {key}: {message}', vi: 'Cảnh báo {key}: {message}' },
  'doc.alarm.next': {
    en: 'See stationctl events --kind {key} for when it started.',
    vi: 'Xem stationctl events --kind {key} để biết bắt đầu từ khi nào.',
  },

  'doc.ffmpeg.ok': { en: 'ffmpeg {version} is installed.', vi: 'Đã cài ffmpeg {version}.' },
  'doc.ffmpeg.ok.next': { en: '-', vi: '-' },
  'doc.ffmpeg.missing': {
    en: 'ffmpeg is missing: no programme can be played.',
    vi: 'Thiếu ffmpeg: không phát được chương trình nào.',
  },
  'doc.ffmpeg.missing.next': {
    en: 'Run: sudo apt-get install -y ffmpeg',
    vi: 'Chạy: sudo apt-get install -y ffmpeg',
  },

  'doc.disk.ok': { en: '{mb} MB free for {dir}.', vi: 'Còn trống {mb} MB cho {dir}.' },
  'doc.disk.ok.next': { en: '-', vi: '-' },
  'doc.disk.low': { en: 'Only {mb} MB free for {dir}.', vi: 'Chỉ còn {mb} MB trống cho {dir}.' },
  'doc.disk.low.next': {
    en: 'Old on-air recordings are removed automatically; remove other large files or use a bigger SD card.',
    vi: 'Bản ghi phát sóng cũ được tự xóa; hãy xóa các tệp lớn khác hoặc thay thẻ nhớ lớn hơn.',
  },
  'doc.disk.full': {
    en: 'Disk almost full: {mb} MB free for {dir}.',
    vi: 'Thẻ nhớ gần đầy: còn {mb} MB cho {dir}.',
  },
  'doc.disk.full.next': {
    en: 'Free space now (sudo du -sh /var/lib/loa/* to see what is large) or replace the SD card.',
    vi: 'Giải phóng dung lượng ngay (sudo du -sh /var/lib/loa/* để xem thư mục lớn) hoặc thay thẻ nhớ.',
  },
  'doc.disk.unknown': {
    en: 'Cannot read free space for {dir}.',
    vi: 'Không đọc được dung lượng trống của {dir}.',
  },
  'doc.disk.unknown.next': {
    en: 'Check that the directory exists: ls -ld {dir}',
    vi: 'Kiểm tra thư mục có tồn tại: ls -ld {dir}',
  },

  'doc.clock.ok': { en: 'Clock synchronised (NTP).', vi: 'Đồng hồ đã đồng bộ (NTP).' },
  'doc.clock.ok.next': { en: '-', vi: '-' },
  'doc.clock.unsync': {
    en: 'Clock NOT synchronised: scheduled programmes will not start (emergency still works).',
    vi: 'Đồng hồ CHƯA đồng bộ: chương trình theo lịch sẽ không phát (phát khẩn cấp vẫn hoạt động).',
  },
  'doc.clock.unsync.next': {
    en: 'Check the 4G/Internet link (ping 1.1.1.1); time syncs by itself once the link works.',
    vi: 'Kiểm tra kết nối 4G/Internet (ping 1.1.1.1); giờ sẽ tự đồng bộ khi có mạng.',
  },
  'doc.clock.unknown': {
    en: 'Cannot tell whether the clock is synchronised (timedatectl did not answer).',
    vi: 'Không biết đồng hồ đã đồng bộ chưa (timedatectl không trả lời).',
  },
  'doc.clock.unknown.next': {
    en: 'On the station box run: timedatectl',
    vi: 'Trên máy của đài chạy: timedatectl',
  },
  'doc.lines.ok': { en: 'All {n} speaker lines are ok.', vi: 'Cả {n} đường dây loa đều tốt.' },
  'doc.lines.ok.next': { en: '-', vi: '-' },
  'doc.line.open': {
    en: 'Zone {zone} ({name}): speaker line OPEN (cut or disconnected).',
    vi: 'Vùng {zone} ({name}): đường dây loa bị HỞ (đứt hoặc tuột).',
  },
  'doc.line.open.next': {
    en: 'Walk the line from the station: look for a cut wire, a loose joint or a stolen speaker. After a repair, stationctl test tone {zone} lets you hear that zone alone.',
    vi: 'Đi dọc đường dây từ đài: tìm chỗ đứt, mối nối lỏng hoặc loa bị mất trộm. Sửa xong, chạy stationctl test tone {zone} để nghe riêng vùng đó.',
  },
  'doc.line.short': {
    en: 'Zone {zone} ({name}): speaker line SHORTED; Loa has switched that zone off to protect the amplifier.',
    vi: 'Vùng {zone} ({name}): đường dây loa bị CHẬP; Loa đã tắt vùng này để bảo vệ tăng âm.',
  },
  'doc.line.short.next': {
    en: 'Find the short (wires touching, water in a junction box); the zone comes back by itself once the line is healthy.',
    vi: 'Tìm chỗ chập (hai dây chạm nhau, nước vào hộp nối); vùng sẽ tự bật lại khi đường dây tốt.',
  },
  'doc.line.earth': {
    en: 'Zone {zone} ({name}): earth fault (insulation below 50 kΩ).',
    vi: 'Vùng {zone} ({name}): chạm đất (cách điện dưới 50 kΩ).',
  },
  'doc.line.earth.next': {
    en: 'Look for wet or damaged insulation and water in junction boxes, often after rain.',
    vi: 'Tìm chỗ vỏ dây bị ướt hoặc hỏng, nước trong hộp nối, thường sau mưa.',
  },
  'doc.line.sensor': {
    en: 'Zone {zone} ({name}): the line sensor gives no usable reading.',
    vi: 'Vùng {zone} ({name}): cảm biến đường dây không đọc được.',
  },
  'doc.line.sensor.next': {
    en: 'Check the sense wiring to the board for that zone.',
    vi: 'Kiểm tra dây cảm biến của vùng đó nối vào bo mạch.',
  },
  'doc.line.degraded': {
    en: 'Zone {zone} ({name}): line impedance {pct} % off its baseline (speakers missing or water ingress).',
    vi: 'Vùng {zone} ({name}): trở kháng đường dây lệch {pct} % so với lúc lắp đặt (mất loa hoặc ngấm nước).',
  },
  'doc.line.degraded.next': {
    en: 'Check the speakers on that line (stationctl test tone {zone} plays a tone on it alone); see stationctl lines history {zone} for the trend.',
    vi: 'Kiểm tra các loa trên đường dây đó (stationctl test tone {zone} phát âm thử riêng trên vùng đó); xem xu hướng bằng stationctl lines history {zone}.',
  },
  'doc.line.uncalibrated': {
    en: 'Zone {zone} ({name}) has no commissioning baseline: small faults cannot be seen.',
    vi: 'Vùng {zone} ({name}) chưa đo chuẩn khi lắp đặt: không phát hiện được lỗi nhỏ.',
  },
  'doc.line.uncalibrated.next': {
    en: 'With the line known good and no programme on air: stationctl lines calibrate {zone}',
    vi: 'Khi đường dây tốt và không có chương trình: stationctl lines calibrate {zone}',
  },

  'doc.audio.sink.ok': { en: 'Audio output ({kind}) works.', vi: 'Đầu ra âm thanh ({kind}) hoạt động.' },
  'doc.audio.sink.ok.next': { en: '-', vi: '-' },
  'doc.audio.sink.bad': {
    en: 'Audio output ({kind}) is not working: {error}',
    vi: 'Đầu ra âm thanh ({kind}) không hoạt động: {error}',
  },
  'doc.audio.sink.bad.next': {
    en: 'Check the sound card cable to the amplifier rack and the device in audio.json; aplay -l lists the cards.',
    vi: 'Kiểm tra cáp sound card nối sang tủ tăng âm và thiết bị trong audio.json; aplay -l liệt kê các card.',
  },
  'doc.audio.source': {
    en: 'Audio source {slot} {id} is {health}; the fallback is playing instead.',
    vi: 'Nguồn âm thanh {slot} {id} đang {health}; đang phát nguồn dự phòng.',
  },
  'doc.audio.source-failed': {
    en: 'Audio source {slot} {id} has never played: {cause} ({error}); the fallback is playing instead.',
    vi: 'Nguồn âm thanh {slot} {id} chưa từng phát được: {cause} ({error}); đang phát nguồn dự phòng.',
  },
  'doc.audio.source-failed.next': {
    en: 'Check the stream address with the district (stationctl audio status shows it); refused or not HTTP means a wrong address or port, not audio means it is not a stream.',
    vi: 'Kiểm tra địa chỉ luồng với huyện (xem bằng stationctl audio status); bị từ chối hoặc không phải HTTP nghĩa là sai địa chỉ hoặc cổng, không phải âm thanh nghĩa là đó không phải luồng phát.',
  },
  'doc.audio.source.next': {
    en: 'Check the 4G link and the stream address; Loa switches back by itself after 10 s of good signal.',
    vi: 'Kiểm tra kết nối 4G và địa chỉ luồng; Loa tự chuyển lại sau 10 giây tín hiệu tốt.',
  },

  'doc.media.ok': {
    en: 'Media cache: {n} file(s), all intact.',
    vi: 'Kho tệp phát: {n} tệp, tất cả nguyên vẹn.',
  },
  'doc.media.ok.next': { en: '-', vi: '-' },
  'doc.media.bad': {
    en: 'Media file {name} is damaged ({problem}) and will not be aired.',
    vi: 'Tệp {name} bị hỏng ({problem}) và sẽ không được phát.',
  },
  'doc.media.bad.next': {
    en: 'Add it again (stationctl media add FILE) or let the district send it again.',
    vi: 'Thêm lại tệp (stationctl media add TỆP) hoặc để huyện gửi lại.',
  },

  'doc.schedule.ok': {
    en: 'Schedule {version} is valid; next change at {next}.',
    vi: 'Lịch phát {version} hợp lệ; thay đổi tiếp theo lúc {next}.',
  },
  'doc.schedule.ok.next': { en: '-', vi: '-' },
  'doc.schedule.none': {
    en: 'No schedule applied: nothing plays at the broadcast hours.',
    vi: 'Chưa có lịch phát: đến giờ phát sẽ không có chương trình.',
  },
  'doc.schedule.none.next': {
    en: 'Ask the district to push the schedule, or: stationctl schedule apply FILE',
    vi: 'Đề nghị huyện gửi lịch, hoặc chạy: stationctl schedule apply TỆP',
  },
  'doc.schedule.stale': {
    en: 'Schedule {version} is past its valid-until date (still played).',
    vi: 'Lịch phát {version} đã quá hạn (vẫn đang được phát).',
  },
  'doc.schedule.stale.next': {
    en: 'Ask the district for the new schedule; check the uplink if it does not arrive.',
    vi: 'Đề nghị huyện gửi lịch mới; nếu không nhận được hãy kiểm tra kết nối về huyện.',
  },
  'doc.emergency.active': { en: 'An emergency bulletin is on air.', vi: 'Đang phát bản tin khẩn cấp.' },
  'doc.emergency.active.next': {
    en: 'stationctl emergency status shows it; stationctl emergency stop ends it.',
    vi: 'Xem bằng stationctl emergency status; dừng bằng stationctl emergency stop.',
  },

  'doc.uplink.ok': {
    en: 'Connected to the district; {depth} event(s) waiting to send.',
    vi: 'Đã kết nối về huyện; còn {depth} sự kiện chờ gửi.',
  },
  'doc.uplink.ok.next': { en: '-', vi: '-' },
  'doc.uplink.down': {
    en: 'Not connected to the district (oldest unsent event: {ago} min ago); {depth} event(s) kept to send later.',
    vi: 'Mất kết nối về huyện (sự kiện cũ nhất chưa gửi: {ago} phút trước); {depth} sự kiện được giữ lại để gửi sau.',
  },
  'doc.uplink.down.next': {
    en: 'Check the 4G modem (signal, SIM credit); nothing is lost, events are sent when it returns.',
    vi: 'Kiểm tra modem 4G (sóng, tài khoản SIM); không mất dữ liệu, sự kiện sẽ được gửi khi có mạng.',
  },
  'doc.uplink.off': {
    en: 'No district configured: this station reports to nobody.',
    vi: 'Chưa cấu hình huyện: đài không báo cáo về đâu.',
  },
  'doc.uplink.off.next': {
    en: 'Set LOA_DISTRICT in /etc/loa/station.env, then: sudo systemctl restart loa-station',
    vi: 'Đặt LOA_DISTRICT trong /etc/loa/station.env rồi chạy: sudo systemctl restart loa-station',
  },
  ...modemDoctorMessages,
};
