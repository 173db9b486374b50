/**
 * Refusals and errors of the daemon and of stationctl, by the key they carry (LoaError.text),
 * in English and Vietnamese. The English entries say what the daemon's own English message
 * says; the daemon's message itself is what logs, the district and `--lang en` show.
 */
import type { Catalog } from '../../core/i18n.js';

export const refusalMessages: Catalog = {
  'r.none': { en: 'none', vi: 'không có' },
  'r.rateLimited': {
    en: 'rate limit: {burst} commands at once, then {perMinute} per minute for {who}; retry in {waitS} s',
    vi: 'quá nhiều lệnh: tối đa {burst} lệnh liền nhau, sau đó {perMinute} lệnh mỗi phút cho {who}; thử lại sau {waitS} giây',
  },
  'r.onOff': {
    en: 'on: allowed true or false (got {got})',
    vi: 'bật/tắt: chỉ nhận "true" hoặc "false" (nhận được {got})',
  },
  'r.onOffWord': {
    en: '{what}: allowed on or off ({got})',
    vi: '{what}: chỉ nhận "on" (bật) hoặc "off" (tắt) ({got})',
  },
  'r.powerBlocked': { en: 'power on refused: {why}', vi: 'không bật được nguồn: {why}' },
  'r.block.mains': { en: 'mains lost', vi: 'đang mất điện lưới' },
  'r.block.ampHot': { en: 'amplifier over temperature', vi: 'tăng âm đang quá nóng' },
  'r.zone': {
    en: 'zone: allowed {allowed} (got {got})',
    vi: 'vùng: đài chỉ có vùng {allowed} (nhận được {got})',
  },
  'r.zones': {
    en: 'zones: allowed {allowed} (got {got})',
    vi: 'vùng: đài chỉ có vùng {allowed} (nhận được {got})',
  },
  'r.zoneNumber': {
    en: 'zone: a zone number such as 1 ({got})',
    vi: 'vùng: cần một số vùng, ví dụ 1 ({got})',
  },
  'r.zonesFlag': {
    en: '--zones: zone numbers separated by commas, e.g. 1,2 (got "{got}")',
    vi: '--zones: các số vùng cách nhau bằng dấu phẩy, ví dụ 1,2 (nhận được "{got}")',
  },
  'r.noZone': {
    en: '{what}: zones: zone {zone} does not exist; allowed: {allowed} or "all"',
    vi: '{what}: vùng {zone} không có ở đài này; chỉ có vùng {allowed} hoặc "all" (tất cả)',
  },
  'r.faultKey': {
    en: 'key: a fault key such as "line-open:zone.2"',
    vi: 'cần mã lỗi giả lập, ví dụ "line-open:zone.2"',
  },
  'r.noFault': {
    en: 'no active fault "{key}"; active: {active}',
    vi: 'không có lỗi giả lập "{key}" đang bật; đang bật: {active}',
  },
  'r.fault.name': {
    en: 'fault: "{name}" is not a fault; allowed: {allowed}',
    vi: 'không có lỗi giả lập "{name}"; các lỗi có: {allowed}',
  },
  'r.fault.zone': {
    en: 'zone: {name} needs a zone; allowed: {allowed} (got {got})',
    vi: 'lỗi {name} cần chọn vùng (--zone); chỉ có vùng {allowed} (nhận được {got})',
  },
  'r.fault.count': {
    en: 'count: a whole number of speakers from 1 to 500 (got {got})',
    vi: 'số loa (--count): số nguyên từ 1 đến 500 (nhận được {got})',
  },
  'r.fault.channel': {
    en: 'channel: "{channel}" is not an output; allowed: {allowed}',
    vi: '--channel: "{channel}" không phải đầu ra; chỉ có: {allowed}',
  },
  'r.notSim': {
    en: 'sim commands need a simulated station; profile {profile} drives real hardware',
    vi: 'lệnh sim chỉ dùng cho đài giả lập; cấu hình {profile} điều khiển thiết bị thật',
  },
  // "chuỗi nguồn {state}": the state words carry their own "đang"
  'r.state.on': { en: 'on', vi: 'đang bật' },
  'r.state.off': { en: 'off', vi: 'đã tắt' },
  'r.state.powering-up': { en: 'powering-up', vi: 'đang khởi động' },
  'r.state.powering-down': { en: 'powering-down', vi: 'đang tắt dần' },
  'r.chainUp.relays': {
    en: 'power chain is {state}; run stationctl power off first (a programme may be on air)',
    vi: 'chuỗi nguồn {state}; hãy chạy stationctl power off trước (có thể đang phát chương trình)',
  },
  'r.chainUp.tone': {
    en: 'power chain is {state}; run stationctl power off first (the village may be listening)',
    vi: 'chuỗi nguồn {state}; hãy chạy stationctl power off trước (người dân có thể đang nghe)',
  },
  'r.noEngine': { en: 'this station runs no audio engine', vi: 'đài này không chạy bộ phát âm thanh' },
  'r.toneBusy': {
    en: 'a tone test is already running; stationctl test tone stop ends it',
    vi: 'đang thử loa bằng âm thử; chạy stationctl test tone stop để dừng',
  },
  'r.onAirWait': {
    en: '{slot} "{id}" is on air; wait for it to end',
    vi: '{slot} "{id}" đang phát; hãy chờ phát xong',
  },
  'r.slot.programme': { en: 'programme', vi: 'chương trình' },
  'r.slot.emergency': { en: 'emergency', vi: 'bản tin khẩn cấp' },
  'r.calOnAir': {
    en: 'calibration refused: a programme is on air; calibrate outside programmes',
    vi: 'không hiệu chuẩn được: đang phát chương trình; hãy hiệu chuẩn ngoài giờ phát',
  },
  'r.playSource': {
    en: 'source: an absolute file path, media:NAME or a URL (got "{got}")',
    vi: 'nguồn phát: đường dẫn đầy đủ tới tệp, media:TÊN hoặc một URL (nhận được "{got}")',
  },
  'r.noCache': { en: 'no media cache on this station', vi: 'đài này không có kho tệp phát' },
  'r.notCached': { en: '{item}: not in the media cache', vi: '{item}: không có trong kho tệp phát' },
  'r.mediaMissing': {
    en: "media {sha} is not in the station's media cache",
    vi: 'tệp {sha} không có trong kho tệp phát của đài',
  },
  'r.mediaDamaged': {
    en: 'media {sha} not aired: damaged',
    vi: 'không phát tệp {sha}: tệp bị hỏng (kiểm tra không khớp)',
  },
  'r.overQuota': {
    en: '{name}: larger than the media quota',
    vi: '{name}: lớn hơn dung lượng dành cho kho tệp phát',
  },
  'r.item': {
    en: 'item: an absolute file path or media:NAME (got "{got}")',
    vi: 'tệp: đường dẫn đầy đủ tới tệp hoặc media:TÊN (nhận được "{got}")',
  },
  'r.noFile': { en: '{path}: no such file', vi: '{path}: không có tệp này' },
  'r.noFolder': { en: '{path}: no such folder', vi: '{path}: không có thư mục này' },
  'r.noFileOrFolder': { en: '{path}: no such file or folder', vi: '{path}: không có tệp hoặc thư mục này' },
  'r.notFile': { en: '{path}: not a regular file', vi: '{path}: không phải là một tệp' },
  // the decoder's own words stay in the daemon's log: a technician needs to know it will not play
  'r.notAudio': {
    en: '{path}: not playable audio ({error})',
    vi: '{path}: không phải tệp âm thanh phát được (ffmpeg không đọc được)',
  },
  'r.mediaPath': {
    en: 'path: an absolute path to an audio file or a folder (got {got})',
    vi: 'đường dẫn: cần đường dẫn đầy đủ tới tệp âm thanh hoặc thư mục (nhận được {got})',
  },
  'r.ref': { en: 'ref: a sha256 or media:NAME', vi: 'cần mã sha256 hoặc media:TÊN' },
  'r.ambiguous': {
    en: 'media:{name} names {n} files; use the sha256 instead',
    vi: 'media:{name} trùng tên với {n} tệp; hãy dùng mã sha256',
  },
  'r.noTx': {
    en: 'profile {profile} has no transmitter: nothing to reset',
    vi: 'cấu hình {profile} không có máy phát: không có gì để mở khóa',
  },
  'r.scheduleBig': {
    en: '{what}: a schedule is at most {max} (this one is {size}); split it or remove unused programmes',
    vi: '{what}: lịch phát tối đa {max} (lịch này {size}); hãy tách nhỏ hoặc bỏ bớt chương trình không dùng',
  },
  'r.noDoc': {
    en: '{what}: doc: the schedule document (got nothing)',
    vi: '{what}: chưa có nội dung lịch phát',
  },
  'r.scheduleFile': {
    en: 'FILE: the schedule file (JSON) to read',
    vi: 'TỆP: cần tệp lịch phát (JSON) để đọc',
  },
  'r.unreadable': { en: '{path}: cannot be read ({why})', vi: '{path}: không đọc được ({why})' },
  'r.notJson': { en: '{path}: not valid JSON: {error}', vi: '{path}: không phải JSON hợp lệ' },
  'r.emergencySource': {
    en: 'emergency.start: source: an absolute file path or an http(s):// or rtsp:// URL (got "{got}")',
    vi: 'phát khẩn cấp: nguồn phải là đường dẫn đầy đủ tới tệp hoặc URL http(s):// hay rtsp:// (nhận được "{got}")',
  },
  'r.emergencyNoFile': {
    en: 'emergency.start: source: no file {path} on the station',
    vi: 'phát khẩn cấp: không có tệp {path} trên máy của đài',
  },
  'r.noEmergency': { en: 'no emergency bulletin is playing', vi: 'không có bản tin khẩn cấp nào đang phát' },
  'r.commandId': {
    en: 'bulletin.stop: commandId: the id of the command whose bulletin to stop',
    vi: 'cần mã lệnh (commandId) của bản tin cần dừng',
  },
  'r.bulletinNotOnAir': {
    en: 'the bulletin of command {id} is not on air; nothing was stopped',
    vi: 'bản tin của lệnh {id} không đang phát; không dừng gì cả',
  },
  'r.tierBusy': {
    en: 'a {onAir} bulletin is on air; a {tier} bulletin does not interrupt it (order: emergency > priority > normal). Send it again when it ends, or with a higher --tier',
    vi: 'đang phát bản tin {onAir}; bản tin {tier} không ngắt được (thứ tự: khẩn cấp > ưu tiên > thường). Hãy gửi lại khi phát xong, hoặc với --tier cao hơn',
  },
  'r.textType': {
    en: '{field}: the notice to read out, as text',
    vi: '{field}: cần nội dung thông báo cần đọc, dạng chữ',
  },
  'r.textEmpty': {
    en: '{field}: empty; give the notice to read out',
    vi: '{field}: đang trống; hãy nhập nội dung thông báo cần đọc',
  },
  'r.textLong': {
    en: '{field}: {chars} characters; a text bulletin is at most {max} characters',
    vi: '{field}: {chars} ký tự; bản tin đọc tối đa {max} ký tự (khoảng 3 phút đọc) — hãy tách nhỏ hoặc thu âm',
  },
  'r.textControl': {
    en: '{field}: control character U+{code} at position {at}',
    vi: '{field}: có ký tự điều khiển U+{code} ở vị trí {at}; chỉ dùng chữ in được và xuống dòng',
  },
  'r.flagValue': { en: '{flag} needs a value', vi: '{flag} cần một giá trị' },
  'r.flagInt': {
    en: '{flag}: a whole number from {min} to {max} (got "{got}")',
    vi: '{flag}: cần số nguyên từ {min} đến {max} (nhận được "{got}")',
  },
  'r.sub': { en: '{what}: allowed {allowed} ({got})', vi: '{what}: chỉ nhận {allowed} ({got})' },
  'r.missing': { en: '{what}: missing', vi: '{what}: còn thiếu' },
  'r.since': {
    en: '--since: a time such as 2026-11-30T05:30 or a duration such as 15m, 2h, 1d (got "{got}")',
    vi: '--since: cần một thời điểm, ví dụ 2026-11-30T05:30, hoặc một khoảng thời gian, ví dụ 15m, 2h, 1d (nhận được "{got}")',
  },
  'r.sinceAgo': {
    en: '--since: a time ago such as 24h, 30m, 7d, or an ISO date/time (got "{got}")',
    vi: '--since: cần một khoảng thời gian trước đây, ví dụ 24h, 30m, 7d, hoặc một thời điểm ISO (nhận được "{got}")',
  },
  'r.zonesAll': {
    en: '--zones: zone numbers such as 1,3 or "all" (got "{got}")',
    vi: '--zones: các số vùng, ví dụ 1,3, hoặc "all" (tất cả) (nhận được "{got}")',
  },
  'r.sayBoth': {
    en: 'say: give the text or --file, not both',
    vi: 'say: nhập nội dung hoặc dùng --file, không dùng cả hai',
  },
  'r.toneZone': {
    en: 'ZONE: a zone number, or "stop" ({got})',
    vi: 'VÙNG: cần một số vùng, hoặc "stop" ({got})',
  },
  'r.toneLevel': {
    en: '--level: a number from 0.01 to 1 (got "{got}")',
    vi: '--level: cần một số từ 0.01 đến 1 (nhận được "{got}")',
  },
  'r.profileFlag': {
    en: '--profile: a board profile name (e.g. rpi4-gpio) or a .json file',
    vi: '--profile: cần tên cấu hình bo mạch (ví dụ rpi4-gpio) hoặc một tệp .json',
  },
  'r.unknownCommand': {
    en: 'unknown command "{cmd}"; allowed: {allowed}',
    vi: 'không có lệnh "{cmd}"; xem các lệnh bằng: stationctl --help',
  },
  // why the line test tone is not used now (lines check, lines status)
  'l.tone.none': {
    en: 'the sense board has no test tone (profile output lines.test_tone)',
    vi: 'bo mạch đo không có âm thử (đầu ra lines.test_tone trong cấu hình)',
  },
  'l.tone.disabled': { en: 'the test tone is disabled (tone: never)', vi: 'âm thử đã bị tắt (tone: never)' },
  'l.tone.onAir': { en: 'a programme is on air', vi: 'đang phát chương trình' },
  'l.tone.notDue': { en: 'not due', vi: 'chưa đến lượt' },
  'l.tone.hours': {
    en: 'outside the tone hours {from}–{to}',
    vi: 'ngoài giờ được dùng âm thử ({from}–{to} giờ)',
  },
  // live voice (src/live/)
  'r.live.noMic': {
    en: 'this station has no microphone: name its ALSA capture device in live.json mic.device (arecord -L lists them)',
    vi: 'đài chưa có micro: ghi thiết bị thu ALSA của micro vào live.json mic.device (lệnh arecord -L liệt kê các thiết bị)',
  },
  'r.live.noPtt': {
    en: 'live.json mic.ptt: no digital input "{name}" in profile {profile}',
    vi: 'live.json mic.ptt: cấu hình {profile} không có đầu vào số "{name}"',
  },
  'r.live.none': { en: 'no live session is on air', vi: 'không có phát trực tiếp nào đang lên sóng' },
  'r.live.interrupt': {
    en: 'an {onAir} bulletin is on air; a {tier} live voice does not interrupt it',
    vi: 'đang phát bản tin {onAir}; phát trực tiếp mức {tier} không được ngắt bản tin đó (thứ tự: khẩn cấp > ưu tiên > thường)',
  },
  'r.live.role': {
    en: 'live voice needs role operator; {by} has role {role}',
    vi: 'phát trực tiếp cần quyền operator; {by} chỉ có quyền {role}',
  },
  'r.live.tier': {
    en: 'live.tier: priority or emergency (got "{got}")',
    vi: 'live.tier: chỉ nhận priority hoặc emergency (nhận được "{got}")',
  },
  'r.live.format': {
    en: 'live.format: webm or ogg (got "{got}")',
    vi: 'live.format: chỉ nhận webm hoặc ogg (nhận được "{got}")',
  },
  'r.live.feedback': {
    en: 'live.json mic.device "{capture}": {why}; a station must never relay its own output back (feedback)',
    vi: 'live.json mic.device "{capture}": {why}; đài không bao giờ được phát lại chính âm thanh của mình (gây hú). Hãy ghi card riêng của micro hoặc đầu vào line (lệnh arecord -L liệt kê)',
  },
  'r.live.fb.monitor': {
    en: 'a monitor of an output is not a microphone',
    vi: 'thiết bị "monitor" của một đầu ra không phải là micro',
  },
  'r.live.fb.same': {
    en: 'it is the station\'s output device "{output}"',
    vi: 'đó chính là thiết bị đầu ra của đài "{output}"',
  },
  'r.live.fb.loopback': {
    en: 'it is the loopback of the station\'s output "{output}"',
    vi: 'đó là card loopback của đầu ra "{output}" (snd-aloop thu lại những gì đang phát)',
  },
  // media verify's findings (media/cache.ts verify)
  'r.media.notCached': { en: 'not in the cache', vi: 'không có trong kho tệp phát' },
  'r.media.missing': { en: 'file missing', vi: 'mất tệp (tệp không còn trên thẻ nhớ)' },
  'r.media.changed': {
    en: 'content changed (sha256 now {now})',
    vi: 'nội dung tệp đã bị thay đổi hoặc hỏng (sha256 hiện là {now})',
  },
};
