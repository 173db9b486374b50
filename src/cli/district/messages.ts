/** districtctl's words, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const districtMessages: Catalog = {
  'col.station': { en: 'STATION', vi: 'ĐÀI' },
  'col.link': { en: 'LINK', vi: 'KẾT NỐI' },
  'col.onAir': { en: 'ON AIR', vi: 'ĐANG PHÁT' },
  'col.power': { en: 'POWER', vi: 'NGUỒN' },
  'col.alarms': { en: 'ALARMS', vi: 'CẢNH BÁO' },
  'col.contact': { en: 'LAST CONTACT', vi: 'LIÊN LẠC CUỐI' },
  'word.online': { en: 'online', vi: 'trực tuyến' },
  'word.offline': { en: 'OFFLINE', vi: 'MẤT KẾT NỐI' },
  'word.never': { en: 'never', vi: 'chưa bao giờ' },
  'word.none': { en: 'none', vi: 'không có' },
  'word.ago': { en: '{t} ago', vi: '{t} trước' },
  'stations.none': {
    en: 'No station has connected to this hub yet.',
    vi: 'Chưa có đài nào kết nối tới trung tâm.',
  },
  'status.title': { en: 'Station {id}: {link}', vi: 'Đài {id}: {link}' },
  'status.contact': { en: 'Last contact', vi: 'Liên lạc cuối' },
  'status.software': { en: 'Software', vi: 'Phần mềm' },
  'status.power': { en: 'Power chain', vi: 'Chuỗi nguồn' },
  'status.tx': { en: 'Transmitter', vi: 'Máy phát' },
  'status.onAir': { en: 'On air', vi: 'Đang phát' },
  'status.alarms': { en: 'Alarms', vi: 'Cảnh báo' },
  'status.schedule': { en: 'Schedule', vi: 'Lịch phát' },
  'status.scheduleLine': {
    en: 'version {desired} wanted, {applied} running',
    vi: 'yêu cầu phiên bản {desired}, đang chạy {applied}',
  },
  'status.commands': { en: 'Commands waiting', vi: 'Lệnh đang chờ' },
  'status.events': { en: 'Events received up to', vi: 'Sự kiện đã nhận tới' },
  'cmd.sent': {
    en: '{method} → {station}: {status}{msg}',
    vi: '{method} → {station}: {status}{msg}',
  },
  'cmd.status.pending': { en: 'waiting for the station (offline)', vi: 'chờ đài kết nối lại' },
  'cmd.status.sent': { en: 'sent, awaiting the result', vi: 'đã gửi, chờ kết quả' },
  'cmd.status.done': { en: 'done', vi: 'đã thực hiện' },
  'cmd.status.failed': { en: 'FAILED', vi: 'THẤT BẠI' },
  'cmd.status.refused': { en: 'REFUSED', vi: 'BỊ TỪ CHỐI' },
  'cmd.status.expired': { en: 'EXPIRED (not run)', vi: 'HẾT HẠN (không thực hiện)' },
  'schedule.pushed': {
    en: 'Schedule version {version} pushed to {stations}.',
    vi: 'Đã gửi lịch phát phiên bản {version} tới {stations}.',
  },
  'live.spoke': {
    en: 'Spoke live to {stations}: {seconds} s, {kb} kB per station, ended: {ended}. Recorded at the hub as {recording}.',
    vi: 'Đã phát trực tiếp tới {stations}: {seconds} giây, {kb} kB mỗi đài, kết thúc: {ended}. Đã ghi âm tại huyện: {recording}.',
  },
  'media.uploaded': {
    en: 'Uploaded {name} ({size} bytes, sha256 {sha}).',
    vi: 'Đã tải lên {name} ({size} byte, sha256 {sha}).',
  },
  'bulletin.fileOrMedia': {
    en: 'bulletin send: give the recording as --file F (uploaded to the hub first) or --media SHA256 (a file already at the hub), one of them',
    vi: 'bulletin send: cho bản ghi âm bằng --file F (tải lên trung tâm trước) hoặc --media SHA256 (tệp đã có ở trung tâm), chỉ một trong hai',
  },
  'bulletin.badSha': {
    en: '--media: the sha256 of a file at the hub, 64 lower-case hex digits (got "{got}")',
    vi: '--media: mã sha256 của một tệp ở trung tâm, 64 chữ số hex viết thường (nhận được "{got}")',
  },
  'bulletin.badTier': {
    en: '--tier: normal or priority (got "{got}"); an emergency is "districtctl emergency start"',
    vi: '--tier: normal (thường) hoặc priority (ưu tiên) (nhận được "{got}"); phát khẩn cấp dùng "districtctl emergency start"',
  },
  'bulletin.sendArgs': {
    en: 'bulletin send: no text here; the recording is --file F or --media SHA256 (got "{got}")',
    vi: 'bulletin send: không nhận văn bản; bản ghi âm là --file F hoặc --media SHA256 (nhận được "{got}")',
  },
  'events.none': { en: 'No events.', vi: 'Không có sự kiện.' },
  'playlog.none': { en: 'Nothing in the play log.', vi: 'Nhật ký phát trống.' },
  'err.refused': { en: 'Refused: {msg}', vi: 'Bị từ chối: {msg}' },
  'user.disk_full': {
    en: "the hub's disk is full: console user {name} not changed ({reason}); free space on the hub (districtctl db status)",
    vi: 'ổ đĩa của trung tâm huyện đã đầy: không thay đổi được người dùng {name} ({reason}); hãy giải phóng dung lượng (districtctl db status)',
  },
  'err.unreachable': {
    en: 'Cannot reach the district hub: {msg}\nIs it running? Try: systemctl status loa-district (or give --hub HOST:PORT)',
    vi: 'Không kết nối được trung tâm huyện: {msg}\nDịch vụ có đang chạy không? Thử: systemctl status loa-district (hoặc dùng --hub HOST:PORT)',
  },
};
