/**
 * The schemas of DistrictService requests: every operator request is checked here before any
 * handler runs (operator.ts), so a refusal names the field and what is allowed and changes
 * nothing. Fields are the decoded proto messages (absent strings are "", absent numbers 0).
 */
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { checkFileName } from '../security/hostile.js';
import { own } from '../security/lookup.js';

export const STATION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const stationId = z
  .string()
  .regex(STATION_ID, 'a station id: lower-case letters, digits and "-", at most 63');
const optionalStation = z.union([z.literal(''), stationId]);
const stationIds = z.array(stationId).max(1000);
const limit = z.number().int().min(0).max(10_000);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const METHOD = /^[A-Za-z][\w.]{0,63}$/;

/** A media file name as operators upload it: a plain name, no directories, no "..". */
export const mediaName = z
  .string()
  .max(255)
  .superRefine((v, ctx) => {
    try {
      checkFileName(v, []);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^\(top level\): /, '') });
      return;
    }
    if (/[/\\]/.test(v)) ctx.addIssue({ code: 'custom', message: 'a file name without directories' });
  });

const mediaRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  name: mediaName,
});

export const REQUEST_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ListStations: z.object({
    pageSize: z.number().int().min(0).max(1000).optional(),
    pageToken: z.string().max(200).optional(),
  }),
  GetStation: z.object({ stationId }),
  // the console's line charts (issue 17): a station's measurements over a range
  ListMeasurements: z.object({
    stationId,
    range: z.enum(['24h', '7d', '30d']),
  }),
  WatchStations: z.object({ stationIds }),
  SendCommand: z.object({
    stationIds,
    all: z.boolean(),
    method: z.string().regex(METHOD, 'a station command name such as "emergency.start"'),
    ttlMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000),
  }),
  ListCommands: z.object({
    ids: z.array(z.string().max(64)).max(1000),
    stationId: optionalStation,
    limit,
  }),
  PushSchedule: z.object({ stationIds, all: z.boolean(), media: z.array(mediaRef).max(10_000) }),
  ListAlarms: z.object({ stationIds }),
  ListEvents: z.object({
    stationId: optionalStation,
    sinceMs: epochMs,
    afterSeq: z.number().int().min(0),
    limit,
    severity: z.enum(['', 'info', 'warning', 'alarm']),
    kind: z.string().max(64),
  }),
  ListPlayLog: z.object({ stationId: optionalStation, sinceMs: epochMs, limit }),
  ListAudit: z.object({ stationId: optionalStation, sinceMs: epochMs, limit }),
  GetDatabaseStatus: z.object({}),
  Listen: z.object({ stationId }),
  AcknowledgeAlarm: z.object({
    stationId,
    key: z.string().min(1).max(128),
    sinceMs: epochMs,
    note: z.string().max(500, 'at most 500 characters'),
  }),
  RevokeCertificate: z.object({
    stationId: optionalStation,
    user: z
      .string()
      .regex(/^[\w.@-]{0,64}$/, 'a certificate user name: letters, digits, ".", "@", "_" or "-"'),
    serial: z.string().regex(/^[0-9A-Fa-f]{0,64}$/, 'a serial in hex (openssl x509 -serial)'),
    reason: z.string().max(200),
  }),
};

/** INVALID_ARGUMENT naming the fields, or nothing. Unknown fields were dropped by the decoder. */
export function checkRequest(rpc: string, req: unknown): void {
  const schema = own(REQUEST_SCHEMAS, rpc);
  if (!schema) return;
  const r = schema.safeParse(req ?? {}, { reportInput: true });
  if (!r.success) throw new LoaError('INVALID_ARGUMENT', `${rpc}: ${formatIssues(r.error.issues)}`);
}
