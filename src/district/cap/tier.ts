/**
 * From a CAP alert to what the stations read out: the tier (the documented table below), the
 * number of repetitions, and the text of the Vietnamese `info` block (headline, description,
 * instruction). Circular 39/2020/TT-BTTTT tiers; CAP 1.2 §3.2.2 values.
 *
 * | urgency              | severity                  | certainty                 | tier      |
 * | -------------------- | ------------------------- | ------------------------- | --------- |
 * | Immediate            | Extreme, Severe           | Observed, Likely          | emergency |
 * | Immediate, Expected  | Extreme, Severe, Moderate | Observed, Likely, Possible | priority |
 * | any other            | any other                 | Observed, Likely, Possible | normal   |
 * | Past (or certainty Unlikely) | —                 | —                         | not aired |
 */
import type { BulletinTier } from '../../schedule/emergency.js';
import { MAX_TEXT_CHARS } from '../../speech/text.js';
import type { CapInfo } from './parse.js';

/** Warning systems repeat an alert; three times for an emergency (a common siren-and-voice practice). */
export const REPEATS: Record<BulletinTier, number> = { emergency: 3, priority: 2, normal: 1 };

export function tierOf(i: Pick<CapInfo, 'urgency' | 'severity' | 'certainty'>): BulletinTier | undefined {
  if (i.urgency === 'Past' || i.certainty === 'Unlikely') return undefined;
  const likely = i.certainty === 'Observed' || i.certainty === 'Likely';
  if (i.urgency === 'Immediate' && (i.severity === 'Extreme' || i.severity === 'Severe') && likely)
    return 'emergency';
  const soon = i.urgency === 'Immediate' || i.urgency === 'Expected';
  const serious = i.severity === 'Extreme' || i.severity === 'Severe' || i.severity === 'Moderate';
  return soon && serious && i.certainty !== 'Unknown' ? 'priority' : 'normal';
}

/** The Vietnamese info block ("vi", "vi-VN"), if the alert has one. */
export function vietnameseInfo(infos: CapInfo[]): CapInfo | undefined {
  return infos.find((i) => /^vi(-|$)/i.test(i.language));
}

/** headline. description. instruction — cut at a sentence end to fit the text-bulletin limit. */
export function spokenText(i: CapInfo): string {
  const parts = [i.headline, i.description, i.instruction]
    .map((s) => s?.replace(/\s+/g, ' ').trim())
    .filter((s): s is string => !!s)
    .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`));
  const all = parts.join(' ');
  if ([...all].length <= MAX_TEXT_CHARS) return all;
  const cut = [...all].slice(0, MAX_TEXT_CHARS).join('');
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 0 ? cut.slice(0, end + 1) : cut;
}
