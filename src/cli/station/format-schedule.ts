/** Human rendering of schedule, play-log and emergency answers (JSON stays JSON with --json). */
import { endText, type Lang, translate } from '../../core/i18n.js';
import type { EmergencyStatus } from '../../schedule/emergency.js';
import type { PlayLogEntry } from '../../schedule/play-log.js';
import type { ShowResult } from '../../schedule/service.js';
import { when } from './format.js';
import { scheduleMessages } from './messages-schedule.js';
import { spoken } from './refusals.js';

const t = (lang: Lang, key: string, vars?: Record<string, string | number>) =>
  translate(scheduleMessages, lang, key, vars);

/** "2026-01-05 05:30:00" → "T2 2026-01-05". */
function dayLabel(local: string, lang: Lang): string {
  const date = local.slice(0, 10);
  return `${t(lang, `day.${new Date(`${date}T00:00:00Z`).getUTCDay()}`).padEnd(3)} ${date}`;
}

export function renderShow(r: ShowResult, days: number, lang: Lang): string {
  if (r.version === null) return t(lang, 'sched.none');
  const until = r.validUntilLocal?.slice(0, 16) ?? '-';
  const lines = [t(lang, 'sched.title', { version: r.version, tz: r.timezone, until })];
  if (r.stale) lines.push(`  ! ${t(lang, 'sched.stale')}`);
  if (!r.items.length) lines.push(`  ${t(lang, 'sched.empty', { days })}`);
  let lastDay = '';
  for (const i of r.items) {
    const day = dayLabel(i.startLocal, lang);
    const endDay = i.endLocal.slice(0, 10) === i.startLocal.slice(0, 10) ? '' : '+1';
    lines.push(
      `  ${day === lastDay ? ' '.repeat(day.length) : day}  ${i.startLocal.slice(11, 16)}–${i.endLocal.slice(11, 16)}${endDay.padEnd(2)}  ${t(lang, `tier.${i.tier}`).padEnd(12)} ${t(lang, 'sched.zones', { zones: i.zones.join(',') }).padEnd(14)} ${i.title} [${i.programmeId}]`,
    );
    lastDay = day;
  }
  return lines.join('\n');
}

function heard(e: PlayLogEntry, lang: Lang): string {
  const kind = (k: string) => (scheduleMessages[`log.kind.${k}`] ? t(lang, `log.kind.${k}`) : k);
  // the only reason a source change carries is the programme's own (replaced)
  const why = (w: string) => spoken(lang, w, w === e.replaced ? e.replacedText : undefined);
  return e.sources
    .map(
      (s) =>
        `${t(lang, s.using === 'fallback' ? 'log.fallback' : 'log.live')}${s.kind ? `(${kind(s.kind)})` : ''}${s.why ? `: ${why(s.why)}` : ''}`,
    )
    .join(' → ');
}

function confirmation(e: PlayLogEntry, lang: Lang): string {
  const c = e.confirmed;
  if (!c) return '';
  const all = [
    [t(lang, 'log.amp'), c.amplifier] as const,
    ...Object.entries(c.zones).map(([z, v]) => [t(lang, 'log.zone', { z }), v] as const),
  ];
  if (all.every(([, v]) => v === undefined)) return t(lang, 'log.noFeedback');
  const bad = all.filter(([, v]) => v === false).map(([n]) => n);
  return bad.length ? `! ${t(lang, 'log.unconfirmed', { which: bad.join(', ') })}` : t(lang, 'log.confirmed');
}

export type TimedEntry = PlayLogEntry & { startTime?: string; endTime?: string };

export function renderPlayLog(entries: TimedEntry[], lang: Lang): string {
  if (!entries.length) return t(lang, 'log.none');
  return entries
    .map((e) => {
      // "2026-12-05 19:00:00–19:05:00 +07:00": the station's local time and its offset
      const start = when(e.start, e.startTime);
      const end = e.end === undefined ? t(lang, 'log.onAir') : when(e.end, e.endTime).slice(11, 19);
      const title = spoken(lang, e.title, e.titleText);
      const replaced = e.replaced
        ? ` (${t(lang, 'log.replaced')}: ${spoken(lang, e.replaced, e.replacedText)})`
        : '';
      const head = `${start.slice(0, 19)}–${end} ${start.slice(20)}  ${t(lang, `tier.${e.tier}`).padEnd(12)} ${title}${replaced}`;
      const tail = [
        `${t(lang, 'sched.zones', { zones: e.zones.join(',') })}`,
        heard(e, lang),
        confirmation(e, lang),
        e.speech
          ? t(lang, 'log.speech', { sha: e.speech.textSha256.slice(0, 12), voice: e.speech.voice })
          : '',
        e.endReason ? spoken(lang, e.endReason, endText(e.endReason)) : '',
      ]
        .filter(Boolean)
        .join('; ');
      return `${head}\n    ${tail}`;
    })
    .join('\n');
}

export function renderEmergency(s: EmergencyStatus, lang: Lang): string {
  if (!s.active) {
    const last = s.last
      ? `\n${t(lang, 'emg.last', { id: s.last.id, when: when(s.last.ended, s.last.endedTime), reason: spoken(lang, s.last.reason, endText(s.last.reason)) })}`
      : '';
    return `${t(lang, 'emg.idle')}${last}`;
  }
  const line = t(lang, 'emg.active', {
    id: s.id ?? '',
    origin: s.origin ?? '',
    phase: t(lang, `phase.${s.phase}`),
    rep: s.repetition ?? 0,
    repeat: s.repeat ?? 0,
    zones: (s.zones ?? []).join(','),
    message: s.attentionOnly ? t(lang, 'emg.attentionOnly') : (s.message ?? ''),
  });
  return s.latencyMs === undefined ? line : `${line}\n  ${t(lang, 'emg.latency', { ms: s.latencyMs })}`;
}

export function renderEmergencyStarted(s: EmergencyStatus, lang: Lang): string {
  return t(lang, 'emg.started', {
    id: s.id ?? '',
    zones: (s.zones ?? []).join(','),
    repeat: s.repeat ?? 1,
    message: s.attentionOnly ? t(lang, 'emg.attentionOnly') : (s.message ?? ''),
  });
}

export { t as ts };
