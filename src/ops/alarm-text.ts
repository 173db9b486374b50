/** One active alarm for people: in English the daemon's own message, in Vietnamese by kind. */
import { type ActiveAlarm, alarmTextOf } from '../core/events.js';
import { type Lang, renderText } from '../core/i18n.js';
import { alarmMessages } from './alarm-messages.js';

/** The same words as the alarm's raised event carries (core/events.ts alarmTextOf). */
export function alarmText(a: Pick<ActiveAlarm, 'key' | 'message' | 'details'>, lang: Lang): string {
  if (lang === 'en') return a.message;
  return renderText(alarmMessages, lang, alarmTextOf(a.key, a.details)) ?? a.message;
}
