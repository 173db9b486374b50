/** Human rendering of the hub's answers for districtctl (JSON stays JSON with --json). */
import { type Lang, translate } from '../../core/i18n.js';
import type { CommandInfo__Output } from '../../gen/loa/district/v1/CommandInfo.js';
import type { DistrictEvent__Output } from '../../gen/loa/district/v1/DistrictEvent.js';
import type { StationSummary__Output } from '../../gen/loa/district/v1/StationSummary.js';
import { eventText } from '../../ops/alarm-text.js';
import { textFromWire } from '../../wire/session.js';
import { fromStruct } from '../../wire/struct.js';
import { linkRows } from './link.js';
import { districtMessages } from './messages.js';

const t = (lang: Lang, key: string, vars?: Record<string, string | number>) =>
  translate(districtMessages, lang, key, vars);

export function ago(ms: number, now: number, lang: Lang): string {
  if (!ms) return t(lang, 'word.never');
  const s = Math.max(0, Math.round((now - ms) / 1000));
  const text =
    s < 90
      ? `${s}s`
      : s < 5400
        ? `${Math.round(s / 60)}m`
        : s < 172_800
          ? `${Math.round(s / 3600)}h`
          : `${Math.round(s / 86_400)}d`;
  return t(lang, 'word.ago', { t: text });
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function renderStations(list: StationSummary__Output[], lang: Lang, now: number): string {
  if (list.length === 0) return t(lang, 'stations.none');
  const rows = [
    ['col.station', 'col.link', 'col.onAir', 'col.power', 'col.alarms', 'col.contact'].map((k) => t(lang, k)),
  ];
  for (const s of list)
    rows.push([
      s.stationId,
      t(lang, s.online ? 'word.online' : 'word.offline'),
      s.onAir || '-',
      s.power || '-',
      s.alarms.length ? s.alarms.join(',') : '-',
      s.online ? ago(s.lastContactMs, now, lang) : ago(s.lastContactMs, now, lang),
    ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export interface StationDetail {
  summary: StationSummary__Output;
  status: Record<string, unknown>;
}

export function renderStation(d: StationDetail, lang: Lang, now: number): string {
  const s = d.summary;
  const st = d.status as {
    power?: { state?: string };
    transmitter?: { state?: string; forwardW?: number; reflectedW?: number; temperatureC?: number };
    alarms?: { key: string; message: string; since: number }[];
  };
  const lines = [
    t(lang, 'status.title', { id: s.stationId, link: t(lang, s.online ? 'word.online' : 'word.offline') }),
  ];
  const row = (k: string, v: string) => lines.push(`  ${t(lang, k).padEnd(22)} ${v}`);
  row(
    'status.contact',
    `${ago(s.lastContactMs, now, lang)}${s.lastContactMs ? ` (${stamp(s.lastContactMs)}Z)` : ''}`,
  );
  row('status.software', s.softwareVersion || '-');
  row('status.power', st.power?.state ?? '-');
  const tx = st.transmitter;
  if (tx)
    row(
      'status.tx',
      `${tx.state ?? '-'}  fwd ${tx.forwardW ?? '-'} W  refl ${tx.reflectedW ?? '-'} W  ${tx.temperatureC ?? '-'} °C`,
    );
  for (const [label, value] of linkRows(s.link, lang)) lines.push(`  ${label.padEnd(22)} ${value}`);
  row('status.onAir', s.onAir || '-');
  row(
    'status.schedule',
    t(lang, 'status.scheduleLine', { desired: s.desiredVersion, applied: s.appliedVersion }),
  );
  row('status.commands', String(s.pendingCommands));
  row('status.events', `#${s.lastSeq}`);
  const alarms = st.alarms ?? [];
  row('status.alarms', alarms.length ? '' : t(lang, 'word.none'));
  for (const a of alarms) lines.push(`    ! ${stamp(a.since)}Z ${a.key}: ${a.message}`);
  return lines.join('\n');
}

export function renderEvents(list: DistrictEvent__Output[], lang: Lang, emptyKey = 'events.none'): string {
  if (list.length === 0) return t(lang, emptyKey);
  return list.map((e) => renderEvent(e, lang)).join('\n');
}

/** One event a line; its words in `lang` from the text the station sent (else its English). */
export function renderEvent(e: DistrictEvent__Output, lang: Lang): string {
  const ev = e.event;
  const sev = ev?.severity === 'alarm' ? '!' : ev?.severity === 'warning' ? '~' : ' ';
  const words = ev
    ? eventText({ message: ev.message, text: textFromWire(ev.text, ev.kind, fromStruct(ev.details)) }, lang)
    : '';
  return `${stamp(e.tsMs)} ${e.stationId.padEnd(14)} ${String(e.seq).padStart(6)} ${sev} ${(ev?.kind ?? '').padEnd(24)} ${words}`;
}

export function renderCommand(c: CommandInfo__Output, lang: Lang): string {
  const msg = c.message ? `: ${c.message}` : '';
  return t(lang, 'cmd.sent', {
    method: c.method,
    station: c.stationId,
    status: t(lang, `cmd.status.${c.status}`),
    msg,
  });
}
