/**
 * Every active alarm appears once in doctor's story. An alarm that a check already explains
 * (a line fault, a stuck relay, the transmitter, mains, the schedule, the clock, missing
 * media) is left to that check; an alarm without a check of its own is explained from the
 * catalogue (`doc.alarm.<kind>`) with its own severity and next step; only an alarm this
 * doctor does not know is shown as it was raised. Findings about one subject are merged:
 * the most severe wins (the clock seen by timedatectl and by the schedule's gate is one
 * finding, not two).
 */
import type { ActiveAlarm } from '../../core/events.js';
import { alarmText } from '../alarm-text.js';
import { type Finding, type FindingStatus, fault, warn } from './types.js';

/** The id of the check finding that explains an alarm, if one does. */
export function alarmSubject(key: string): string | undefined {
  const [kind = '', target = ''] = key.split(':');
  const zone = /^zone\.(\d+)$/.exec(target)?.[1];
  if (kind.startsWith('lines.') && zone) return `line.${zone}`;
  if (kind === 'relay.stuck' && zone) return `zone.${zone}.relay`;
  if (kind === 'relay.stuck' && target === 'amp.power') return 'amp.relay';
  if (['tx.lockout', 'tx.overtemp', 'tx.tripped'].includes(kind)) return 'tx';
  if (kind === 'amp.overtemp') return 'amp.temp';
  if (kind === 'mains.lost') return 'mains';
  if (kind === 'audio.output-lost') return 'audio.sink';
  if (kind === 'schedule.stale') return 'schedule';
  if (kind === 'clock.unsynchronised') return 'clock';
  if (kind === 'schedule.media-missing') return `media.missing.${target}`;
  if (kind === 'speech.fallback') return 'speech';
  return undefined;
}

/** Alarms explained from the catalogue: severity and key (`doc.alarm.<kind>` or a check's own). */
const EXPLAINED: Record<string, [FindingStatus, string]> = {
  'audio.output-silent': ['fault', 'doc.alarm.audio.output-silent'],
  'audio.no-source': ['fault', 'doc.alarm.audio.no-source'],
  'schedule.unplayable': ['fault', 'doc.alarm.schedule.unplayable'],
  'schedule.invalid': ['fault', 'doc.alarm.schedule.invalid'],
  'hal.selftest': ['fault', 'doc.alarm.hal.selftest'],
  'relay.stuck': ['fault', 'doc.alarm.relay.stuck'],
  'tx.sensor': ['warn', 'doc.alarm.tx.sensor'],
  'uplink.config': ['warn', 'doc.alarm.uplink.config'],
  // alarms whose check did not report (or reported ok a moment earlier)
  'clock.unsynchronised': ['fault', 'doc.clock.unsync'],
  'mains.lost': ['fault', 'doc.mains.lost'],
  'tx.lockout': ['fault', 'doc.tx.lockout'],
  'schedule.stale': ['warn', 'doc.schedule.stale'],
  'schedule.media-missing': ['fault', 'doc.media.missing'],
};

function vars(a: ActiveAlarm): Record<string, string | number> {
  const out: Record<string, string | number> = { key: a.key, message: a.message };
  for (const [k, v] of Object.entries(a.details))
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.join(', ');
  out.target = a.key.split(':')[1] ?? '';
  return out;
}

export function explainAlarm(a: ActiveAlarm): Finding {
  const kind = a.key.split(':')[0] ?? a.key;
  const known = EXPLAINED[kind];
  if (known) return (known[0] === 'fault' ? fault : warn)(`alarm.${a.key}`, known[1], vars(a));
  // the finding is rendered later in the reader's language: both words travel with it
  return fault(`alarm.${a.key}`, 'doc.alarm', {
    key: a.key,
    message: a.message,
    messageVi: alarmText(a, 'vi'),
  });
}

const RANK: Record<FindingStatus, number> = { fault: 0, warn: 1, ok: 2 };

/** One finding per id (the most severe; the first of equals). */
export function mergeById(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const had = best.get(f.id);
    if (!had || RANK[f.status] < RANK[had.status]) best.set(f.id, f);
  }
  return findings.filter((f) => best.get(f.id) === f);
}

/**
 * Adds the alarms no check explains. A check that said "ok" about an alarm's subject is
 * replaced by the alarm's explanation: the station's own alarm is the fresher truth.
 */
export function withAlarms(findings: Finding[], alarms: ActiveAlarm[]): Finding[] {
  const out = [...findings];
  for (const a of alarms) {
    const subject = alarmSubject(a.key);
    const i = subject === undefined ? -1 : out.findIndex((f) => f.id === subject);
    if (i >= 0 && out[i]?.status !== 'ok') continue;
    if (i >= 0) out.splice(i, 1);
    out.push(subject ? { ...explainAlarm(a), id: subject } : explainAlarm(a));
  }
  return out;
}
