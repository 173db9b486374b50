/** The security commands' words, in English and Vietnamese. */
import type { Catalog } from '../core/i18n.js';

export const auditMessages: Catalog = {
  'audit.header': {
    en: 'WHEN (UTC)           WHERE          WHO [ROLE, VIA]  WHAT  RESULT',
    vi: 'THỜI ĐIỂM (UTC)      Ở ĐÂU          AI [VAI TRÒ, QUA]  LỆNH  KẾT QUẢ',
  },
  'audit.none': { en: 'No audit entries match.', vi: 'Không có mục nhật ký kiểm tra nào phù hợp.' },
  'tls.hint': {
    en: ' (no client certificate given: --ca, --cert, --key or LOA_TLS_CA, LOA_TLS_CERT, LOA_TLS_KEY)',
    vi: ' (chưa có chứng chỉ máy khách: --ca, --cert, --key hoặc LOA_TLS_CA, LOA_TLS_CERT, LOA_TLS_KEY)',
  },
};

export const securityMessages: Catalog = {
  'sec.uplink': { en: 'District link', vi: 'Kết nối huyện' },
  'sec.api': { en: 'TCP API', vi: 'API qua TCP' },
  'sec.sockets': { en: 'Local sockets (role):', vi: 'Socket cục bộ (vai trò):' },
  'sec.group': { en: 'group', vi: 'nhóm' },
  'sec.off': { en: 'off', vi: 'tắt' },
  'sec.plain': { en: 'plain text (lab)', vi: 'không mã hóa (chỉ dùng thử nghiệm)' },
  'sec.tls': {
    en: '{cn} ({cert}), until {until}, {n} reload(s)',
    vi: '{cn} ({cert}), hạn đến {until}, đã nạp lại {n} lần',
  },
  'sec.lastError': { en: '; last reload refused: {error}', vi: '; lần nạp lại gần nhất bị từ chối: {error}' },
  'sec.reloaded': {
    en: 'Certificates checked; {n} renewed pair(s) taken. Open sessions stay up.',
    vi: 'Đã kiểm tra chứng chỉ; đã nạp {n} cặp mới. Các phiên đang mở vẫn giữ nguyên.',
  },
};
