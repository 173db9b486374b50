/** districtctl db status, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const dbMessages: Catalog = {
  'db.title': {
    en: 'Hub database ({engine}): {location}',
    vi: 'Cơ sở dữ liệu trung tâm ({engine}): {location}',
  },
  'db.ok': { en: 'Writes: accepted', vi: 'Ghi dữ liệu: bình thường' },
  'db.full': {
    en: 'WRITES REFUSED since {since}: the disk is full ({reason}). Stations stay connected and keep their data until space returns; free space on the hub.',
    vi: 'ĐANG TỪ CHỐI GHI từ {since}: ổ đĩa đã đầy ({reason}). Các đài vẫn kết nối và giữ dữ liệu cho tới khi có lại chỗ trống; hãy giải phóng dung lượng trên máy trung tâm.',
  },
  'db.low': {
    en: 'STATION DATA REFUSED since {since}: the disk is nearly full ({reason}). Commands, schedules and the audit still use the reserve; stations keep their data until space returns; free space on the hub.',
    vi: 'ĐANG TỪ CHỐI DỮ LIỆU TỪ ĐÀI từ {since}: ổ đĩa gần đầy ({reason}). Lệnh, lịch phát và nhật ký kiểm tra vẫn dùng phần dự trữ; các đài giữ dữ liệu cho tới khi có lại chỗ trống; hãy giải phóng dung lượng trên máy trung tâm.',
  },
  'db.size': {
    en: 'Size: file {file}, in use {used} of {max} allowed, {reclaim} free inside the file',
    vi: 'Dung lượng: tệp {file}, đang dùng {used} trên {max} cho phép, {reclaim} trống trong tệp',
  },
  'db.disk': {
    en: 'Disk: {free} free (writes stop below {min})',
    vi: 'Ổ đĩa: còn trống {free} (dừng ghi khi dưới {min})',
  },
  'db.vacuum.incremental': {
    en: 'Freed space goes back to the disk (auto_vacuum incremental)',
    vi: 'Chỗ trống được trả lại cho ổ đĩa (auto_vacuum incremental)',
  },
  'db.vacuum.other': {
    en: 'Freed space stays inside the file (auto_vacuum {mode}): the hub converts the file at a start when the disk has room for a copy',
    vi: 'Chỗ trống nằm lại trong tệp (auto_vacuum {mode}): trung tâm sẽ chuyển đổi tệp khi khởi động nếu ổ đĩa đủ chỗ cho một bản sao',
  },
  'db.pg.disk': {
    en: "Disk: the PostgreSQL server's (not visible from the hub); a full disk there refuses writes (STORAGE_FULL) until space returns",
    vi: 'Ổ đĩa: của máy chủ PostgreSQL (trung tâm không thấy được); nếu ổ đó đầy, việc ghi bị từ chối (STORAGE_FULL) cho tới khi có lại chỗ trống',
  },
  'db.pg.vacuum': {
    en: 'Freed space is reused in place by PostgreSQL ({mode}); the size limit is shown, retention prunes by age',
    vi: 'Chỗ trống được PostgreSQL dùng lại tại chỗ ({mode}); giới hạn dung lượng chỉ để hiển thị, việc xóa dữ liệu cũ theo số ngày lưu giữ',
  },
  'db.tables': { en: 'TABLE', vi: 'BẢNG' },
  'db.rows': { en: 'ROWS', vi: 'SỐ DÒNG' },
  'db.bytes': { en: 'SIZE', vi: 'DUNG LƯỢNG' },
  'db.class': { en: 'CLASS (TABLE)', vi: 'LOẠI DỮ LIỆU (BẢNG)' },
  'db.keep': { en: 'KEEP', vi: 'GIỮ' },
  'db.oldest': { en: 'OLDEST', vi: 'CŨ NHẤT' },
  'db.due': { en: 'TO REMOVE', vi: 'SẼ XÓA' },
  'db.days': { en: '{n} days', vi: '{n} ngày' },
  'db.forever': { en: 'for ever', vi: 'mãi mãi' },
  'db.retention': {
    en: 'Retention: a run every {interval} s; the size limit removes classes in the order listed',
    vi: 'Lưu giữ: chạy mỗi {interval} giây; khi vượt dung lượng, xóa theo thứ tự các loại dưới đây',
  },
  'db.lastRun': {
    en: 'Last run {when}: {removed} row(s) removed{caught}',
    vi: 'Lần chạy gần nhất {when}: đã xóa {removed} dòng{caught}',
  },
  'db.behind': {
    en: ' (more due: the next runs go on)',
    vi: ' (còn dữ liệu cần xóa: các lần sau sẽ tiếp tục)',
  },
  'db.noRun': { en: 'No retention run yet', vi: 'Chưa chạy lần nào' },
  'db.runError': { en: 'Last run stopped: {error}', vi: 'Lần chạy gần nhất bị dừng: {error}' },
  'db.migrate.copied': {
    en: '{table}: {rows} row(s) copied',
    vi: '{table}: đã chép {rows} dòng',
  },
  'db.migrate.count': {
    en: '{table}: {source} row(s) in SQLite, {target} in PostgreSQL',
    vi: '{table}: {source} dòng trong SQLite, {target} dòng trong PostgreSQL',
  },
  'db.migrate.done': {
    en: 'Done: every table has the same number of rows. Start the hub with --db pointing at the new database.',
    vi: 'Xong: mọi bảng có cùng số dòng. Hãy khởi động trung tâm với --db trỏ tới cơ sở dữ liệu mới.',
  },
  'db.migrate.mismatch': {
    en: 'ROW COUNTS DIFFER in {n} table(s): do not start a hub on this copy; drop the database and migrate again.',
    vi: 'SỐ DÒNG KHÁC NHAU ở {n} bảng: đừng chạy trung tâm trên bản chép này; hãy xóa cơ sở dữ liệu và chép lại.',
  },
  'db.usage': {
    en: 'usage: districtctl db status',
    vi: 'cách dùng: districtctl db status',
  },
};
