/**
 * The hub's screen over what a station's session sends (station-input.ts says what is
 * refused): refused items are counted (loa_hub_security_refused{kind="bad_station_data"}),
 * logged once per batch and stored as "hub.refused" warnings in their place.
 */
import type { Logger } from '../core/log.js';
import type { SecurityCounters } from './security-counters.js';
import { appliedProblem, screenItem } from './station-input.js';
import type { IngestItem } from './stations.js';
import type { HubStores } from './stores.js';

/** What the checks on a station's input use: the log, the refusal counters, the stores they read. */
export interface InputChecks {
  log: Logger;
  refusals: SecurityCounters;
  stores: Pick<HubStores, 'commands' | 'desired' | 'audit'>;
}

export function screenBatch(hub: InputChecks, stationId: string, items: IngestItem[]): IngestItem[] {
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
export function acceptApplied(hub: InputChecks, stationId: string, applied: number): boolean {
  const latest = hub.stores.desired.latestVersion();
  const problem = appliedProblem(applied, latest);
  if (!problem) return true;
  hub.refusals.count('bad_station_data');
  hub.log.warn('station report refused', { station: stationId, problem });
  return false;
}
