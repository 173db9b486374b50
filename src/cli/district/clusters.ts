/**
 * `districtctl clusters`: the 4G link of every station that reports a modem (the loudspeaker
 * clusters of Decision 135): signal, data used against the SIM plan, today's stream health and
 * last contact, worst signal first.
 */
import type { Lang } from '../../core/i18n.js';
import type { LinkQuality__Output } from '../../gen/loa/district/v1/LinkQuality.js';
import type { StationSummary__Output } from '../../gen/loa/district/v1/StationSummary.js';
import { type DCommand, show } from './context.js';
import { ago } from './format.js';
import { dbm, RANK, signalText, t } from './link.js';

function row(s: StationSummary__Output, lang: Lang, now: number): string[] {
  const l = s.link as LinkQuality__Output;
  const plan = l.planMb ? `${Math.round(l.monthMb)}/${Math.round(l.planMb)}` : `${Math.round(l.monthMb)}/-`;
  return [
    s.stationId,
    signalText(l, lang),
    dbm(l.rsrpDbm, 'dBm'),
    `${l.operator || '-'} ${(l.tech || '-').toUpperCase()}`,
    l.dataState,
    plan,
    `${l.underrunsToday}/${l.reconnectsToday}/${l.deadAirSToday}s`,
    ago(Number(s.lastContactMs), now, lang),
  ];
}

export function renderClusters(list: StationSummary__Output[], lang: Lang, now: number): string {
  const withLink = list.filter((s) => s.link);
  if (withLink.length === 0) return t(lang, 'cl.none');
  const rank = (s: StationSummary__Output) => (s.link?.modemPresent ? (RANK[s.link.quality] ?? 2) : -1);
  withLink.sort((a, b) => rank(a) - rank(b) || a.stationId.localeCompare(b.stationId));
  const head = ['station', 'signal', 'rsrp', 'net', 'data', 'month', 'stream', 'contact'].map((k) =>
    t(lang, `cl.col.${k}`),
  );
  const rows = [head, ...withLink.map((s) => row(s, lang, now))];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const clustersCommand: DCommand = async (ctx) => {
  const r = await ctx.hub().call<{ stations: StationSummary__Output[] }>('ListStations');
  const list = r.stations.filter((s) => s.link);
  show(
    ctx,
    list.map((s) => ({
      stationId: s.stationId,
      online: s.online,
      lastContactMs: s.lastContactMs,
      link: s.link,
    })),
    () => renderClusters(list, ctx.lang, ctx.now()),
  );
};
