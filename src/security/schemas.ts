/**
 * The zod schemas of command parameters, by method: the one validation layer every caller
 * (StationService, the district session, districtctl through the hub) goes through, on top of
 * the structural limits in hostile.ts. Methods of modules that validate their own parameters
 * get the structural limits only. A refusal names each field and what is allowed.
 */
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { checkParams } from './hostile.js';
import { own } from './lookup.js';
import { checkScheduleSize, SCHEDULE_JSON_LIMITS, SCHEDULE_METHODS } from './schedule-size.js';

const empty = z.strictObject({});
const bool = z.boolean();

export const PARAM_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  status: empty,
  power: z.strictObject({ on: bool }),
  zone: z.strictObject({ zone: z.number().int().min(1).max(64), on: bool }),
  resetLockout: empty,
  events: z.strictObject({
    limit: z.number().int().min(1).max(10_000).optional(),
    sinceSeq: z.number().int().min(0).optional(),
    sinceTs: z.number().int().min(0).optional(),
    kind: z.string().max(64).optional(),
    severity: z.enum(['info', 'warning', 'alarm']).optional(),
  }),
  simFault: z.strictObject({
    name: z.string().min(1).max(64),
    zone: z.number().int().min(1).max(64).optional(),
    channel: z.string().max(64).optional(),
    count: z.number().int().min(1).max(500).optional(),
  }),
  simClear: z.strictObject({ key: z.string().min(1).max(128).optional() }),
  'uplink.status': empty,
  'uplink.desired': empty,
  'security.status': empty,
  'security.reload': empty,
};

/** The parameters as the handler will receive them, or INVALID_ARGUMENT naming the field. */
export function validateParams(method: string, params: unknown): unknown {
  const doc = SCHEDULE_METHODS.has(method) ? (params as { doc?: unknown } | null)?.doc : undefined;
  if (doc !== undefined) checkScheduleSize(doc, 'params.doc');
  const obj = checkParams(params, doc !== undefined ? SCHEDULE_JSON_LIMITS : undefined);
  const schema = own(PARAM_SCHEMAS, method);
  if (!schema) return obj;
  const r = schema.safeParse(obj ?? {}, { reportInput: true });
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ ...i, path: ['params', ...i.path] }));
    throw new LoaError('INVALID_ARGUMENT', `${method}: ${formatIssues(issues)}`);
  }
  return obj;
}
