/**
 * The schedule document (desired state from the district, or a technician's file): versioned,
 * validated in full before anything changes. Errors name the programme by id, the field and
 * what is allowed. Tiers follow Circular 39/2020/TT-BTTTT: normal, priority, emergency — and an
 * emergency is a command (stationctl emergency start, the button, the district), never a
 * scheduled item.
 */
import { z } from 'zod';
import { said } from '../core/validate.js';
import { SCHEDULE_LIMITS } from '../security/schedule-limits.js';
import { voiceSchema } from '../speech/config.js';
import { MAX_TEXT_CHARS } from '../speech/text.js';
import { isTimeZone, parseDate, parseDuration, parseTimeOfDay, WEEKDAYS } from './zoned-time.js';

export const SCHEDULE_SCHEMA = 1;

const programmeId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    said('lower-case letters, digits, ".", "_" or "-", up to 64', 'v.own.id'),
  );

const date = z
  .string()
  .refine((s) => parseDate(s) !== undefined, said('a date such as "2026-02-01"', 'v.own.date'));
const timeOfDay = z
  .string()
  .refine(
    (s) => parseTimeOfDay(s) !== undefined,
    said('a local time "HH:MM" or "HH:MM:SS" (00:00–23:59:59)', 'v.own.time'),
  );
const duration = z
  .string()
  .refine(
    (s) => parseDuration(s) !== undefined && (parseDuration(s) as number) <= 86_400_000,
    said('a duration such as "1h", "45m", "1h30m" or "90s", at most 24h', 'v.own.duration'),
  );
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, said('64 lower-case hex digits (the media sha256)', 'v.own.sha256'));
const url = z
  .string()
  .max(2048)
  .regex(/^(https?|rtsp|rtmp|icecast):\/\/\S+$/, said('an http(s)://, rtsp:// or rtmp:// URL', 'v.own.url'));

/** A file: from the media cache by its sha256, or by absolute path on the station. */
export const mediaRef = z.union([
  z.strictObject({ sha256 }),
  z.strictObject({ path: z.string().regex(/^\//, said('an absolute path on the station', 'v.own.path')) }),
]);

const playlist = z.strictObject({
  kind: z.literal('playlist'),
  items: z.array(mediaRef).min(1).max(SCHEDULE_LIMITS.playlistItems),
  shuffle: z.boolean().default(false),
  /** Start again from the top until the window ends (a relay's fallback always loops). */
  loop: z.boolean().default(false),
});

/** A notice read out by the station's own voice (src/speech), between two chimes. */
const text = z.strictObject({
  kind: z.literal('text'),
  text: z
    .string()
    .trim()
    .min(1, said('the notice to read out (empty)', 'v.own.textEmpty'))
    .max(
      MAX_TEXT_CHARS,
      said(
        `at most ${MAX_TEXT_CHARS} characters (about 3 minutes of speech); split it or record it`,
        'v.own.textLong',
        { max: MAX_TEXT_CHARS },
      ),
    ),
  voice: voiceSchema.optional(),
  repeat: z.number().int().min(1).max(10).default(1),
});

export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('relay'), url, fallback: playlist.optional() }),
  playlist,
  z.strictObject({ kind: z.literal('file'), file: mediaRef }),
  text,
]);

export const programmeSchema = z.strictObject({
  id: programmeId,
  title: z.string().min(1).max(200),
  tier: z
    .string()
    .refine(
      (t) => t === 'normal' || t === 'priority',
      'allowed "normal" or "priority"; emergency bulletins are started by command, not scheduled',
    )
    .default('normal'),
  source: sourceSchema,
  /** Days of the week it runs; omitted = every day. */
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
  /** Inclusive date range (local dates of the start). */
  from: date.optional(),
  to: date.optional(),
  /** A one-off on this local date. */
  date: date.optional(),
  start: timeOfDay,
  duration: duration.optional(),
  /** Local end time; at or before `start` means the next day (crossing midnight). */
  end: timeOfDay.optional(),
  zones: z
    .union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)], {
      error: said('allowed "all" or a list of zone numbers such as [1, 2]', 'v.own.zones'),
    })
    .default('all'),
  volume: z.number().min(0).max(1).default(1),
});

export const scheduleSchema = z.strictObject({
  schema: z.literal(SCHEDULE_SCHEMA),
  /** The district's version of this desired state (reported back to it). */
  version: z.number().int().min(1),
  timezone: z
    .string()
    .refine(isTimeZone, said('an IANA time zone such as "Asia/Ho_Chi_Minh"', 'v.own.tz'))
    .optional(),
  /** After this local date (end of day) or instant the schedule is stale (alarm, keeps playing). */
  valid_until: z.union([date, z.iso.datetime({ offset: true })]),
  /** The commune's order for clashing priority bulletins: programme ids, first wins. */
  priority_order: z.array(programmeId).max(SCHEDULE_LIMITS.priorityOrder).default([]),
  programmes: z.array(programmeSchema).max(SCHEDULE_LIMITS.programmes),
});

export type MediaRef = z.infer<typeof mediaRef>;
export type ProgrammeSource = z.infer<typeof sourceSchema>;
export type TextSource = z.infer<typeof text>;
export type Programme = z.infer<typeof programmeSchema>;
export type ScheduleDoc = z.infer<typeof scheduleSchema>;
export type Tier = 'normal' | 'priority';
