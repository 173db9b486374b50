/**
 * `districtctl --help` in Vietnamese: each command's description, keyed by its English words as
 * the usage lines give them (districtctl.ts, bulletin.ts, users.ts); the command syntax (names,
 * flags, placeholders) stays as typed. A description missing here stays English and
 * test/ops/vietnamese-help.test.ts says so.
 */
export const districtUsageVi: Record<string, string> = {
  usage: 'cách dùng',
  'run the district hub (= loa-district) and its browser console;':
    'chạy trung tâm huyện (= loa-district) và bảng điều khiển trên trình duyệt;',
  '--db (or LOA_DB): its stores on PostgreSQL (password in PGPASSFILE/PGPASSWORD)':
    '--db (hoặc LOA_DB): dữ liệu lưu trên PostgreSQL (mật khẩu đặt trong PGPASSFILE/PGPASSWORD)',
  'one line per station: link, on air, power, alarms, last contact':
    'mỗi đài một dòng: kết nối, đang phát gì, nguồn, cảnh báo, lần liên lạc cuối',
  'one station in detail': 'chi tiết một đài',
  '4G links: signal, data against the SIM plan, stream health, last contact':
    'kết nối 4G: sóng, dung lượng đã dùng so với gói SIM, tình trạng luồng phát, lần liên lạc cuối',
  'changes and events as they arrive (Ctrl-C stops)': 'thay đổi và sự kiện ngay khi đến (Ctrl-C để dừng)',
  'hear it before sending (--model: a natural voice)': 'nghe thử trước khi gửi (--model: giọng đọc tự nhiên)',
  'bulletins sent (text, recorded; operators and CAP), their command ids':
    'các bản tin đã gửi (văn bản, ghi âm; do cán bộ hoặc CAP gửi), kèm mã lệnh',
  'per station: heard (amplifier + zones confirmed), when, which zones':
    'theo từng đài: đã phát ra loa chưa (tăng âm và vùng loa xác nhận), lúc nào, vùng nào',
  'CAP alerts received by the hub (docs/speech.md)': 'các cảnh báo CAP trung tâm đã nhận (docs/speech.md)',
  'speak live now (recorded at the hub)': 'nói trực tiếp ngay (trung tâm ghi âm lại)',
  'a console user (password: prompt or stdin)':
    'một người dùng bảng điều khiển (mật khẩu: gõ khi được hỏi hoặc qua stdin)',
  '(on the hub machine)': '(trên máy chủ trung tâm)',
  'commands sent and their outcome': 'các lệnh đã gửi và kết quả',
  'who asked what, in which role, and the result': 'ai yêu cầu gì, với vai trò nào, và kết quả',
  "the hub's database: sizes, oldest rows, what retention removes, disk full?":
    'cơ sở dữ liệu của trung tâm: dung lượng, bản ghi cũ nhất, những gì hạn lưu giữ sẽ xoá, đĩa có đầy không?',
  'copy a stopped SQLite hub into an empty PostgreSQL database':
    'chép dữ liệu của một trung tâm SQLite đã dừng sang một cơ sở dữ liệu PostgreSQL còn trống',
  'a stolen box: its certificate stops working at once (admin)':
    'hộp thiết bị bị mất cắp: chứng chỉ của nó hết hiệu lực ngay (quản trị)',
  "a person's certificate likewise (admin)": 'chứng chỉ của một người, cũng như vậy (quản trị)',
  'TLS: --ca/--cert/--key, else LOA_TLS_CA/LOA_TLS_CERT/LOA_TLS_KEY (deploy/pki/operator.sh); none: plain text (a lab hub)':
    'TLS: --ca/--cert/--key, nếu không có thì LOA_TLS_CA/LOA_TLS_CERT/LOA_TLS_KEY (deploy/pki/operator.sh); không có cả hai: truyền không mã hoá (chỉ cho trung tâm thử nghiệm)',
  'exit codes: 0 ok, 1 refused or invalid, 2 hub unreachable':
    'mã thoát: 0 thành công, 1 bị từ chối hoặc không hợp lệ, 2 không kết nối được trung tâm',
};

/**
 * One line of the help in Vietnamese: the description after the syntax (two or more spaces
 * apart, or one), a description on a line of its own, or a whole line of prose; else the line
 * as it is.
 */
export function districtUsageLine(line: string): string {
  const whole = /^(\s*)(\S.*)$/.exec(line);
  if (!whole) return line;
  const own = districtUsageVi[whole[2] as string];
  if (own) return `${whole[1]}${own}`;
  const m = /^(\s*\S.*?\s{2,})(\S.*)$/.exec(line);
  const vi = m ? districtUsageVi[m[2] as string] : undefined;
  if (m && vi) return `${m[1]}${vi}`;
  // "operator revoke NAME [--reason R] a person's …": a description after a single space
  for (const [en, v] of Object.entries(districtUsageVi))
    if (line.endsWith(` ${en}`)) return `${line.slice(0, -en.length)}${v}`;
  return line;
}
