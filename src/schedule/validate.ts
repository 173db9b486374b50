/**
 * Full validation of a schedule document before anything changes: the schema, then checks
 * across fields and programmes (zones of this station, one-offs vs. rules, same-tier
 * overlaps). Every message names the programme by id, the field, and what is allowed.
 */
import type { z } from 'zod';
import { keyed } from '../core/errors.js';
import type { Text, TextVar } from '../core/i18n.js';
import { formatIssue, issueText } from '../core/validate.js';
import { compile, DEFAULT_TZ, type Plan, type Rule } from './compile.js';
import { type Programme, type ScheduleDoc, scheduleSchema } from './document.js';
import { occurrencesOfRule } from './plan.js';
import { formatLocal, localParts, parseDate, zonedEpoch } from './zoned-time.js';

export interface ValidateContext {
  /** Zone ids of this station (from the board profile); undefined = not checked. */
  zones: number[] | undefined;
  defaultTz?: string;
  /** Reference instant for overlap checks of open-ended rules (weekly patterns repeat). */
  now: number;
}

export interface Validated {
  doc: ScheduleDoc;
  plan: Plan;
}

/** One problem of a schedule: in English (logs, the district) and as a keyed text. */
interface Problem {
  en: string;
  text: Text;
}

const problem = (en: string, key: string, vars: Record<string, TextVar> = {}): Problem => ({
  en,
  text: { key, vars },
});

function where(raw: unknown, path: ReadonlyArray<PropertyKey>): { id: string; index: number } | undefined {
  if (path[0] !== 'programmes' || typeof path[1] !== 'number') return undefined;
  const p = (raw as { programmes?: Array<{ id?: unknown }> }).programmes?.[path[1]];
  // a hostile id may be kilobytes long: the message shows its start only (the schema bounds it)
  const id = typeof p?.id === 'string' ? (p.id.length > 40 ? `${p.id.slice(0, 37)}...` : p.id) : '?';
  return { id, index: path[1] };
}

function schemaErrors(raw: unknown, issues: ReadonlyArray<z.core.$ZodIssue>): Problem[] {
  return issues.map((i) => {
    const at = where(raw, i.path);
    if (!at) return { en: formatIssue(i), text: issueText(i) };
    const rest = { ...i, path: i.path.slice(2) } as z.core.$ZodIssue;
    const self = rest.path.length === 0; // about the programme itself (an unknown key)
    return problem(
      `programme "${at.id}" (programmes[${at.index}]) ${formatIssue(rest)}`,
      self ? 'sv.inProgramme.self' : 'sv.inProgramme',
      { ...at, issue: issueText(rest, null) },
    );
  });
}

function programmeErrors(p: Programme, zones: number[] | undefined): Problem[] {
  const e: Problem[] = [];
  const at = (field: string, msg: string, key: string, vars: Record<string, TextVar> = {}) =>
    e.push(problem(`programme "${p.id}": ${field}: ${msg}`, key, { id: p.id, ...vars }));
  if (p.date !== undefined && (p.days || p.from || p.to))
    at('date', 'a one-off date cannot be combined with days, from or to', 'sv.dateWithDays');
  if (p.from && p.to && (parseDate(p.from) as number) > (parseDate(p.to) as number))
    at('to', `must be on or after from (${p.from})`, 'sv.toBeforeFrom', { from: p.from });
  if ((p.duration === undefined) === (p.end === undefined))
    at('duration', 'give either duration or end', 'sv.durationOrEnd');
  if (zones && p.zones !== 'all')
    for (const z of p.zones)
      if (!zones.includes(z))
        at('zones', `zone ${z} does not exist; allowed: ${zones.join(', ')} or "all"`, 'sv.noZone', {
          zone: z,
          allowed: zones.join(', '),
        });
  return e;
}

function documentErrors(doc: ScheduleDoc, zones: number[] | undefined): Problem[] {
  const e = doc.programmes.flatMap((p) => programmeErrors(p, zones));
  const seen = new Set<string>();
  for (const p of doc.programmes) {
    if (seen.has(p.id))
      e.push(
        problem(`programme "${p.id}": id: used twice; each programme needs its own id`, 'sv.idTwice', {
          id: p.id,
        }),
      );
    seen.add(p.id);
  }
  for (const id of doc.priority_order) {
    const p = doc.programmes.find((x) => x.id === id);
    if (!p)
      e.push(
        problem(`priority_order: "${id}" is not a programme of this schedule`, 'sv.orderUnknown', { id }),
      );
    else if (p.tier !== 'priority')
      e.push(
        problem(`priority_order: "${id}" is tier ${p.tier}; list priority bulletins only`, 'sv.orderTier', {
          id,
          tier: { key: `sv.tier.${p.tier}` },
        }),
      );
  }
  return e;
}

