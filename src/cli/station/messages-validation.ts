/**
 * Validation refusals by key (core/validate.ts, schedule/validate.ts): the field, what was
 * wrong and what is allowed, and what was given, in English and Vietnamese. Field names and
 * values stay as written in the file (they are what the technician looks for in it).
 */
import type { Catalog } from '../../core/i18n.js';

export const validationMessages: Catalog = {
  'v.at': { en: '{where}: {problem}', vi: '{where}: {problem}' },
  'v.atGot': { en: '{where}: {problem} ({got})', vi: '{where}: {problem} ({got})' },
  'v.bareGot': { en: '{problem} ({got})', vi: '{problem} ({got})' },
  'v.top': { en: '(top level)', vi: '(toàn bộ tệp)' },
  'v.got': { en: 'got {value}', vi: 'nhận được {value}' },
  'v.gotNothing': { en: 'got nothing', vi: 'không có giá trị' },
  'v.more': { en: '... and {n} more', vi: '… và {n} lỗi khác' },
  'v.allowed': { en: 'allowed: {values}', vi: 'chỉ nhận: {values}' },
  'v.unknownKeys': { en: 'unknown key(s) {keys}', vi: 'khóa không hợp lệ {keys}' },
  'v.type': { en: 'expected {expected}', vi: 'phải là {expected}' },
  'v.kind.string': { en: 'text', vi: 'chuỗi ký tự' },
  'v.kind.number': { en: 'a number', vi: 'một số' },
  'v.kind.int': { en: 'a whole number', vi: 'một số nguyên' },
  'v.kind.boolean': { en: 'true or false', vi: '"true" hoặc "false"' },
  'v.kind.object': { en: 'an object', vi: 'một đối tượng JSON {…}' },
  'v.kind.array': { en: 'a list', vi: 'một danh sách […]' },
  'v.too_small.number': { en: 'at least {limit}', vi: 'tối thiểu {limit}' },
  'v.too_small.numberx': { en: 'more than {limit}', vi: 'phải lớn hơn {limit}' },
  'v.too_big.number': { en: 'at most {limit}', vi: 'tối đa {limit}' },
  'v.too_big.numberx': { en: 'less than {limit}', vi: 'phải nhỏ hơn {limit}' },
  'v.too_small.string': { en: 'at least {limit} character(s)', vi: 'ít nhất {limit} ký tự' },
  'v.too_big.string': { en: 'at most {limit} characters', vi: 'tối đa {limit} ký tự' },
  'v.too_small.array': { en: 'at least {limit} item(s)', vi: 'ít nhất {limit} mục' },
  'v.too_big.array': { en: 'at most {limit} items', vi: 'tối đa {limit} mục' },
  'v.format': { en: 'not a valid {format}', vi: 'sai định dạng ({format})' },
  'v.invalid': { en: 'invalid value', vi: 'giá trị không hợp lệ' },
  // the schedule document's own field rules (schedule/document.ts)
  'v.own.id': {
    en: 'lower-case letters, digits, ".", "_" or "-", up to 64',
    vi: 'chữ thường không dấu, chữ số, ".", "_" hoặc "-", tối đa 64 ký tự',
  },
  'v.own.date': { en: 'a date such as "2026-02-01"', vi: 'một ngày, ví dụ "2026-02-01"' },
  'v.own.time': {
    en: 'a local time "HH:MM" or "HH:MM:SS" (00:00–23:59:59)',
    vi: 'giờ địa phương "HH:MM" hoặc "HH:MM:SS" (00:00–23:59:59)',
  },
  'v.own.duration': {
    en: 'a duration such as "1h", "45m", "1h30m" or "90s", at most 24h',
    vi: 'một khoảng thời gian, ví dụ "1h", "45m", "1h30m" hoặc "90s", tối đa 24h',
  },
  'v.own.sha256': {
    en: '64 lower-case hex digits (the media sha256)',
    vi: '64 chữ số thập lục phân (0–9, a–f) viết thường (mã sha256 của tệp)',
  },
  'v.own.url': {
    en: 'an http(s)://, rtsp:// or rtmp:// URL',
    vi: 'một URL http(s)://, rtsp:// hoặc rtmp://',
  },
  'v.own.path': { en: 'an absolute path on the station', vi: 'đường dẫn đầy đủ trên máy của đài' },
  'v.own.textEmpty': { en: 'the notice to read out (empty)', vi: 'nội dung cần đọc (đang trống)' },
  'v.own.textLong': {
    en: 'at most {max} characters (about 3 minutes of speech); split it or record it',
    vi: 'tối đa {max} ký tự (khoảng 3 phút đọc); hãy tách nhỏ hoặc thu âm',
  },
  'v.own.zones': {
    en: 'allowed "all" or a list of zone numbers such as [1, 2]',
    vi: 'chỉ nhận "all" (tất cả) hoặc danh sách số vùng, ví dụ [1, 2]',
  },
  'v.own.tz': {
    en: 'an IANA time zone such as "Asia/Ho_Chi_Minh"',
    vi: 'múi giờ IANA, ví dụ "Asia/Ho_Chi_Minh"',
  },
  // across fields and programmes (schedule/validate.ts)
  'sv.rejected': { en: 'schedule rejected: {problems}', vi: 'lịch phát bị từ chối: {problems}' },
  'sv.inProgramme.self': {
    en: 'programme "{id}" (programmes[{index}]) (top level): {issue}',
    vi: 'chương trình "{id}" (programmes[{index}]): {issue}',
  },
  'sv.inProgramme': {
    en: 'programme "{id}" (programmes[{index}]) {issue}',
    vi: 'chương trình "{id}" (programmes[{index}]) {issue}',
  },
  'sv.dateWithDays': {
    en: 'programme "{id}": date: a one-off date cannot be combined with days, from or to',
    vi: 'chương trình "{id}": date: ngày phát một lần không dùng chung với "days", "from" hoặc "to"',
  },
  'sv.toBeforeFrom': {
    en: 'programme "{id}": to: must be on or after from ({from})',
    vi: 'chương trình "{id}": to: phải trùng hoặc sau ngày "from" ({from})',
  },
  'sv.durationOrEnd': {
    en: 'programme "{id}": duration: give either duration or end',
    vi: 'chương trình "{id}": duration: ghi "duration" hoặc "end" (chỉ một trong hai)',
  },
  'sv.noZone': {
    en: 'programme "{id}": zones: zone {zone} does not exist; allowed: {allowed} or "all"',
    vi: 'chương trình "{id}": zones: vùng {zone} không có ở đài này; chỉ có vùng {allowed} hoặc "all" (tất cả)',
  },
  'sv.idTwice': {
    en: 'programme "{id}": id: used twice; each programme needs its own id',
    vi: 'chương trình "{id}": id bị dùng hai lần; mỗi chương trình cần một id riêng',
  },
  'sv.orderUnknown': {
    en: 'priority_order: "{id}" is not a programme of this schedule',
    vi: 'priority_order: "{id}" không phải chương trình của lịch này',
  },
  'sv.orderTier': {
    en: 'priority_order: "{id}" is tier {tier}; list priority bulletins only',
    vi: 'priority_order: "{id}" thuộc loại {tier}; chỉ liệt kê các bản tin ưu tiên',
  },
  'sv.tier.normal': { en: 'normal', vi: 'thường' },
  'sv.tier.priority': { en: 'priority', vi: 'ưu tiên' },
  'sv.tier.emergency': { en: 'emergency', vi: 'khẩn cấp' },
  'sv.overlap': {
    en: 'programmes "{a}" and "{b}" (both {tier}) overlap {zones} at {when}; {why}',
    vi: 'chương trình "{a}" và "{b}" (cùng loại {tier}) trùng giờ {zones} lúc {when}; {why}',
  },
  'sv.onZones': { en: 'on zone(s) {zones}', vi: 'trên vùng {zones}' },
  'sv.oneOutput': {
    en: '(zones {a} and {b}: the station has one audio output)',
    vi: '(vùng {a} và vùng {b}: đài chỉ có một đầu ra âm thanh)',
  },
  'sv.overlap.order': {
    en: 'list both in priority_order to say which plays first',
    vi: 'hãy ghi cả hai vào priority_order để quy định cái nào phát trước',
  },
  'sv.overlap.move': {
    en: 'same-tier items may not overlap; move one or make one a priority bulletin',
    vi: 'chương trình cùng loại không được trùng giờ; hãy dời một chương trình hoặc đặt một cái làm bản tin ưu tiên',
  },
};
