/**
 * The station's events by the key they carry (StationEvent.text), in English and Vietnamese,
 * for `stationctl events` and `watch`. An alarm raised or cleared carries `alarm.KIND`
 * (ops/alarm-messages.ts). The daemon's English message stays what logs and the district read.
 */
import type { Catalog } from '../core/i18n.js';

export const eventMessages: Catalog = {
  'ev.alarm.cleared': { en: 'ended: {what}', vi: 'đã hết: {what}' },
  // the audit trail: one event per command (security/audit.ts)
  'ev.command': {
    en: '{action} {params}by {who} ({role}, {via}): {result}',
    vi: 'lệnh "{action}" {params}của {who} ({role}, {via}): {result}',
  },
  'ev.command.refused': {
    en: '{action} {params}by {who} ({role}, {via}): {result} — {why}',
    vi: 'lệnh "{action}" {params}của {who} ({role}, {via}): {result} — {why}',
  },
  'ev.result.ok': { en: 'ok', vi: 'đã thực hiện' },
  'ev.result.denied': { en: 'denied', vi: 'không có quyền' },
  'ev.result.invalid': { en: 'invalid', vi: 'không hợp lệ' },
  'ev.result.refused': { en: 'refused', vi: 'bị từ chối' },
  'ev.result.rate-limited': { en: 'rate-limited', vi: 'quá nhiều lệnh' },
  'ev.result.expired': { en: 'expired', vi: 'quá hạn' },
  'ev.result.failed': { en: 'failed', vi: 'lỗi' },
  'ev.station.start': {
    en: 'station {id} started on profile {profile}',
    vi: 'đài {id} đã khởi động (cấu hình {profile})',
  },
  'ev.station.stop': {
    en: 'station stopped, outputs safe',
    vi: 'đài đã dừng, các đầu ra ở trạng thái an toàn',
  },
  // written by the hub from a station's "dropped" record (district/stations.ts)
  'ev.uplink.dropped': {
    en: "the station's full outbox dropped {count} item(s) while offline: {measurements} measurement(s), {events} routine event(s), seq {firstSeq}..{lastSeq}",
    vi: 'hộp thư đi của đài bị đầy khi mất kết nối nên đã bỏ {count} mục: {measurements} số đo, {events} sự kiện thường, số thứ tự {firstSeq}..{lastSeq}',
  },
  'ev.power.on': { en: 'power chain on', vi: 'chuỗi nguồn đã bật' },
  'ev.power.off': { en: 'power chain off', vi: 'chuỗi nguồn đã tắt' },
  'ev.tx.trip': {
    en: 'transmitter tripped: reflected power {reflectedW} W over {limit} W',
    vi: 'máy phát đã ngắt: công suất phản xạ {reflectedW} W vượt mức {limit} W',
  },
  'ev.tx.rearm': { en: 'transmitter re-armed after trip', vi: 'máy phát đã bật lại sau khi ngắt' },
  'ev.lines.state': { en: 'zone {zone}: line {to}', vi: 'vùng {zone}: đường dây loa {to}' },
  'ev.lines.to.ok': { en: 'ok', vi: 'bình thường' },
  'ev.lines.to.degraded': { en: 'degraded', vi: 'suy giảm (trở kháng lệch so với lúc lắp đặt)' },
  'ev.lines.to.open': { en: 'open', vi: 'bị HỞ (đứt hoặc tuột)' },
  'ev.lines.to.short': { en: 'shorted', vi: 'bị CHẬP' },
  'ev.lines.to.earth-fault': { en: 'earth fault', vi: 'bị chạm đất' },
  'ev.lines.to.sensor-fault': { en: 'sensor unreadable', vi: 'không đọc được cảm biến' },
  'ev.lines.to.unknown': { en: 'unknown', vi: 'chưa rõ' },
  'ev.lines.calibrated': {
    en: 'line baseline recorded for zone(s) {zones}',
    vi: 'đã ghi mức chuẩn đường dây cho vùng {zones}',
  },
  'ev.test.relays.start': { en: 'relay test started', vi: 'bắt đầu thử rơ-le' },
  'ev.test.relays.ok': {
    en: 'relay test: every relay followed its command',
    vi: 'thử rơ-le: mọi rơ-le đều đóng/ngắt đúng lệnh',
  },
  'ev.test.relays.bad': {
    en: 'relay test: {outputs} did not follow',
    vi: 'thử rơ-le: {outputs} không đóng/ngắt đúng lệnh',
  },
  'ev.test.tone.start': {
    en: 'tone test: {hz} Hz on zone {zone} for {seconds} s',
    vi: 'thử loa: âm {hz} Hz trên vùng {zone} trong {seconds} giây',
  },
  'ev.test.tone.end': {
    en: 'tone test on zone {zone} ended: {reason}',
    vi: 'thử loa trên vùng {zone} kết thúc: {reason}',
  },
  'ev.schedule.applied': {
    en: 'schedule version {version} applied ({n} programmes)',
    vi: 'đã áp dụng lịch phát phiên bản {version} ({n} chương trình)',
  },
  'ev.schedule.start': { en: '{title} started', vi: 'bắt đầu phát "{title}"' },
  'ev.schedule.start.late': {
    en: '{title} started {s} s into its window',
    vi: 'bắt đầu phát "{title}", muộn {s} giây so với giờ phát (phát tiếp theo đúng giờ)',
  },
  'ev.schedule.failed': { en: 'schedule: {why}', vi: 'lịch phát: {why}' },
  'ev.schedule.media-fetch-failed': {
    en: 'media {sha} could not be fetched from the district',
    vi: 'không tải được tệp {sha} từ huyện',
  },
  'ev.playlog.item': {
    en: '{title}: {seconds} s on zones {zones} ({reason})',
    vi: '"{title}": đã phát {seconds} giây trên vùng {zones} ({reason})',
  },
  'ev.playlog.write-failed': { en: 'play log not written', vi: 'không ghi được nhật ký phát' },
  'ev.clock.jump': {
    en: 'wall clock moved {s} s; schedule re-planned from now',
    vi: 'đồng hồ bị chỉnh {s} giây; lịch phát được tính lại từ bây giờ',
  },
  'ev.clock.unknown.trust': {
    en: 'cannot tell whether the clock is synchronised; trusting it',
    vi: 'không biết đồng hồ đã đồng bộ chưa (không có timedatectl); vẫn tin giờ hiện tại',
  },
  'ev.clock.unknown.hold': {
    en: 'cannot tell whether the clock is synchronised; not starting scheduled programmes',
    vi: 'không biết đồng hồ đã đồng bộ chưa (không có timedatectl); chưa phát chương trình theo lịch',
  },
  'ev.emergency.start': {
    en: '{title} started ({origin}) on zones {zones}',
    vi: 'bắt đầu {title} ({origin}) trên vùng {zones}',
  },
  'ev.bulletin.start': {
    en: '{title} started ({origin}) on zones {zones}',
    vi: 'bắt đầu {title} ({origin}) trên vùng {zones}',
  },
  'ev.emergency.end': { en: '{title} ended: {reason}', vi: 'kết thúc {title}: {reason}' },
  'ev.bulletin.end': { en: '{title} ended: {reason}', vi: 'kết thúc {title}: {reason}' },
  'ev.title.emergency': { en: 'emergency bulletin', vi: 'bản tin khẩn cấp' },
  'ev.title.attention': { en: 'attention signal', vi: 'hiệu lệnh chú ý' },
  'ev.title.message': { en: '{what} ({origin})', vi: '{what} ({origin})' },
  'ev.title.attention+message': {
    en: 'attention signal + {what} ({origin})',
    vi: 'hiệu lệnh chú ý + {what} ({origin})',
  },
  'ev.title.text.emergency': { en: 'emergency text bulletin', vi: 'bản tin đọc khẩn cấp' },
  'ev.title.text.priority': { en: 'priority text bulletin', vi: 'bản tin đọc ưu tiên' },
  'ev.title.text.normal': { en: 'normal text bulletin', vi: 'bản tin đọc thường' },
  'ev.title.recorded.emergency': { en: 'emergency recorded bulletin', vi: 'bản tin ghi âm khẩn cấp' },
  'ev.title.recorded.priority': { en: 'priority recorded bulletin', vi: 'bản tin ghi âm ưu tiên' },
  'ev.title.recorded.normal': { en: 'normal recorded bulletin', vi: 'bản tin ghi âm thường' },
  'ev.title.live.mic': {
    en: "live voice from the station's microphone",
    vi: 'tiếng nói trực tiếp từ micrô của đài',
  },
  'ev.title.live.district': { en: 'live voice from the district', vi: 'tiếng nói trực tiếp từ huyện' },
  'ev.origin.command': { en: 'command', vi: 'lệnh tại đài' },
  'ev.origin.button': { en: 'button', vi: 'nút bấm khẩn cấp' },
  'ev.origin.district': { en: 'district', vi: 'lệnh từ huyện' },
  // why something on air ended (core/i18n.ts endText)
  'ev.end.finished': { en: 'finished', vi: 'phát xong' },
  'ev.end.done': { en: 'done', vi: 'phát xong' },
  'ev.end.stopped': { en: 'stopped', vi: 'đã dừng' },
  'ev.end.stopped-by-operator': { en: 'stopped by operator', vi: 'người vận hành đã dừng' },
  'ev.end.failed': { en: 'failed', vi: 'lỗi, không phát được' },
  'ev.end.window-ended': { en: 'window ended', vi: 'hết giờ phát' },
  'ev.end.station-stopped': { en: 'station stopped', vi: 'đài dừng' },
  'ev.end.programme-media-arrived': { en: 'programme media arrived', vi: 'đã có tệp của chương trình' },
  'ev.end.pre-empted': { en: 'pre-empted by {id}', vi: 'nhường cho {id}' },
  'ev.end.cancelled': { en: 'cancelled', vi: 'đã hủy' },
  'ev.end.interrupted': { en: 'pre-empted', vi: 'bị ngắt để phát chương trình khác' },
  'ev.slot.programme': { en: 'programme', vi: 'chương trình' },
  'ev.slot.emergency': { en: 'emergency', vi: 'khẩn cấp' },
  'ev.slot.fallback': { en: 'fallback', vi: 'dự phòng' },
  'ev.slot.tone': { en: 'tone', vi: 'âm thử' },
  'ev.onair': { en: '{slot} {id}', vi: '{slot} {id}' },
  'ev.onair.fallback': { en: '{slot} {id} (its fallback)', vi: '{slot} {id} (nguồn dự phòng)' },
  'ev.onair.silence': { en: 'silence', vi: 'im lặng' },
  'ev.audio.play': { en: '{slot}: {id} requested', vi: '{slot}: yêu cầu phát {id}' },
  'ev.audio.switch': { en: 'on air: {to} ← {from}: {reason}', vi: 'đang phát: {to} ← {from}: {reason}' },
  'ev.switch.start': { en: 'start', vi: 'bắt đầu' },
  'ev.switch.failover': { en: 'failover', vi: 'chuyển sang dự phòng do nguồn lỗi' },
  'ev.switch.priority': { en: 'priority', vi: 'nguồn ưu tiên hơn' },
  'ev.switch.recovered': { en: 'recovered', vi: 'nguồn chính đã trở lại' },
  'ev.switch.ended': { en: 'ended', vi: 'phát xong' },
  'ev.switch.silence': { en: 'silence', vi: 'nguồn im lặng' },
  'ev.audio.ended': { en: '{slot}: {id} {reason}', vi: '{slot}: {id} {reason}' },
  'ev.audio.source-unhealthy': {
    en: '{source} unhealthy: {reason}',
    vi: 'nguồn {source} có vấn đề: {reason}',
  },
  'ev.audio.source-recovered': { en: '{source} healthy again', vi: 'nguồn {source} đã tốt trở lại' },
  'ev.health.starting': { en: 'starting', vi: 'đang khởi động' },
  'ev.health.stalled': { en: 'stalled', vi: 'mất dữ liệu' },
  'ev.health.garbage': { en: 'garbage', vi: 'dữ liệu hỏng' },
  'ev.health.silent': { en: 'silent', vi: 'im lặng' },
  'ev.health.closed': { en: 'closed', vi: 'kết nối bị đóng' },
  'ev.health.failed': { en: 'failed', vi: 'lỗi' },
  'ev.health.underrun': { en: 'underrun', vi: 'hết dữ liệu đệm' },
  'ev.health.slow': { en: 'slow', vi: 'nhận chậm' },
  'ev.audio.source-slow': {
    en: '{source} slow: {rate}× real time, {bufferMs} ms buffered',
    vi: 'nguồn {source} nhận chậm: {rate}× thời gian thực, còn {bufferMs} ms đệm',
  },
  'ev.audio.source-fast': {
    en: '{source} at full rate again',
    vi: 'nguồn {source} đã nhận đủ tốc độ trở lại',
  },
  'ev.audio.flapping': {
    en: '{source}: flapping: {count} changes in {seconds} s',
    vi: 'nguồn {source} chập chờn: {count} lần thay đổi trong {seconds} giây',
  },
  'ev.audio.flapping.switch': {
    en: 'on air: flapping: {count} switches in {seconds} s',
    vi: 'nguồn phát chuyển qua lại liên tục: {count} lần trong {seconds} giây',
  },
  'ev.audio.sink-restored': { en: 'output {sink} restarted', vi: 'đầu ra âm thanh {sink} đã chạy lại' },
  'ev.audio.sink-failed': { en: 'output {sink} failed', vi: 'đầu ra âm thanh {sink} bị lỗi' },
  'ev.audio.item-skipped': { en: 'not aired: {path}', vi: 'không phát: {path} (tệp lỗi)' },
  'ev.audio.fallback-failed': {
    en: 'fallback playlist cannot play',
    vi: 'danh sách dự phòng không phát được',
  },
  'ev.audio.monitor-unavailable': {
    en: 'confidence monitor not started on {where}',
    vi: 'không mở được trang nghe thử tại {where}',
  },
  'ev.audio.bridge-failed': {
    en: 'no PCM bridge for fallback item {ref}',
    vi: 'không chuẩn bị được tệp dự phòng {ref}',
  },
  'ev.audio.onair-log-failed': {
    en: 'on-air log encoder exited; restarting',
    vi: 'bộ ghi âm nhật ký phát sóng bị dừng; đang chạy lại',
  },
  'ev.audio.onair-log-pruned': {
    en: 'on-air log: removed {n} old file(s)',
    vi: 'nhật ký phát sóng: đã xóa {n} tệp cũ',
  },
  'ev.audio.resumed': {
    en: 'resumed after a restart: {slot} "{id}"',
    vi: 'phát tiếp sau khi khởi động lại: {slot} "{id}"',
  },
  'ev.audio.resume-skipped': {
    en: 'not resumed: {slot} "{id}"',
    vi: 'không phát tiếp {slot} "{id}" (đã quá lâu từ lúc bắt đầu)',
  },
  'ev.audio.resume-failed': {
    en: 'could not resume {slot} "{id}"',
    vi: 'không phát tiếp được {slot} "{id}"',
  },
  'ev.media.evicted': {
    en: 'evicted {name} (least recently used, {kib} KiB)',
    vi: 'đã xóa {name} khỏi kho tệp phát (lâu không dùng, {kib} KiB)',
  },
  'ev.media.corrupt': {
    en: '{name} failed verification and will not be aired',
    vi: 'tệp {name} bị hỏng (kiểm tra không khớp) và sẽ không được phát',
  },
  'ev.media.bridge-corrupt': {
    en: 'the PCM bridge of {name} failed verification and was deleted',
    vi: 'bản chuẩn bị của tệp {name} bị hỏng và đã được xóa (tệp gốc vẫn phát được)',
  },
  'ev.speech.unavailable': {
    en: 'text bulletins cannot be spoken',
    vi: 'không đọc được bản tin chữ (lỗi bộ đọc)',
  },
  'ev.uplink.desired.applied': {
    en: 'desired state version {version} applied',
    vi: 'đã áp dụng cấu hình từ huyện, phiên bản {version}',
  },
  'ev.uplink.desired.failed': {
    en: 'desired state not applied: {why}',
    vi: 'không áp dụng được cấu hình từ huyện: {why}',
  },
  'ev.store.recovered.backup': {
    en: '{file} was damaged; kept as {keptAs}, started from the last good copy',
    vi: 'tệp {file} bị hỏng; đã cất thành {keptAs} và dùng bản tốt gần nhất',
  },
  'ev.store.recovered.defaults': {
    en: '{file} was damaged; kept as {keptAs}, started from defaults',
    vi: 'tệp {file} bị hỏng; đã cất thành {keptAs} và dùng giá trị mặc định',
  },
  'ev.store.recovered.lines': {
    en: '{file} was damaged; kept as {keptAs}, started from defaults (no baselines: recalibrate)',
    vi: 'tệp {file} bị hỏng; đã cất thành {keptAs}, mất mức chuẩn đường dây: hãy chạy stationctl lines calibrate',
  },
  'ev.store.recovered.events': {
    en: 'event log had {bad} damaged line(s); kept as {keptAs}, {n} events recovered',
    vi: 'nhật ký sự kiện có {bad} dòng hỏng; đã cất thành {keptAs}, khôi phục được {n} sự kiện',
  },
  'ev.modem.recovered': {
    en: '4G data flowing again after {seconds} s',
    vi: 'dữ liệu 4G đã thông trở lại sau {seconds} giây',
  },
  'ev.modem.recovery': {
    en: '4G modem: no data for {seconds} s while connected: {step}',
    vi: 'modem 4G: không có dữ liệu trong {seconds} giây dù đang kết nối: {step}',
  },
  'ev.modem.recovery-failed': { en: '4G modem {step} failed', vi: 'modem 4G: {step} không thành công' },
  'ev.modem.step.reconnect': { en: 'reconnect', vi: 'kết nối lại' },
  'ev.modem.step.reset': { en: 'reset', vi: 'khởi động lại modem' },
  'ev.modem.step.power-cycle': { en: 'power-cycle', vi: 'tắt và bật lại nguồn modem' },
  // live voice (src/live/): a session's end, a district voice or push-to-talk refused
  'ev.live.session': {
    en: 'live voice ({via}) ended after {seconds} s: {cause}',
    vi: 'phát trực tiếp ({via}) kết thúc sau {seconds} giây: {cause}',
  },
  'ev.live.session.by': {
    en: 'live voice ({via}, {by}) ended after {seconds} s: {cause}',
    vi: 'phát trực tiếp ({via}, {by}) kết thúc sau {seconds} giây: {cause}',
  },
  'ev.live.via.mic': { en: 'microphone', vi: 'micro' },
  'ev.live.via.district': { en: 'from the district', vi: 'từ huyện' },
  'ev.live.cause.gate': { en: 'nobody spoke (noise gate)', vi: 'không ai nói (cổng tạp âm)' },
  'ev.live.cause.stopped': { en: 'stopped', vi: 'đã dừng' },
  'ev.live.cause.ended': { en: 'finished', vi: 'đã xong' },
  'ev.live.cause.stalled': { en: 'the feed stopped arriving', vi: 'tín hiệu ngừng đến' },
  'ev.live.cause.failed': { en: 'failed', vi: 'lỗi' },
  'ev.live.tier.normal': { en: 'normal', vi: 'thường' },
  'ev.live.tier.priority': { en: 'priority', vi: 'ưu tiên' },
  'ev.live.tier.emergency': { en: 'emergency', vi: 'khẩn cấp' },
  'ev.live.refused': {
    en: 'live voice from {by} refused: {why}',
    vi: 'đã từ chối phát trực tiếp của {by}: {why}',
  },
  'ev.live.ptt-refused': { en: 'push-to-talk: {why}', vi: 'nút nói: {why}' },
};
