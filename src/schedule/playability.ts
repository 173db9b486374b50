/**
 * Whether a valid schedule will actually play: a document can be correct in every field and
 * still never put anything on air (only past dates, valid_until already gone) or read its
 * times in another zone than the station's. Such a schedule is accepted — the district may
 * mean it — with warnings that say so (codes, translated by stationctl), and the station's
 * status says when the next programme is, for doctor.
 */
import { existsSync } from 'node:fs';
import type { Plan } from './compile.js';
import type { ScheduleDoc } from './document.js';
import { refsOf } from './media-watch.js';
import { occurrences } from './plan.js';
import { DAY_MS, formatLocal } from './zoned-time.js';

export interface ScheduleWarning {
  code: 'never-plays' | 'none-soon' | 'stale' | 'other-zone' | 'path-missing';
  vars: Record<string, string | number>;
}

/** Days ahead within which a programme is expected: the district pushes weekly. */
export const SOON_DAYS = 7;
/** Far enough to find the next programme of any plausible schedule (a one-off a year ahead). */
const HORIZON_DAYS = 400;

export interface NextProgramme {
  programmeId: string;
  title: string;
  start: number;
  startLocal: string;
}

export function nextProgramme(plan: Plan, now: number, days = HORIZON_DAYS): NextProgramme | undefined {
  const until = Math.min(plan.validUntilMs, now + days * DAY_MS);
  if (until <= now) return undefined;
  const o = occurrences(plan, now, until).find((x) => x.end > now);
  return (
    o && {
      programmeId: o.rule.id,
      title: o.rule.title,
      start: o.start,
      startLocal: formatLocal(o.start, plan.tz),
    }
  );
}

export function playabilityWarnings(
  doc: ScheduleDoc,
  plan: Plan,
  now: number,
  stationTz: string,
): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  if (plan.tz !== stationTz) out.push({ code: 'other-zone', vars: { tz: plan.tz, station: stationTz } });
  if (now >= plan.validUntilMs)
    out.push({ code: 'stale', vars: { until: formatLocal(plan.validUntilMs - 1000, plan.tz).slice(0, 16) } });
  const next = nextProgramme(plan, now);
  if (!next) out.push({ code: 'never-plays', vars: {} });
  else if (next.start > now + SOON_DAYS * DAY_MS)
    out.push({
      code: 'none-soon',
      vars: { days: SOON_DAYS, first: `${next.startLocal.slice(0, 16)} (${plan.tz})` },
    });
  for (const p of doc.programmes)
    for (const ref of refsOf(p.source))
      if ('path' in ref && !existsSync(ref.path))
        out.push({ code: 'path-missing', vars: { id: p.id, path: ref.path } });
  return out;
}
