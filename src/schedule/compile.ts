/**
 * A validated schedule document turned into rules the planner evaluates quickly: times in
 * ms, weekdays as numbers, zones resolved against the station's profile.
 */
import type { Programme, ProgrammeSource, ScheduleDoc, Tier } from './document.js';
import {
  DAY_MS,
  type DayNumber,
  parseDate,
  parseDuration,
  parseTimeOfDay,
  WEEKDAYS,
  zonedEpoch,
} from './zoned-time.js';

export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

export interface Rule {
  id: string;
  title: string;
  tier: Tier;
  source: ProgrammeSource;
  /** Weekdays (0 = Sunday) it runs on; undefined = every day. */
  days: ReadonlySet<number> | undefined;
  fromDay: DayNumber | undefined;
  toDay: DayNumber | undefined;
  startMs: number;
  /** Fixed length, when given as a duration. */
  durationMs: number | undefined;
  /** Local end time of day, when given as `end` (next day when ≤ start). */
  endMs: number | undefined;
  zones: number[];
  volume: number;
  /** Position in the commune's priority order (lower wins); Infinity when not listed. */
  orderRank: number;
}

export interface Plan {
  tz: string;
  version: number;
  validUntilMs: number;
  rules: Rule[];
}

export function validUntilMs(doc: ScheduleDoc, tz: string): number {
  const day = parseDate(doc.valid_until);
  if (day !== undefined) return zonedEpoch(day + 1, 0, tz); // end of that local day
  return Date.parse(doc.valid_until);
}

function ruleOf(p: Programme, allZones: number[], order: string[]): Rule {
  const oneOff = p.date !== undefined ? parseDate(p.date) : undefined;
  const rank = order.indexOf(p.id);
  return {
    id: p.id,
    title: p.title,
    tier: p.tier === 'priority' ? 'priority' : 'normal',
    source: p.source,
    days: p.days ? new Set(p.days.map((d) => WEEKDAYS.indexOf(d))) : undefined,
    fromDay: oneOff ?? (p.from !== undefined ? parseDate(p.from) : undefined),
    toDay: oneOff ?? (p.to !== undefined ? parseDate(p.to) : undefined),
    startMs: parseTimeOfDay(p.start) ?? 0,
    durationMs: p.duration !== undefined ? parseDuration(p.duration) : undefined,
    endMs: p.end !== undefined ? parseTimeOfDay(p.end) : undefined,
    zones: p.zones === 'all' ? [...allZones] : [...new Set(p.zones)].sort((a, b) => a - b),
    volume: p.volume,
    orderRank: rank >= 0 ? rank : Number.POSITIVE_INFINITY,
  };
}

/** Builds the plan; the document must have passed validateSchedule. */
export function compile(doc: ScheduleDoc, allZones: number[], defaultTz = DEFAULT_TZ): Plan {
  const tz = doc.timezone ?? defaultTz;
  return {
    tz,
    version: doc.version,
    validUntilMs: validUntilMs(doc, tz),
    rules: doc.programmes.map((p) => ruleOf(p, allZones, doc.priority_order)),
  };
}

/** Does the rule start an occurrence on this local date? */
export function runsOn(r: Rule, day: DayNumber): boolean {
  if (r.fromDay !== undefined && day < r.fromDay) return false;
  if (r.toDay !== undefined && day > r.toDay) return false;
  return r.days ? r.days.has((((day + 4) % 7) + 7) % 7) : true;
}

/** Start and end instants of the occurrence starting on local date `day`. */
export function occurrenceSpan(r: Rule, day: DayNumber, tz: string): { start: number; end: number } {
  const start = zonedEpoch(day, r.startMs, tz);
  if (r.durationMs !== undefined) return { start, end: start + r.durationMs };
  const endOfDay = r.endMs ?? r.startMs;
  const end = zonedEpoch(endOfDay > r.startMs ? day : day + 1, endOfDay, tz);
  return { start, end: Math.max(end, start + 1000) };
}

export { DAY_MS };
