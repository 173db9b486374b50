/**
 * When the power chain should be up for the schedule (pure). The chain comes up a pre-roll
 * before each item — transmitter settle + amplifier warm-up + zone stagger, from the board
 * profile's timings, plus a margin — so the amplifier is unmuted when the programme starts.
 * It goes down at the end unless the next item's pre-roll begins within `gapMs`: no cycling
 * of amplifiers between back-to-back items.
 */
import type { Timings } from '../hal/profile.js';
import type { Plan } from './compile.js';
import { type Occurrence, occurrences } from './plan.js';
import { DAY_MS } from './zoned-time.js';

export interface PowerOptions {
  preRollMs: number;
  gapMs: number;
}

export interface PowerWindow {
  from: number;
  to: number;
  /** The items this window serves, by start. */
  items: Occurrence[];
}

/** Pre-roll for a chain with `zoneCount` zones: the power-up sequence plus a margin. */
export function preRollMs(t: Timings, zoneCount: number, marginMs: number): number {
  return t.txSettleMs + t.ampWarmupMs + zoneCount * t.zoneStaggerMs + t.unmuteRampMs + marginMs;
}

/** Merged power windows overlapping [from, to). */
export function powerWindows(plan: Plan, from: number, to: number, o: PowerOptions): PowerWindow[] {
  // a window may have opened up to a day (+ gap) before `from` and reach past `to` by a pre-roll
  const items = occurrences(plan, from - DAY_MS - o.gapMs, to + o.preRollMs + o.gapMs);
  const out: PowerWindow[] = [];
  for (const it of items) {
    const up = it.start - o.preRollMs;
    const last = out.at(-1);
    if (last && up - last.to <= o.gapMs) {
      last.to = Math.max(last.to, it.end);
      last.items.push(it);
    } else out.push({ from: up, to: it.end, items: [it] });
  }
  return out.filter((w) => w.to > from && w.from < to);
}

/** The power window containing t, if any. */
export function powerWindowAt(plan: Plan, t: number, o: PowerOptions): PowerWindow | undefined {
  return powerWindows(plan, t, t + 1, o).find((w) => w.from <= t && t < w.to);
}

/** The next instant after t at which the schedule's power want changes (within 8 days). */
export function nextPowerChange(plan: Plan, t: number, o: PowerOptions): number | undefined {
  const edges = powerWindows(plan, t, t + 8 * DAY_MS, o)
    .flatMap((w) => [w.from, w.to])
    .filter((x) => x > t);
  return edges.length ? Math.min(...edges) : undefined;
}

/** Zones the schedule wants switched at t: the item on air, else the next one in this window. */
export function zonesFor(window: PowerWindow, t: number, onAirItem: Occurrence | undefined): number[] {
  if (onAirItem) return onAirItem.rule.zones;
  const next = window.items.find((i) => i.start >= t) ?? window.items.at(-1);
  return next ? next.rule.zones : [];
}
