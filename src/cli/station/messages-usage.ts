/**
 * `stationctl --help` in Vietnamese: each command's description, by its English words as the
 * usage lines in commands-*.ts give them (the command syntax itself stays as typed). Keyed by
 * the English text, like a gettext msgid, so that a subsystem adding a command touches only its
 * own file; a description missing here stays English and test/ops/vietnamese.test.ts says so.
 */
export const usageVi: Record<string, string> = {
  usage: 'cách dùng',
  'exit codes: 0 ok, 1 refused or invalid, 2 daemon unreachable':
    'mã thoát: 0 thành công, 1 bị từ chối hoặc không hợp lệ, 2 không kết nối được dịch vụ đài',
  'run the station (the daemon; a real board without a sound output refuses to start unless --allow-silent-output)':
    'chạy dịch vụ đài; bo mạch thật không có đầu ra âm thanh sẽ không khởi động, trừ khi có --allow-silent-output',
  'what the station is doing now': 'đài đang làm gì lúc này',
  'the amplifier/transmitter chain, in sequence': 'bật/tắt chuỗi tăng âm và máy phát, theo đúng trình tự',
  'one loudspeaker zone': 'bật/tắt một vùng loa',
  'clear a transmitter lockout (after checking the antenna)':
    'mở khóa máy phát (sau khi đã kiểm tra ăng-ten)',
  '(--audit: who ran which command)': '(--audit: ai đã chạy lệnh nào)',
  '(simulator only)': '(chỉ với bộ giả lập)',
  'what is wrong and what to do (exit 0 good, 1 warnings, 2 faults)':
    'đài đang hỏng gì và cần làm gì (mã thoát 0 tốt, 1 có cảnh báo, 2 có lỗi)',
  'live view: on air, zones, lines, alarms (q to quit)':
    'theo dõi trực tiếp: đang phát gì, vùng loa, đường dây, báo động (nhấn q để thoát)',
  'the service log, readable': 'nhật ký của dịch vụ đài, dễ đọc',
  'click every zone relay with the amplifier off and read it back':
    'đóng/ngắt từng rơ-le vùng loa khi tăng âm đã tắt và đọc lại tiếp điểm',
  'a tone on one zone only': 'phát âm thử trên một vùng loa duy nhất',
  'end a running tone test': 'dừng âm thử đang phát',
  'every output of the profile to its safe level (no daemon needed;':
    'đưa mọi đầu ra của cấu hình về mức an toàn (không cần dịch vụ đài;',
  'systemd runs it as ExecStopPost)': 'systemd tự chạy lệnh này khi dịch vụ dừng)',
  'on air, levels, health and buffer of each source':
    'đang phát gì, mức âm, tình trạng và bộ đệm của từng nguồn',
  'play now (zones switched on)': 'phát ngay (bật các vùng loa)',
  'stop what plays in a slot': 'dừng nội dung đang phát ở một kênh',
  'the playlist played when all else fails': 'danh sách phát dự phòng khi mọi nguồn khác hỏng',
  'the verified media cache': 'kho tệp phát đã kiểm tra',
  'state of every speaker line, what it can detect, trend':
    'tình trạng từng đường dây loa, những gì đo được, xu hướng',
  'check the line(s) now (test tone when no programme is on air)':
    'kiểm tra đường dây ngay (dùng âm thử khi không có chương trình đang phát)',
  'record the commissioning baseline (outside programmes)':
    'ghi mức chuẩn lúc lắp đặt (ngoài giờ phát chương trình)',
  'measurements of one line and its trend': 'các lần đo một đường dây và xu hướng',
  'what plays when (local time), on which zones': 'phát gì, lúc nào (giờ địa phương), trên vùng nào',
  'validate a schedule file only (works without the daemon)':
    'chỉ kiểm tra tệp lịch phát (không cần dịch vụ đài)',
  'validate, save and use a schedule file': 'kiểm tra, lưu và dùng một tệp lịch phát',
  'what actually went out': 'những gì thực sự đã phát ra',
  'attention signal, then the message': 'tín hiệu báo động, sau đó là bản tin',
  'read a notice out (chime, speech, chime) with the station voice':
    'đọc một thông báo (chuông, giọng đọc, chuông) bằng giọng đọc của đài',
  'stop the text bulletin on air': 'dừng bản tin văn bản đang phát',
  'the station voice: engine, accent, speed, pitch':
    'giọng đọc của đài: bộ đọc, giọng vùng miền, tốc độ, cao độ',
  'the microphone on air (chime first)': 'phát micro lên sóng (có chuông báo trước)',
  'end it; what is live, its level meter, the microphone':
    'dừng phát trực tiếp; đang phát trực tiếp gì, mức âm, micro',
  'the district link: connected?, backlog, schedule version':
    'kết nối với huyện: có kết nối không, dữ liệu chờ gửi, phiên bản lịch phát',
  'certificates in use (expiry), local sockets and their roles':
    'chứng chỉ đang dùng (hạn dùng), socket cục bộ và quyền của chúng',
  'take renewed certificates now (also: SIGHUP) (admin)':
    'nạp ngay chứng chỉ đã gia hạn (hoặc: SIGHUP) (admin)',
};

/**
 * One usage line in `lang`: the syntax as typed, its description translated where this
 * catalogue knows it. A line is "SYNTAX  description" (two or more spaces apart) or, indented,
 * the rest of the description above.
 */
export function usageLine(line: string, vi: boolean): string {
  if (!vi) return line;
  const cont = /^(\s+)(\S.*)$/.exec(line);
  if (cont) return `${cont[1]}${usageVi[cont[2] as string] ?? cont[2]}`;
  const m = /^(\S.*?\s{2,})(\S.*)$/.exec(line);
  if (m) return `${m[1]}${usageVi[m[2] as string] ?? m[2]}`;
  // "lines history ZONE [--limit N] measurements of …": a description after a single space
  for (const [en, vi] of Object.entries(usageVi))
    if (line.endsWith(` ${en}`)) return `${line.slice(0, -en.length)}${vi}`;
  return line;
}
