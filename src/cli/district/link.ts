/**
 * The 4G link of a station as districtctl shows it (words in English and Vietnamese): the
 * signal cell of `districtctl clusters` and the 4G rows of `districtctl status ID`.
 */
import { type Lang, translate } from '../../core/i18n.js';
import type { LinkQuality__Output } from '../../gen/loa/district/v1/LinkQuality.js';

export const clusterMessages = {
  'cl.none': {
    en: 'No station reports a 4G modem yet.',
    vi: 'Chưa có đài/cụm loa nào báo cáo modem 4G.',
  },
  'cl.col.station': { en: 'CLUSTER', vi: 'CỤM LOA' },
  'cl.col.signal': { en: 'SIGNAL', vi: 'SÓNG' },
  'cl.col.rsrp': { en: 'RSRP', vi: 'RSRP' },
  'cl.col.net': { en: 'NETWORK', vi: 'MẠNG' },
  'cl.col.data': { en: 'DATA', vi: 'DỮ LIỆU' },
  'cl.col.month': { en: 'MONTH/PLAN MB', vi: 'THÁNG/GÓI MB' },
  'cl.col.stream': { en: 'UNDERRUN/RECONN/DEAD AIR', vi: 'HỤT/NỐI LẠI/MẤT TIẾNG' },
  'cl.col.contact': { en: 'LAST CONTACT', vi: 'LIÊN LẠC CUỐI' },
  'cl.q.good': { en: 'good', vi: 'tốt' },
  'cl.q.fair': { en: 'fair', vi: 'khá' },
  'cl.q.poor': { en: 'POOR', vi: 'YẾU' },
  'cl.q.none': { en: 'NONE', vi: 'MẤT SÓNG' },
  'cl.q.unknown': { en: '?', vi: '?' },
  'cl.missing': { en: 'MODEM MISSING', vi: 'MẤT MODEM' },
  'cl.row.signal': { en: '4G signal', vi: 'Sóng 4G' },
  'cl.row.data': { en: '4G data', vi: 'Dữ liệu 4G' },
  'cl.row.stream': { en: 'Stream today', vi: 'Luồng phát hôm nay' },
} as const;

export const t = (lang: Lang, key: string, vars?: Record<string, string | number>) =>
  translate(clusterMessages, lang, key, vars);

export const RANK: Record<string, number> = { none: 0, poor: 1, unknown: 2, fair: 3, good: 4 };
export const dbm = (v: number | undefined | null, unit: string) =>
  v === undefined || v === null ? '-' : `${v} ${unit}`;

export function signalText(l: LinkQuality__Output, lang: Lang): string {
  if (!l.modemPresent) return t(lang, 'cl.missing');
  return t(lang, `cl.q.${l.quality}`);
}

/** The 4G rows of `districtctl status ID` (none when the station has no modem). */
export function linkRows(l: LinkQuality__Output | null | undefined, lang: Lang): [string, string][] {
  if (!l) return [];
  const signal = `${signalText(l, lang)}  RSRP ${dbm(l.rsrpDbm, 'dBm')}  RSRQ ${dbm(l.rsrqDb, 'dB')}  SINR ${dbm(l.sinrDb, 'dB')}  ${l.operator || '-'} ${(l.tech || '-').toUpperCase()}  cell ${l.cellId || '-'}`;
  const data = `${l.dataState} (${l.registration})  ${Math.round(l.monthMb)} MB${l.planMb ? ` / ${Math.round(l.planMb)} MB` : ''}  power cycles 24h ${l.recentPowerCycles}`;
  const stream = `underruns ${l.underrunsToday}  reconnects ${l.reconnectsToday}  dead air ${l.deadAirSToday} s`;
  return [
    [t(lang, 'cl.row.signal'), signal],
    [t(lang, 'cl.row.data'), data],
    [t(lang, 'cl.row.stream'), stream],
  ];
}
