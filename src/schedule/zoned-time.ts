/**
 * Civil dates and local times in an IANA time zone, with the Intl API only (no tz library).
 * Vietnam has had no daylight saving since 1975, but the schedule must stay correct for any
 * zone (see zonedEpoch for how skipped and repeated local times resolve).
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a civil date without a zone). */
export type DayNumber = number;

export interface LocalParts {
  day: DayNumber;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The zone's local wall time at `epochMs`, expressed as if it were UTC (ms). */
function wallAsUtc(epochMs: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
    ms,
  );
}

/** UTC offset of the zone at an instant, ms (Asia/Ho_Chi_Minh: +7 h). */
export function offsetAt(epochMs: number, tz: string): number {
  return wallAsUtc(epochMs, tz) - epochMs;
}

export function localParts(epochMs: number, tz: string): LocalParts {
  const wall = wallAsUtc(epochMs, tz);
  const day = Math.floor(wall / DAY_MS);
  return { day, weekday: weekdayOf(day), msOfDay: wall - day * DAY_MS };
}

export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * The instant at which the local clock shows `msOfDay` on civil date `day` (msOfDay may exceed
 * 24 h). Ambiguities resolve as Temporal's "compatible" mode: a time repeated by a fall-back
 * takes its earlier instant; a time skipped by a spring-forward is moved later by the gap.
 */
export function zonedEpoch(day: DayNumber, msOfDay: number, tz: string): number {
  // memoised: checking a year of one-off dates against daily rules asks for the same local
  // times thousands of times, and each answer costs three Intl formatToParts calls (a
  // 1,100-programme schedule took 3 s to validate without this; docs/schedule.md "Size limits")
  const key = `${tz}|${day}|${msOfDay}`;
  const known = EPOCHS.get(key);
  if (known !== undefined) return known;
  if (EPOCHS.size >= 100_000) EPOCHS.clear();
  const t = computeZonedEpoch(day, msOfDay, tz);
  EPOCHS.set(key, t);
  return t;
}

const EPOCHS = new Map<string, number>();

function computeZonedEpoch(day: DayNumber, msOfDay: number, tz: string): number {
  const wall = day * DAY_MS + msOfDay;
  const before = wall - offsetAt(wall - DAY_MS, tz);
  const after = wall - offsetAt(wall + DAY_MS, tz);
  const valid = [before, after].filter((t) => wallAsUtc(t, tz) === wall);
  if (valid.length) return Math.min(...valid);
  return before; // in a gap: the offset before the change carries the time past the gap
}

/** "2026-02-01" → day number; undefined when it is not a real date. */
export function parseDate(s: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t / DAY_MS;
}

export function formatDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "05:30" or "05:30:15" → ms since midnight; undefined when malformed. */
export function parseTimeOfDay(s: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (!m) return undefined;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** "1h30m", "45m", "90s" → ms; undefined when malformed or zero. */
export function parseDuration(s: string): number | undefined {
  const m = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,5})s)?$/.exec(s);
  if (!m || s === '') return undefined;
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
  return ms > 0 ? ms : undefined;
}

/** Local time as "YYYY-MM-DD HH:MM:SS" in the zone (for people; JSON keeps epoch ms). */
export function formatLocal(epochMs: number, tz: string): string {
  return new Date(wallAsUtc(epochMs, tz)).toISOString().replace('T', ' ').slice(0, 19);
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export { DAY_MS };
