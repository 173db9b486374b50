/**
 * Why the power chain is blocked, as the chain keeps it (English, for logs and the district)
 * and as a keyed text for terminals in another language (core/i18n.ts).
 */
import type { Text } from '../core/i18n.js';

export const MAINS_LOST = 'mains lost';
export const AMP_OVER_TEMP = 'amplifier over temperature';

const KEYS: Record<string, string> = {
  [MAINS_LOST]: 'r.block.mains',
  [AMP_OVER_TEMP]: 'r.block.ampHot',
};

/** A reason without a key renders the whole message in English (never half a sentence). */
export function blockText(reason: string): Text {
  return { key: KEYS[reason] ?? 'r.block.unknown' };
}
