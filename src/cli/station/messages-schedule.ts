/** stationctl's schedule, play-log and emergency words, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const scheduleMessages: Catalog = {
  'sched.title': {
    en: 'Schedule version {version} ({tz}), valid until {until}',
    vi: 'Lịch phát phiên bản {version} ({tz}), hiệu lực đến {until}',
  },
  'sched.stale': {
    en: 'STALE: past its valid_until — still played until a new schedule is applied',
    vi: 'HẾT HẠN: đã quá valid_until — vẫn phát cho đến khi áp dụng lịch mới',
  },
  'sched.none': {
    en: 'No schedule applied. Apply one with: stationctl schedule apply FILE',
    vi: 'Chưa có lịch phát. Áp dụng bằng: stationctl schedule apply FILE',
  },
  'sched.empty': {
    en: 'Nothing plays in the next {days} day(s).',
    vi: 'Không có chương trình nào trong {days} ngày tới.',
  },
  'sched.zones': { en: 'zones {zones}', vi: 'vùng {zones}' },
  'sched.checked': {
    en: 'Schedule version {version} is valid: {n} programme(s), time zone {tz}.',
    vi: 'Lịch phát phiên bản {version} hợp lệ: {n} chương trình, múi giờ {tz}.',
  },
  'sched.checkedOffline': {
    en: '(checked here without the daemon: zones {zones})',
    vi: '(kiểm tra tại chỗ, không qua dịch vụ: vùng {zones})',
  },
  'sched.zonesUnchecked': { en: 'not checked — give --profile', vi: 'chưa kiểm tra — dùng --profile' },
  'sched.applied': {
    en: 'Schedule version {version} applied ({n} programme(s)); it is saved and survives a restart.',
    vi: 'Đã áp dụng lịch phát phiên bản {version} ({n} chương trình); lịch đã được lưu, không mất khi khởi động lại.',
  },
  'sched.warn.never-plays': {
    en: 'Accepted, but nothing in it will ever play: every programme date is past (or valid_until is).',
    vi: 'Đã nhận, nhưng không chương trình nào sẽ được phát: mọi ngày phát (hoặc hạn valid_until) đã qua.',
  },
  'sched.warn.none-soon': {
    en: 'Accepted, but nothing plays in the next {days} days; the first programme is at {first}.',
    vi: 'Đã nhận, nhưng {days} ngày tới không có chương trình nào; chương trình đầu tiên lúc {first}.',
  },
  'sched.warn.stale': {
    en: 'valid_until ({until}) is already past: the schedule is stale from the start (alarm schedule.stale).',
    vi: 'Hạn valid_until ({until}) đã qua: lịch bị coi là quá hạn ngay từ đầu (báo động schedule.stale).',
  },
  'sched.warn.other-zone': {
    en: "Its times are read in {tz}, not in the station's zone {station}: check that this is meant.",
    vi: 'Giờ trong lịch tính theo múi giờ {tz}, không phải múi giờ của đài {station}: hãy kiểm tra lại.',
  },
  'sched.warn.path-missing': {
    en: 'Programme {id}: file {path} does not exist on this station (the fallback plays instead unless it is added).',
    vi: 'Chương trình {id}: tệp {path} không có trên máy của đài (sẽ phát dự phòng thay nếu không thêm tệp).',
  },
  'sched.missingMedia': {
    en: 'Not in the media cache yet (add with stationctl media add, or the district sends them): {list}',
    vi: 'Chưa có trong kho tệp phát (thêm bằng stationctl media add, hoặc huyện gửi xuống): {list}',
  },
  'tier.normal': { en: 'normal', vi: 'thông thường' },
  'tier.priority': { en: 'PRIORITY', vi: 'ƯU TIÊN' },
  'tier.emergency': { en: 'EMERGENCY', vi: 'KHẨN CẤP' },
  'log.none': { en: 'Nothing in the play log.', vi: 'Nhật ký phát trống.' },
  'log.live': { en: 'live', vi: 'trực tiếp' },
  'log.fallback': { en: 'fallback', vi: 'dự phòng' },
  'log.replaced': { en: 'not played, fallback instead', vi: 'không phát được, phát dự phòng thay' },
  'log.onAir': { en: 'on air', vi: 'đang phát' },
  'log.confirmed': { en: 'relays confirmed', vi: 'rơ-le đã xác nhận' },
  'log.unconfirmed': { en: 'relays NOT confirmed: {which}', vi: 'rơ-le CHƯA xác nhận: {which}' },
  'log.speech': { en: 'text {sha}… read by {voice}', vi: 'văn bản {sha}… giọng {voice}' },
  'log.noFeedback': { en: 'no feedback contacts', vi: 'không có tiếp điểm phản hồi' },
  'emg.started': {
    en: 'Emergency bulletin {id} started on zones {zones} ({repeat}×): {message}',
    vi: 'Đã bắt đầu bản tin khẩn cấp {id} trên vùng {zones} ({repeat} lần): {message}',
  },
  'emg.active': {
    en: 'EMERGENCY on air: {id} ({origin}), {phase}, {rep}/{repeat}, zones {zones}, message {message}',
    vi: 'ĐANG PHÁT KHẨN CẤP: {id} ({origin}), {phase}, lần {rep}/{repeat}, vùng {zones}, nội dung {message}',
  },
  'emg.latency': {
    en: 'attention signal reached the output {ms} ms after the command',
    vi: 'hiệu lệnh chú ý ra loa sau lệnh {ms} ms',
  },
  'log.kind.file': { en: 'file', vi: 'tệp' },
  'log.kind.stream': { en: 'stream', vi: 'tiếp sóng' },
  'log.kind.playlist': { en: 'playlist', vi: 'danh sách phát' },
  'log.kind.hls': { en: 'HLS', vi: 'tiếp sóng HLS' },
  'log.amp': { en: 'amp', vi: 'tăng âm' },
  'log.zone': { en: 'zone {z}', vi: 'vùng {z}' },
  'emg.attentionOnly': { en: 'attention signal only', vi: 'chỉ phát hiệu lệnh chú ý' },
  'emg.idle': { en: 'No emergency bulletin is playing.', vi: 'Không có bản tin khẩn cấp nào đang phát.' },
  'emg.last': {
    en: 'Last: {id} ended {when} ({reason}).',
    vi: 'Lần trước: {id} kết thúc lúc {when} ({reason}).',
  },
  'emg.stopped': { en: 'Emergency bulletin stopped.', vi: 'Đã dừng bản tin khẩn cấp.' },
  'phase.powering': { en: 'powering up', vi: 'đang bật nguồn' },
  'phase.attention': { en: 'attention signal', vi: 'hiệu lệnh chú ý' },
  'phase.message': { en: 'message', vi: 'nội dung' },
  'phase.waiting': { en: 'waiting to repeat', vi: 'chờ phát lại' },
  'day.0': { en: 'Sun', vi: 'CN' },
  'day.1': { en: 'Mon', vi: 'T2' },
  'day.2': { en: 'Tue', vi: 'T3' },
  'day.3': { en: 'Wed', vi: 'T4' },
  'day.4': { en: 'Thu', vi: 'T5' },
  'day.5': { en: 'Fri', vi: 'T6' },
  'day.6': { en: 'Sat', vi: 'T7' },
};
