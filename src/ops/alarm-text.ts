/** One active alarm for people: in English the daemon's own message, in Vietnamese by kind. */
import type { ActiveAlarm } from '../core/events.js';
import { type Lang, translate } from '../core/i18n.js';
import { alarmMessages } from './alarm-messages.js';

function vars(a: Pick<ActiveAlarm, 'details'>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(a.details ?? {}))
    if (typeof v === 'number') out[k] = Number.isInteger(v) ? v : Number(v.toFixed(1));
    else if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.join(', ');
  return out;
}

export function alarmText(a: Pick<ActiveAlarm, 'key' | 'message' | 'details'>, lang: Lang): string {
  if (lang === 'en') return a.message;
  const kind = a.key.split(':')[0] ?? a.key;
  const key = `alarm.${kind}`;
  if (!alarmMessages[key]) return a.message;
  return translate(alarmMessages, lang, key, vars(a));
}
