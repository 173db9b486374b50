/**
 * The hub's screen over what a station's session sends (station-input.ts says what is
 * refused): refused items are counted (loa_hub_security_refused{kind="bad_station_data"}),
 * logged once per batch and stored as "hub.refused" warnings in their place.
 */
import type { Hub } from './hub.js';
import { appliedProblem, screenItem } from './station-input.js';
import type { IngestItem } from './stations.js';

export function screenBatch(hub: Hub, stationId: string, items: IngestItem[]): IngestItem[] {
  const problems: string[] = [];
  const out = items.map((i) => {
    const s = screenItem(i);
    if (s.problem) problems.push(`seq ${i.seq}: ${s.problem}`);
    return s.item;
  });
  if (problems.length) {
    for (const _ of problems) hub.refusals.count('bad_station_data');
    hub.log.warn('station items refused', { station: stationId, count: problems.length, first: problems[0] });
  }
  return out;
}

/** True when the applied version may be stored; a refusal is counted and logged (the stored version stays). */
export function acceptApplied(hub: Hub, stationId: string, applied: number): boolean {
  const latest = (hub.db.prepare('SELECT coalesce(max(version), 0) AS v FROM desired').get() as { v: number })
    .v;
  const problem = appliedProblem(applied, latest);
  if (!problem) return true;
  hub.refusals.count('bad_station_data');
  hub.log.warn('station report refused', { station: stationId, problem });
  return false;
}
