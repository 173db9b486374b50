/** One active alarm for people: in English the daemon's own message, in Vietnamese by kind. */
import { type ActiveAlarm, alarmTextOf } from '../core/events.js';
import { type Lang, renderText, type Text } from '../core/i18n.js';
import { alarmMessages } from './alarm-messages.js';
import { eventMessages } from './event-messages.js';

/** Every catalogue a station event's keyed text may name: the events', the alarms' (as variables too). */
const EVENT_CATALOG = { ...eventMessages, ...alarmMessages };

/** The same words as the alarm's raised event carries (core/events.ts alarmTextOf). */
export function alarmText(a: Pick<ActiveAlarm, 'key' | 'message' | 'details'>, lang: Lang): string {
  if (lang === 'en') return a.message;
  return renderText(alarmMessages, lang, alarmTextOf(a.key, a.details)) ?? a.message;
}

/**
 * A station event for a reader at the hub (console, districtctl) in `lang`: its keyed text (as
 * sent, or made again from its details: core/event-text.ts) when this catalogue can say it
 * whole; otherwise the station's English, never half a sentence in each language.
 */
export function eventText(e: { message: string; text?: Text | undefined }, lang: Lang): string {
  if (lang === 'en' || !e.text) return e.message;
  return renderText(EVENT_CATALOG, lang, e.text) ?? e.message;
}