/** Days to compare two rules over: where both apply; weekly patterns repeat, so 9 days suffice. */
function commonDays(a: Rule, b: Rule, refDay: number): [number, number] | undefined {
  const lo = Math.max(a.fromDay ?? -Infinity, b.fromDay ?? -Infinity);
  const hi = Math.min(a.toDay ?? Infinity, b.toDay ?? Infinity);
  if (lo > hi) return undefined;
  const first = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 8 : refDay;
  return [first - 1, Math.min(hi, first + 8) + 2];
}

function allowedClash(a: Rule, b: Rule): boolean {
  if (a.tier !== b.tier) return true; // priority pre-empts normal
  return a.tier === 'priority' && Number.isFinite(a.orderRank) && Number.isFinite(b.orderRank);
}

function clash(a: Rule, b: Rule, tz: string, refDay: number): Problem | undefined {
  if (allowedClash(a, b)) return undefined;
  const days = commonDays(a, b, refDay);
  if (!days) return undefined;
  const [from, to] = [zonedEpoch(days[0], 0, tz), zonedEpoch(days[1], 0, tz)];
  const bs = occurrencesOfRule(b, tz, from, to);
  for (const oa of occurrencesOfRule(a, tz, from, to))
    for (const ob of bs) {
      if (!(oa.start < ob.end && ob.start < oa.end)) continue;
      const when = formatLocal(Math.max(oa.start, ob.start), tz).slice(0, 16);
      const shared = a.zones.length && b.zones.length ? a.zones.filter((z) => b.zones.includes(z)) : ['all'];
      const why =
        a.tier === 'priority'
          ? 'list both in priority_order to say which plays first'
          : 'same-tier items may not overlap; move one or make one a priority bulletin';
      const onZones = shared.length
        ? `on zone(s) ${shared.join(', ')}`
        : `(zones ${a.zones.join(',')} and ${b.zones.join(',')}: the station has one audio output)`;
      const zonesText: Text = shared.length
        ? { key: 'sv.onZones', vars: { zones: shared.join(', ') } }
        : { key: 'sv.oneOutput', vars: { a: a.zones.join(','), b: b.zones.join(',') } };
      return problem(
        `programmes "${a.id}" and "${b.id}" (both ${a.tier}) overlap ${onZones} at ${when} ${tz}; ${why}`,
        'sv.overlap',
        {
          a: a.id,
          b: b.id,
          tier: { key: `sv.tier.${a.tier}` },
          zones: zonesText,
          when: `${when} ${tz}`,
          why: { key: a.tier === 'priority' ? 'sv.overlap.order' : 'sv.overlap.move' },
        },
      );
    }
  return undefined;
}

function overlapErrors(plan: Plan, now: number): Problem[] {
  const refDay = localParts(now, plan.tz).day;
  const e: Problem[] = [];
  const rules = plan.rules;
  for (let i = 0; i < rules.length; i++)
    for (let j = i + 1; j < rules.length; j++) {
      const m = clash(rules[i] as Rule, rules[j] as Rule, plan.tz, refDay);
      if (m) e.push(m);
    }
  return e;
}

function fail(problems: Problem[]): never {
  const errors = problems.map((p) => p.en);
  const shown = errors.slice(0, 8);
  const texts: Text[] = problems.slice(0, 8).map((p) => p.text);
  if (errors.length > 8) {
    shown.push(`... and ${errors.length - 8} more`);
    texts.push({ key: 'v.more', vars: { n: errors.length - 8 } });
  }
  throw keyed(
    'INVALID_ARGUMENT',
    `schedule rejected: ${shown.join('; ')}`,
    'sv.rejected',
    { problems: texts },
    { errors },
  );
}

/** Validates completely; throws INVALID_ARGUMENT listing every problem found. */
export function validateSchedule(raw: unknown, ctx: ValidateContext): Validated {
  const r = scheduleSchema.safeParse(raw, { reportInput: true });
  if (!r.success) fail(schemaErrors(raw, r.error.issues));
  const doc = r.data;
  const errs = documentErrors(doc, ctx.zones);
  if (errs.length) fail(errs);
  const plan = compile(doc, ctx.zones ?? [], ctx.defaultTz ?? DEFAULT_TZ);
  const overlaps = overlapErrors(plan, ctx.now);
  if (overlaps.length) fail(overlaps);
  return { doc, plan };
}
