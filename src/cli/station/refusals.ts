/**
 * What the daemon says, in the reader's language. The daemon answers in English (its logs,
 * the district and scripts read the same words) and carries each message as a catalogue key
 * with its variables (LoaError.text, StationEvent.text); stationctl renders that key here.
 * A message without a key, or with a key this stationctl does not know (a newer daemon), is
 * shown whole in English — never half a sentence in each language.
 */
import type { LoaError } from '../../core/errors.js';
import { type Catalog, type Lang, renderText, type Text } from '../../core/i18n.js';
import { alarmMessages } from '../../ops/alarm-messages.js';
import { eventMessages } from '../../ops/event-messages.js';
import { refusalMessages } from './messages-refusals.js';
import { validationMessages } from './messages-validation.js';

/** Every keyed message of the daemon: refusals, validation, events, alarms. */
export const spokenMessages: Catalog = {
  ...refusalMessages,
  ...validationMessages,
  ...eventMessages,
  ...alarmMessages,
};

/** `english` in `lang`: through its keyed `text` when it has one this catalogue knows. */
export function spoken(lang: Lang, english: string, text: Text | undefined): string {
  if (lang === 'en' || !text) return english;
  return renderText(spokenMessages, lang, text) ?? english;
}

export function refusal(err: LoaError, lang: Lang): string {
  return spoken(lang, err.message, err.text);
}
