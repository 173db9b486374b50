/**
 * The uplink's own persisted document (uplink.json in the data directory): which district
 * commands were executed (at most once, even across a crash) and the desired state with the
 * version applied. Written atomically through JsonDoc like the station's other documents.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';

const outcome = z.object({
  at: z.number(),
  method: z.string(),
  status: z.enum(['running', 'done', 'failed', 'refused', 'expired']),
  errorCode: z.string().optional(),
  message: z.string().optional(),
  result: z.unknown().optional(),
  /** sha256 of method and parameters: the same id with other content is a reused id, refused. */
  digest: z.string().optional(),
});
export type CommandOutcome = z.infer<typeof outcome>;

export const mediaRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(0),
  name: z.string().max(255).default(''),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

export const desiredSchema = z.object({
  version: z.number().int().min(1),
  schedule: z.record(z.string(), z.unknown()),
  media: z.array(mediaRefSchema).max(10_000),
  receivedAt: z.number(),
});
export type Desired = z.infer<typeof desiredSchema>;

const uplinkStateSchema = z.object({
  schema: z.literal(1),
  executed: z.record(z.string(), outcome),
  desired: desiredSchema.optional(),
  applied: z
    .object({
      version: z.number().int(),
      at: z.number(),
      /** "schedule.apply", or "none" when no schedule module is installed (kept and reported only). */
      applier: z.string(),
    })
    .optional(),
  lastError: z.string().optional(),
  /** A version the station refused (not a broken link): not tried again until a newer one comes. */
  failedVersion: z.number().int().optional(),
});
export type UplinkState = z.infer<typeof uplinkStateSchema>;

export function uplinkStateDoc(dataDir: string, clock: Clock): JsonDoc<UplinkState> {
  return new JsonDoc({
    file: join(dataDir, 'uplink.json'),
    schema: uplinkStateSchema,
    version: 1,
    clock,
    flushMs: 50,
    defaults: () => ({ schema: 1, executed: {} }),
  });
}
