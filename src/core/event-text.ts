/**
 * The words of the station events that come in numbers (operator commands, play-log items,
 * alarms raised and ended), made from the event's details alone: the station words its events with these
 * functions, so a reader that has the details (the hub, districtctl, the console) makes the
 * same text again. On the SIM link and in the hub's database such an event's text is left out
 * (wire/session.ts, district/stations.ts), and an older station's events get their words too.
 */
import { alarmTextOf } from './events.js';
import { endText, isText, type Text } from './i18n.js';

/** An operator command's audit event (security/audit.ts), accepted or refused without a keyed reason. */
export function commandTextOf(d: Record<string, unknown>, why?: Text): Text {
  const shown = JSON.stringify(d.params ?? {});
  const vars = {
    action: String(d.action),
    params: shown === '{}' ? '' : `${shown} `,
    who: String(d.who),
    role: String(d.role),
    via: String(d.via),
    result: { key: `ev.result.${String(d.result)}` },
  };
  return why ? { key: 'ev.command.refused', vars: { ...vars, why } } : { key: 'ev.command', vars };
}

/** A finished play-log item (schedule/play-log.ts): its details are the entry. */
export function playlogTextOf(d: Record<string, unknown>): Text {
  const zones = Array.isArray(d.zones) ? d.zones.join(',') : '';
  return {
    key: 'ev.playlog.item',
    vars: {
      title: isText(d.titleText) ? d.titleText : String(d.title),
      seconds: Math.round((Number(d.end) - Number(d.start)) / 1000),
      zones,
      reason: endText(String(d.endReason)),
    },
  };
}

/** The text an event of this kind with these details has, when its details say it all. */
export function derivedText(kind: string, details: Record<string, unknown>): Text | undefined {
  if (details.alarm === 'raised') {
    const { alarm: _raised, ...d } = details;
    return alarmTextOf(kind, d);
  }
  // the end carries no details: its words are whole only for an alarm whose words need none
  if (details.alarm === 'cleared') return { key: 'ev.alarm.cleared', vars: { what: alarmTextOf(kind, {}) } };
  if (kind === 'command' && !('code' in details)) return commandTextOf(details);
  if (kind === 'playlog.item') return playlogTextOf(details);
  return undefined;
}

/** Whether `text` is exactly what the details make again (then it need not travel or be stored). */
export function isDerived(kind: string, details: Record<string, unknown>, text: Text): boolean {
  const again = derivedText(kind, details);
  return again !== undefined && JSON.stringify(again) === JSON.stringify(text);
}
