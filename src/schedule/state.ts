/**
 * The applied schedule, persisted (schedule.json in the data dir) so it survives a restart or
 * a power cut; plus the keys of items already done, so a clock that jumps back does not
 * replay them. Applying is atomic: validated in full first, written (temp file, fsync,
 * rename), and only then used; a rejected document changes nothing.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';
import { type ScheduleDoc, scheduleSchema } from './document.js';

export const stateSchema = z.object({
  schema: z.literal(1),
  applied: scheduleSchema.nullable(),
  appliedAt: z.number().nullable(),
  /** Occurrence key → its end instant (pruned a few days after). */
  done: z.record(z.string(), z.number()),
});
export type ScheduleState = z.infer<typeof stateSchema>;

export function stateDoc(dataDir: string, clock: Clock): JsonDoc<ScheduleState> {
  return new JsonDoc({
    file: join(dataDir, 'schedule.json'),
    schema: stateSchema,
    version: 1,
    flushMs: 100,
    defaults: () => ({ schema: 1, applied: null, appliedAt: null, done: {} }),
    clock,
  });
}

/** Writes a new schedule; on a failed write the document in memory is put back as it was. */
export async function persistApplied(
  doc: JsonDoc<ScheduleState>,
  applied: ScheduleDoc,
  at: number,
): Promise<void> {
  const before = { applied: doc.data.applied, appliedAt: doc.data.appliedAt };
  doc.update((s) => {
    s.applied = applied;
    s.appliedAt = at;
  });
  try {
    await doc.flush();
  } catch (e) {
    doc.update((s) => {
      s.applied = before.applied;
      s.appliedAt = before.appliedAt;
    });
    throw e;
  }
}
