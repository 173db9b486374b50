/**
 * The schedule's commands, independent of transport (local socket now, gRPC later):
 * schedule.get/check/apply/show, playLog, emergency.start/stop/status. Every input is
 * validated first; a rejected input changes nothing.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { keyed, type LoaError } from '../core/errors.js';
import { invalidInput } from '../core/validate.js';
import type { EmergencyOrigin, EmergencyRequest } from './emergency.js';
import { timeline } from './plan.js';
import type { PlayLogEntry } from './play-log.js';
import { DAY_MS, formatLocal } from './zoned-time.js';

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input ?? {}, { reportInput: true });
  if (!r.success) throw invalidInput(what, r.error.issues);
  return r.data;
}

export const docParams = z.strictObject({ doc: z.unknown() });

export const showParams = z.strictObject({
  days: z.number().int().min(1).max(31).default(7),
  from: z.number().int().min(0).optional(),
});

export const playLogParams = z.strictObject({
  sinceTs: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(10_000).default(200),
});

export const emergencyParams = z.strictObject({
  /** An absolute file path on the station, or an http(s)/rtsp URL; omitted: attention signal only. */
  source: z.string().min(1).max(2048).optional(),
  zones: z.union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)]).default('all'),
  repeat: z.number().int().min(1).max(20).default(1),
  everyS: z.number().int().min(0).max(3600).default(0),
  commandId: z.string().max(128).optional(),
});

export interface ShowItem {
  start: number;
  end: number;
  startLocal: string;
  endLocal: string;
  programmeId: string;
  title: string;
  tier: string;
  zones: number[];
}

export interface ShowResult {
  timezone: string;
  version: number | null;
  validUntil: number | null;
  validUntilLocal: string | null;
  stale: boolean;
  items: ShowItem[];
}

/**
 * What plays in [from, from + days), each item with its real times: the programme on air at
 * `from` shows from its own start (05:30–06:30 at 05:41, not 05:41–06:30), the last one to
 * its own end. A programme runs at most a day, so a day either side finds its edges.
 */
export function showItems(plan: import('./compile.js').Plan, from: number, days: number): ShowItem[] {
  const to = from + days * DAY_MS;
  const segments = timeline(plan, from - DAY_MS, to + DAY_MS).filter((s) => s.end > from && s.start < to);
  return segments.map((s) => ({
    start: s.start,
    end: s.end,
    startLocal: formatLocal(s.start, plan.tz),
    endLocal: formatLocal(s.end, plan.tz),
    programmeId: s.item.rule.id,
    title: s.item.rule.title,
    tier: s.item.rule.tier,
    zones: s.item.rule.zones,
  }));
}

export function parseShow(x: unknown) {
  return parse(showParams, x, 'schedule.show');
}

export function parsePlayLog(x: unknown) {
  return parse(playLogParams, x, 'playLog');
}

/**
 * Our limit for a schedule document: a year of a commune's daily programmes is a few hundred
 * kB; 1 MiB leaves room and stays well under gRPC's 4 MiB message limit.
 */
export const SCHEDULE_MAX_BYTES = 1024 * 1024;

export function tooBig(what: string, bytes: number): LoaError {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return keyed(
    'INVALID_ARGUMENT',
    `${what}: a schedule is at most ${mb(SCHEDULE_MAX_BYTES)} (this one is ${mb(bytes)}); split it or remove unused programmes`,
    'r.scheduleBig',
    { what, max: mb(SCHEDULE_MAX_BYTES), size: mb(bytes) },
  );
}

export function parseDoc(x: unknown, what: string): unknown {
  const p = parse(docParams, x, what);
  if (p.doc === undefined)
    throw keyed('INVALID_ARGUMENT', `${what}: doc: the schedule document (got nothing)`, 'r.noDoc', { what });
  const bytes = Buffer.byteLength(JSON.stringify(p.doc));
  if (bytes > SCHEDULE_MAX_BYTES) throw tooBig(`${what}: doc`, bytes);
  return p.doc;
}

/** Validates an emergency request: the message exists, the zones exist. */
export async function emergencyRequest(
  x: unknown,
  origin: EmergencyOrigin,
  zoneIds: number[],
): Promise<EmergencyRequest> {
  const p = parse(emergencyParams, x, 'emergency.start');
  const zones = p.zones === 'all' ? zoneIds : [...new Set(p.zones)].sort((a, b) => a - b);
  for (const z of zones)
    if (!zoneIds.includes(z))
      throw keyed(
        'INVALID_ARGUMENT',
        `emergency.start: zones: zone ${z} does not exist; allowed: ${zoneIds.join(', ')} or "all"`,
        'r.noZone',
        { what: 'emergency.start', zone: z, allowed: zoneIds.join(', ') },
      );
  return {
    message: p.source === undefined ? null : await messageOf(p.source),
    zones,
    repeat: p.repeat,
    everyS: p.everyS,
    origin,
    ...(p.commandId ? { commandId: p.commandId } : {}),
  };
}

async function messageOf(src: string): Promise<EmergencyRequest['message']> {
  if (/^(https?|rtsp|rtmp):\/\//.test(src)) return { kind: 'stream', url: src };
  if (!isAbsolute(src))
    throw keyed(
      'INVALID_ARGUMENT',
      `emergency.start: source: an absolute file path or an http(s):// or rtsp:// URL (got "${src}")`,
      'r.emergencySource',
      { got: src },
    );
  const st = await stat(src).catch(() => undefined);
  if (!st?.isFile())
    throw keyed('NOT_FOUND', `emergency.start: source: no file ${src} on the station`, 'r.emergencyNoFile', {
      path: src,
    });
  return { kind: 'file', path: src };
}

export type { PlayLogEntry };
