/**
 * What `stationctl doctor` says about active alarms that no check of its own explains, about
 * the media the schedule needs, and the next steps that depend on the station's state.
 */
import type { Catalog } from '../../core/i18n.js';

export const doctorAlarmMessages: Catalog = {
  // one width per language, so the explanations line up
  'doc.mark.ok': { en: '  ok  ', vi: '   tốt  ' },
  'doc.mark.warn': { en: ' WARN ', vi: 'CẢNH BÁO' },
  'doc.mark.fault': { en: 'FAULT ', vi: '   LỖI  ' },
  'doc.alarm': { en: 'Alarm {key}: {message}', vi: 'Báo động {key}: {messageVi}' },
  'doc.alarm.next': {
    en: 'See stationctl events --kind {key} for when it started.',
    vi: 'Xem stationctl events --kind {key} để biết bắt đầu từ khi nào.',
  },
  'doc.relay.next.poweredOn': {
    en: 'The relay test only runs with the power chain off. First: stationctl power off (this ends what is on air), then: stationctl test relays --yes. A relay it marks FAIL must be replaced; the line under it says how it failed.',
    vi: 'Chỉ thử rơ-le được khi đã tắt nguồn. Trước hết chạy: stationctl power off (chương trình đang phát sẽ dừng), rồi chạy: stationctl test relays --yes. Rơ-le bị đánh dấu LỖI cần thay; dòng bên dưới nói nó hỏng thế nào.',
  },
  'doc.zone.relay.next': {
    en: 'Run: stationctl test relays --yes (it clicks each relay and reads its contact back). A relay it marks FAIL must be replaced; the line under it says how it failed.',
    vi: 'Chạy: stationctl test relays --yes (thử đóng/ngắt từng rơ-le và đọc lại tiếp điểm). Rơ-le bị đánh dấu LỖI cần thay; dòng bên dưới nói nó hỏng thế nào.',
  },
  'doc.media.ok': {
    en: 'Media cache: {n} file(s); every file the schedule needs in the coming day is here and intact.',
    vi: 'Kho tệp phát: {n} tệp; mọi tệp lịch phát cần trong một ngày tới đều có và nguyên vẹn.',
  },
  'doc.media.ok.next': { en: '-', vi: '-' },
  'doc.media.missing': {
    en: 'Programme "{title}" at {startLocal} ({timezone}) needs a file that is missing or damaged: {missing}. Unless it arrives in time, the fallback playlist plays instead.',
    vi: 'Chương trình "{title}" lúc {startLocal} ({timezone}) thiếu tệp phát hoặc tệp bị hỏng: {missing}. Nếu không có kịp, đài sẽ phát danh sách dự phòng thay thế.',
  },
  'doc.media.missing.next': {
    en: 'Copy the file to the station and run: stationctl media add FILE (the station checks again within a minute; during the window the programme starts where the clock is). Or ask the district to send it again.',
    vi: 'Chép tệp vào máy của đài rồi chạy: stationctl media add TỆP (đài kiểm tra lại trong vòng một phút; nếu đang trong giờ phát, chương trình sẽ phát tiếp theo đúng giờ). Hoặc đề nghị huyện gửi lại.',
  },
  'doc.media.missing.fetching': {
    en: 'The station has asked the district for it; it arrives by itself while the district link is up (see the district line of this report). If it does not: stationctl media add FILE.',
    vi: 'Đài đã yêu cầu huyện gửi lại tệp; tệp sẽ tự về khi có kết nối về huyện (xem dòng kết nối huyện trong báo cáo này). Nếu không về: stationctl media add TỆP.',
  },
  'doc.amp.temp': { en: 'Amplifier heatsink at {temp} °C.', vi: 'Tản nhiệt tăng âm ở {temp} °C.' },
  'doc.amp.temp.next': { en: '-', vi: '-' },
  'doc.amp.overtemp': {
    en: 'Amplifier too hot ({temp} °C): muted and switched off until it cools.',
    vi: 'Tăng âm quá nóng ({temp} °C): đã tắt tiếng và tắt nguồn cho đến khi nguội.',
  },
  'doc.amp.overtemp.next': {
    en: 'Check the amplifier fan and that nothing blocks the rack vents; it comes back by itself once cool.',
    vi: 'Kiểm tra quạt tăng âm và xem lỗ thông gió tủ máy có bị che không; tăng âm tự bật lại khi đã nguội.',
  },
  'doc.schedule.idle': {
    en: 'Schedule {version} is valid, but nothing will play in the next {days} days.',
    vi: 'Lịch phát {version} hợp lệ, nhưng {days} ngày tới sẽ không có chương trình nào được phát.',
  },
  'doc.schedule.idle.next': {
    en: 'stationctl schedule show --days {days} shows it; check its dates, valid_until and time zone, and ask the district for the current schedule.',
    vi: 'Xem bằng stationctl schedule show --days {days}; kiểm tra ngày phát, hạn valid_until và múi giờ, và đề nghị huyện gửi lịch hiện hành.',
  },
  'doc.alarm.audio.output-silent': {
    en: 'The output is silent while the loudspeakers are on: the village hears nothing.',
    vi: 'Đầu ra đang im lặng trong khi loa đang bật: người dân không nghe thấy gì.',
  },
  'doc.alarm.audio.output-silent.next': {
    en: 'stationctl audio status shows what should be playing; a fallback playlist (stationctl fallback add FILE) stands in when a programme fails. Check the sound card cable to the amplifier.',
    vi: 'Xem stationctl audio status để biết đang phải phát gì; danh sách dự phòng (stationctl fallback add TỆP) sẽ phát thay khi chương trình lỗi. Kiểm tra cáp sound card nối sang tăng âm.',
  },
  'doc.alarm.audio.no-source': {
    en: 'Nothing playable: every audio source has failed while the station should be on air.',
    vi: 'Không có gì để phát: mọi nguồn âm thanh đều lỗi trong khi đài đang phải phát.',
  },
  'doc.alarm.audio.no-source.next': {
    en: 'stationctl audio status shows each source and why it failed; stationctl fallback list shows the fallback playlist (add one with stationctl fallback add FILE).',
    vi: 'Xem stationctl audio status để biết từng nguồn và lý do lỗi; stationctl fallback list cho xem danh sách dự phòng (thêm bằng stationctl fallback add TỆP).',
  },
  'doc.alarm.schedule.unplayable': {
    en: 'Programme {id} cannot play now ({why}); the fallback playlist stands in, or, without one, the amplifiers and transmitter stay off.',
    vi: 'Chương trình {id} hiện không phát được ({why}); danh sách dự phòng được phát thay, nếu không có thì tăng âm và máy phát được giữ tắt.',
  },
  'doc.alarm.schedule.unplayable.next': {
    en: 'stationctl play-log shows what went out instead. Bring the file back with stationctl media add FILE: the programme then starts where its window is.',
    vi: 'Xem stationctl play-log để biết đã phát gì thay thế. Thêm lại tệp bằng stationctl media add TỆP: chương trình sẽ phát tiếp theo đúng giờ.',
  },
  'doc.alarm.schedule.invalid': {
    en: 'The stored schedule no longer fits this station (its profile changed): nothing scheduled plays.',
    vi: 'Lịch phát đã lưu không còn phù hợp với đài (cấu hình phần cứng đã đổi): không chương trình nào theo lịch được phát.',
  },
  'doc.alarm.schedule.invalid.next': {
    en: 'Check a corrected schedule with stationctl schedule check FILE, then stationctl schedule apply FILE; or ask the district to send it again.',
    vi: 'Kiểm tra lịch đã sửa bằng stationctl schedule check TỆP, rồi chạy stationctl schedule apply TỆP; hoặc đề nghị huyện gửi lại lịch.',
  },
  'doc.alarm.hal.selftest': {
    en: 'The hardware self-test at start found problems: {problems}.',
    vi: 'Tự kiểm tra phần cứng khi khởi động phát hiện lỗi: {problems}.',
  },
  'doc.alarm.hal.selftest.next': {
    en: 'Check the cables and power of the boards named, then: sudo systemctl restart loa-station',
    vi: 'Kiểm tra cáp và nguồn của các bo mạch được nêu, rồi chạy: sudo systemctl restart loa-station',
  },
  'doc.alarm.relay.stuck': {
    en: 'Relay {output} does not follow its command (its contact reads the opposite).',
    vi: 'Rơ-le {output} không đóng/ngắt theo lệnh (tiếp điểm đọc ngược lại).',
  },
  'doc.alarm.relay.stuck.next': {
    en: 'With the power chain off (stationctl power off): stationctl test relays --yes. Replace the relay it marks FAIL.',
    vi: 'Khi đã tắt nguồn (stationctl power off): chạy stationctl test relays --yes. Thay rơ-le bị đánh dấu LỖI.',
  },
  'doc.alarm.tx.sensor': {
    en: 'The transmitter sensors cannot be read: its temperature and reflected power are not watched.',
    vi: 'Không đọc được cảm biến máy phát: nhiệt độ và công suất phản xạ không được giám sát.',
  },
  'doc.alarm.tx.sensor.next': {
    en: 'Check the sensor cable between the transmitter and the board; supervision resumes by itself.',
    vi: 'Kiểm tra cáp cảm biến giữa máy phát và bo mạch; việc giám sát sẽ tự chạy lại.',
  },
  'doc.alarm.uplink.config': {
    en: 'The district link is off because of a configuration problem.',
    vi: 'Kết nối về huyện bị tắt do lỗi cấu hình.',
  },
  'doc.alarm.uplink.config.next': {
    en: 'journalctl -u loa-station -n 50 names the problem; fix /etc/loa/station.env, then: sudo systemctl restart loa-station',
    vi: 'Xem lỗi bằng journalctl -u loa-station -n 50; sửa /etc/loa/station.env rồi chạy: sudo systemctl restart loa-station',
  },
};
