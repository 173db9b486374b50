/** Human rendering of the station's answers for stationctl (JSON stays JSON with --json). */
import type { StationStatus } from '../../api/status.js';
import type { StationEvent } from '../../core/events.js';
import { type Lang, translate } from '../../core/i18n.js';
import { humanFromIso } from '../../core/local-time.js';
import type { ModemStatus } from '../../modem/status.js';
import { alarmText } from '../../ops/alarm-text.js';
import { blockText } from '../../power/block-text.js';
import { messages } from './messages.js';
import { spoken } from './refusals.js';

const t = (lang: Lang, key: string, vars?: Record<string, string | number>) =>
  translate(messages, lang, key, vars);

function duration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The 4G row: a cluster's (or any station's) modem, when its profile has one. */
function modemText(section: unknown, lang: Lang): string | undefined {
  const m = section as ModemStatus | undefined;
  if (!m?.signal) return undefined;
  if (!m.present) return t(lang, 'status.modemMissing', { error: m.error ?? '-' });
  const s = m.signal;
  return t(lang, 'status.modemLine', {
    op: s.operator ?? '-',
    tech: (s.tech ?? '-').toUpperCase(),
    rsrp: s.rsrpDbm ?? '-',
    sinr: s.sinrDb ?? '-',
    data: m.data.state,
    month: m.data.monthMb,
  });
}

export function renderStatus(s: StationStatus, lang: Lang): string {
  const onoff = (b: boolean | undefined) => (b === undefined ? '-' : t(lang, b ? 'word.on' : 'word.off'));
  const lines = [
    t(lang, 'status.title', { id: s.stationId, profile: s.profile, uptime: duration(s.uptimeS) }),
  ];
  const row = (label: string, value: string) => lines.push(`  ${t(lang, label).padEnd(14)} ${value}`);
  row(
    'status.power',
    `${t(lang, `state.${s.power.state}`)}${s.power.blockedBy ? ` (${spoken(lang, s.power.blockedBy, blockText(s.power.blockedBy))})` : ''}`,
  );
  const tx = s.transmitter;
  if (tx)
    row(
      'status.tx',
      `${t(lang, `state.${tx.state}`)}  ${t(lang, 'word.fwd')} ${tx.forwardW.toFixed(1)} W  ${t(lang, 'word.refl')} ${tx.reflectedW.toFixed(1)} W  ${tx.temperatureC.toFixed(1)} °C  ${t(lang, 'word.trips')} ${tx.trips}`,
    );
  const a = s.amplifier;
  row(
    'status.amp',
    `${onoff(a.on)}${a.muted ? ` (${t(lang, 'word.muted')})` : ''}  ${t(lang, 'word.contact')} ${onoff(a.feedback)}${a.currentA !== undefined ? `  ${a.currentA.toFixed(2)} A` : ''}${a.temperatureC !== undefined ? `  ${a.temperatureC.toFixed(1)} °C` : ''}`,
  );
  row('status.mains', s.mainsPresent ? t(lang, 'word.present') : t(lang, 'word.lost'));
  const modem = modemText(s.modules.modem, lang);
  if (modem) row('status.modem', modem);
  lines.push(`  ${t(lang, 'status.zones')}`);
  for (const z of s.zones)
    lines.push(
      `    ${String(z.id).padStart(2)} ${z.name.padEnd(20)} ${t(lang, 'word.commanded')} ${onoff(z.commanded).padEnd(4)} ${t(lang, 'word.relay')} ${onoff(z.relay).padEnd(4)} ${t(lang, 'word.contact')} ${onoff(z.feedback)}`,
    );
  lines.push(`  ${t(lang, 'status.alarms')}: ${s.alarms.length ? '' : t(lang, 'status.noAlarms')}`);
  for (const al of s.alarms)
    lines.push(`    ! ${when(al.since, al.sinceTime)} ${al.key}: ${alarmText(al, lang)}`);
  if (s.sim?.faults.length) lines.push(`  ${t(lang, 'status.simFaults')}: ${s.sim.faults.join(', ')}`);
  return lines.join('\n');
}

/**
 * The station's local time with its offset, as the daemon sent it (`time`, ISO 8601); a daemon
 * older than that sent epoch ms only: shown in UTC, and said so.
 */
export function when(ms: number, iso: string | undefined): string {
  return iso ? humanFromIso(iso) : humanFromIso(new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));
}

export function renderEvents(events: Array<StationEvent & { time?: string }>, lang: Lang): string {
  if (events.length === 0) return t(lang, 'events.none');
  return events
    .map((e) => {
      const sev = e.severity === 'alarm' ? '!' : e.severity === 'warning' ? '~' : ' ';
      const sub = messages[`sub.${e.sub}`] ? t(lang, `sub.${e.sub}`) : e.sub;
      const kind = messages[`kind.${e.kind}`] ? t(lang, `kind.${e.kind}`) : e.kind;
      return `${String(e.seq).padStart(6)} ${when(e.ts, e.time)} ${sev} ${sub.padEnd(lang === 'vi' ? 10 : 7)} ${kind.padEnd(22)} ${spoken(lang, e.message, e.text)}`;
    })
    .join('\n');
}
