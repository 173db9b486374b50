/** stationctl link: the district link as the technician sees it (the uplink module's status). */
import type { Catalog } from '../../core/i18n.js';
import { translate } from '../../core/i18n.js';
import { type Command, show } from './context.js';

export const uplinkMessages: Catalog = {
  'link.off': {
    en: 'District link: off (no district configured: --district HOST:PORT or LOA_DISTRICT).',
    vi: 'Kết nối huyện: tắt (chưa cấu hình huyện: --district HOST:PORT hoặc LOA_DISTRICT).',
  },
  'link.title': { en: 'District link to {district}: {state}', vi: 'Kết nối tới huyện {district}: {state}' },
  'link.state.up': { en: 'connected', vi: 'đã kết nối' },
  'link.state.connecting': { en: 'connecting…', vi: 'đang kết nối…' },
  'link.state.waiting': { en: 'DOWN, retrying', vi: 'MẤT KẾT NỐI, đang thử lại' },
  'link.state.stopped': { en: 'stopped', vi: 'đã dừng' },
  'link.outbox': {
    en: '  Waiting to send    {items} item(s), {bytes} bytes{drops}',
    vi: '  Chờ gửi            {items} mục, {bytes} byte{drops}',
  },
  'link.drops': { en: ' ({n} dropped: outbox full)', vi: ' ({n} mục bị bỏ: hộp thư đầy)' },
  'link.error': { en: '  Last problem       {msg}', vi: '  Lỗi gần nhất       {msg}' },
  'link.schedule': {
    en: '  Schedule version   {v} running{fetch}',
    vi: '  Lịch phát          phiên bản {v} đang chạy{fetch}',
  },
  'link.hubs': {
    en: '  District hubs      {list} (another is tried when one fails)',
    vi: '  Các máy chủ huyện  {list} (máy này lỗi thì thử máy khác)',
  },
  'link.fetching': {
    en: ', fetching {n} file(s) for version {v}',
    vi: ', đang tải {n} tệp cho phiên bản {v}',
  },
};

interface UplinkView {
  enabled: boolean;
  district?: string;
  /** The hub in use or tried next; `hubs` when the district lists several. */
  hub?: string;
  hubs?: { address: string }[];
  link?: string;
  lastError?: string;
  outbox?: { items: number; bytes: number; pendingDrops: number };
  desired?: { appliedVersion: number; fetchingVersion: number; mediaMissing: number };
}

export const uplinkUsage = [
  'link                           the district link: connected?, backlog, schedule version',
];

export const uplinkCommands: Record<string, Command> = {
  async link(ctx) {
    const u = (await ctx.call('uplink.status')) as UplinkView;
    const t = (k: string, v?: Record<string, string | number>) => translate(uplinkMessages, ctx.lang, k, v);
    show(ctx, u, () => {
      if (!u.enabled) return t('link.off');
      const o = u.outbox ?? { items: 0, bytes: 0, pendingDrops: 0 };
      const d = u.desired ?? { appliedVersion: 0, fetchingVersion: 0, mediaMissing: 0 };
      const lines = [
        t('link.title', { district: u.hub ?? u.district ?? '?', state: t(`link.state.${u.link}`) }),
        t('link.outbox', {
          items: o.items,
          bytes: o.bytes,
          drops: o.pendingDrops ? t('link.drops', { n: o.pendingDrops }) : '',
        }),
        t('link.schedule', {
          v: d.appliedVersion,
          fetch: d.fetchingVersion ? t('link.fetching', { n: d.mediaMissing, v: d.fetchingVersion }) : '',
        }),
      ];
      if (u.hubs && u.hubs.length > 1)
        lines.push(t('link.hubs', { list: u.hubs.map((h) => h.address).join(', ') }));
      if (u.link !== 'up' && u.lastError) lines.push(t('link.error', { msg: u.lastError }));
      return lines.join('\n');
    });
  },
};
