/**
 * Pure planning: given a plan and an instant, what should be on air, and when does that
 * change. No clock, no timers, no I/O — the runner asks these questions at each wake-up, so a
 * clock that jumps simply gets a new answer (nothing is replayed or fired late).
 *
 * The station has one audio output: at any instant one item plays. Ranking: a priority
 * bulletin beats a normal programme; clashing priority bulletins follow the commune's order
 * (`priority_order`). A pre-empted programme resumes when the bulletin ends if its window is
 * still open. Zones of the winning item are on; the others stay off while it plays.
 */
import { occurrenceSpan, type Plan, type Rule, runsOn } from './compile.js';
import { DAY_MS, localParts } from './zoned-time.js';

export interface Occurrence {
  /** Stable key: programme id and start instant ("news@1767564000000"). */
  key: string;
  rule: Rule;
  start: number;
  end: number;
}

export interface OnAir {
  /** The item that should play now, if any. */
  item: Occurrence | undefined;
  /** Other items whose window is open now but which are pre-empted (highest rank first). */
  waiting: Occurrence[];
  /** Zone → programme id playing on it now (null: silent). */
  zones: Record<number, string | null>;
}

export interface Segment {
  start: number;
  end: number;
  item: Occurrence;
}

/** A programme runs at most 24 h, so one extra day back finds anything still running. */
const LOOKBACK_DAYS = 1;

export function occurrencesOfRule(r: Rule, tz: string, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  const first = localParts(from, tz).day - LOOKBACK_DAYS;
  const last = localParts(to, tz).day;
  for (let day = first; day <= last; day++) {
    if (!runsOn(r, day)) continue;
    const { start, end } = occurrenceSpan(r, day, tz);
    if (end > from && start < to) out.push({ key: `${r.id}@${start}`, rule: r, start, end });
  }
  return out;
}

/** Every occurrence overlapping [from, to), by start time. */
export function occurrences(plan: Plan, from: number, to: number): Occurrence[] {
  const all = plan.rules.flatMap((r) => occurrencesOfRule(r, plan.tz, from, to));
  return all.sort((a, b) => a.start - b.start || a.rule.id.localeCompare(b.rule.id));
}

/** Negative when `a` outranks `b`. */
export function compareRank(a: Occurrence, b: Occurrence): number {
  const tier = (o: Occurrence) => (o.rule.tier === 'priority' ? 0 : 1);
  return (
    tier(a) - tier(b) ||
    a.rule.orderRank - b.rule.orderRank ||
    a.start - b.start ||
    a.rule.id.localeCompare(b.rule.id)
  );
}

/** What should be on air at instant t; `skip` holds keys of items already done (ended early). */
export function onAirAt(plan: Plan, t: number, skip: ReadonlySet<string> = new Set()): OnAir {
  const open = occurrences(plan, t, t + 1)
    .filter((o) => o.start <= t && t < o.end && !skip.has(o.key))
    .sort(compareRank);
  const [item, ...waiting] = open;
  const zones: Record<number, string | null> = {};
  for (const o of open) for (const z of o.rule.zones) zones[z] = null;
  if (item) for (const z of item.rule.zones) zones[z] = item.rule.id;
  return { item, waiting, zones };
}

/** The instants in (t, to] at which the on-air item may change (starts and ends). */
export function boundaries(plan: Plan, t: number, to: number): number[] {
  const set = new Set<number>();
  for (const o of occurrences(plan, t, to)) {
    if (o.start > t && o.start <= to) set.add(o.start);
    if (o.end > t && o.end <= to) set.add(o.end);
  }
  return [...set].sort((a, b) => a - b);
}

/** What plays when over [from, to): consecutive segments of one item each (gaps are silence). */
export function timeline(plan: Plan, from: number, to: number): Segment[] {
  const cuts = [from, ...boundaries(plan, from, to).filter((b) => b < to), to];
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i] as number, cuts[i + 1] as number];
    const item = onAirAt(plan, a).item;
    if (!item) continue;
    const last = out.at(-1);
    if (last && last.item.key === item.key && last.end === a) last.end = b;
    else out.push({ start: a, end: b, item });
  }
  return out;
}

/** The next instant after t at which the on-air item may change, within `horizonDays`. */
export function nextChange(plan: Plan, t: number, horizonDays = 8): number | undefined {
  return boundaries(plan, t, t + horizonDays * DAY_MS)[0];
}
