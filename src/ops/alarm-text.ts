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
 * A station event for a reader at the hub (console, districtctl) in `lang`: its keyed text when
 * it carries one this catalogue can say whole; otherwise as alarmEventText says.
 */
export function eventText(
  e: { kind: string; message: string; details: Record<string, unknown>; text?: Text | undefined },
  lang: Lang,
): string {
  if (lang === 'en') return e.message;
  return (e.text && renderText(EVENT_CATALOG, lang, e.text)) || alarmEventText(e, lang);
}

/**
 * An event with its kind, English message and details but no keyed text (from a station older
 * than the hub's text column): an alarm raised or ended reads in `lang` from the alarm
 * catalogue, like `stationctl events` shows it; any other event, and an alarm whose words need
 * details the ended event does not carry, stays in the station's English.
 */
export function alarmEventText(
  e: { kind: string; message: string; details: Record<string, unknown> },
  lang: Lang,
): string {
  if (lang === 'en') return e.message;
  if (e.details.alarm === 'raised')
    return alarmText({ key: e.kind, message: e.message, details: e.details }, lang);
  if (e.details.alarm !== 'cleared') return e.message;
  const text = { key: 'ev.alarm.cleared', vars: { what: alarmTextOf(e.kind, {}) } };
  return renderText(EVENT_CATALOG, lang, text) ?? e.message;
}
