/**
 * The structural limits of a schedule document, wherever one arrives (a technician's
 * schedule.apply/check, the district's PushSchedule, a desired state at the station): what a
 * schedule is (programmes, playlist items, bytes; security/schedule-limits.ts), instead of the generic
 * 500-key bound of command parameters, which refused any schedule over about 54 programmes.
 */
import { LoaError } from '../core/errors.js';
import { checkParams, type JsonLimits, LIMITS } from './hostile.js';
import { SCHEDULE_LIMITS } from './schedule-limits.js';

export const SCHEDULE_JSON_LIMITS: JsonLimits = {
  ...LIMITS,
  // room for the {doc: …} wrapper around the document
  paramsBytes: SCHEDULE_LIMITS.bytes + 1024,
  depth: SCHEDULE_LIMITS.depth,
  // every key costs at least 4 bytes of JSON ("k":0,), so the byte limit bounds the keys
  keys: Math.ceil(SCHEDULE_LIMITS.bytes / 4),
  arrayItems: SCHEDULE_LIMITS.programmes,
};

/** Methods whose parameters carry a whole schedule document as `doc`. */
export const SCHEDULE_METHODS: ReadonlySet<string> = new Set(['schedule.apply', 'schedule.check']);

/** INVALID_ARGUMENT naming the limit (programmes, bytes, depth, …) or nothing. */
export function checkScheduleSize(doc: unknown, root = 'schedule'): void {
  const programmes = (doc as { programmes?: unknown } | null)?.programmes;
  if (Array.isArray(programmes) && programmes.length > SCHEDULE_LIMITS.programmes)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${root}.programmes: at most ${SCHEDULE_LIMITS.programmes} programmes in one schedule (got ${programmes.length}); docs/schedule.md "Size limits"`,
    );
  checkParams(doc, { ...SCHEDULE_JSON_LIMITS, paramsBytes: SCHEDULE_LIMITS.bytes }, root);
}
