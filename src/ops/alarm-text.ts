/** One active alarm for people: in English the daemon's own message, in Vietnamese by kind. */
import { type ActiveAlarm, alarmTextOf } from '../core/events.js';
import { type Lang, renderText } from '../core/i18n.js';
import { alarmMessages } from './alarm-messages.js';
import { eventMessages } from './event-messages.js';

/** The same words as the alarm's raised event carries (core/events.ts alarmTextOf). */
export function alarmText(a: Pick<ActiveAlarm, 'key' | 'message' | 'details'>, lang: Lang): string {
  if (lang === 'en') return a.message;
  return renderText(alarmMessages, lang, alarmTextOf(a.key, a.details)) ?? a.message;
}

/**
 * An event as a reader who has its kind, English message and details but not its keyed text
 * (the hub stores no text): an alarm raised or ended reads in `lang` from the alarm catalogue,
 * like `stationctl events` shows it; any other event, and an alarm whose words need details the
 * ended event does not carry, stays in the station's English.
 */
export function alarmEventText(
  e: { kind: string; message: string; details: Record<string, unknown> },
  lang: Lang,
): string {
  if (lang === 'en') return e.message;
  if (e.details.alarm === 'raised')
    return alarmText({ key: e.kind, message: e.message, details: e.details }, lang);
  if (e.details.alarm !== 'cleared') return e.message;
  const cat = { ...eventMessages, ...alarmMessages };
  const text = { key: 'ev.alarm.cleared', vars: { what: alarmTextOf(e.kind, {}) } };
  return renderText(cat, lang, text) ?? e.message;
}
