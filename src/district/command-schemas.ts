/**
 * District commands checked at the hub with the station's own schemas (issue 13, item 6), so
 * the operator hears "zones: …" at once instead of a refusal from the station minutes later —
 * and the hub never stores or forwards what the station will refuse. The schemas are the
 * modules' own (audio, schedule, lines, the simulator's fault names), in the form the district
 * sends: a bulletin travels as {sha256, sizeBytes, name}, which the station turns into a cached
 * file before its own check. Zone ids are checked against the range of every board profile
 * (1..64); the station checks them again against its own zones.
 */
import { z } from 'zod';
import { addSchema, playSchema } from '../audio/control.js';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { FAULT_NAMES } from '../hal/sim/faults.js';
import { zoneParams } from '../lines/module.js';
import { emergencyParams } from '../schedule/service.js';
import { own } from '../security/lookup.js';
import { PARAM_SCHEMAS } from '../security/schemas.js';

const zoneId = z.number().int().min(1).max(64);
const districtMedia = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits (the media sha256)'),
  sizeBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(255).optional(),
  kind: z.string().max(32).optional(),
});

/**
 * A recorded bulletin from the district: the hub's file by sha256 (sizeBytes and name are
 * filled in from the hub's media store, bulletin-media.ts), at normal or priority only.
 */
const recordedBulletin = z.strictObject({
  audio: districtMedia.extend({ sizeBytes: districtMedia.shape.sizeBytes.optional() }),
  tier: z.enum(['normal', 'priority']),
  repeat: z.number().int().min(1).max(10).optional(),
  everyS: z.number().int().min(0).max(3600).optional(),
  zones: z.union([z.literal('all'), z.array(zoneId).min(1).max(32)]).optional(),
  waitS: z.number().int().min(0).max(3600).optional(),
});

export const DISTRICT_COMMAND_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'bulletin.play': recordedBulletin,
  'emergency.start': emergencyParams.extend({
    source: z.union([z.string().min(1).max(2048), districtMedia]).optional(),
  }),
  'audio.play': playSchema.extend({ zones: z.array(zoneId).max(32).optional() }),
  'fallback.add': addSchema,
  'lines.check': zoneParams,
  'lines.calibrate': zoneParams,
  simFault: (PARAM_SCHEMAS.simFault as z.ZodObject).extend({ name: z.enum(FAULT_NAMES) }),
};

/** INVALID_ARGUMENT naming the field and what is allowed, or nothing. */
export function checkDistrictCommand(method: string, params: unknown): void {
  const schema = own(DISTRICT_COMMAND_SCHEMAS, method);
  if (!schema) return;
  const r = schema.safeParse(params ?? {}, { reportInput: true });
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ ...i, path: ['params', ...i.path] }));
    throw new LoaError('INVALID_ARGUMENT', `${method}: ${formatIssues(issues)}`);
  }
}
