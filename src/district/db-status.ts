/**
 * `GetDatabaseStatus` (districtctl db status): the store's own report (sizes, classes, what is
 * due) with the hub's live state around it: whether writes are refused for a full disk, the
 * free space, and what the last retention run removed.
 */
import type { RetentionRun } from './retention.js';
import type { RetentionConfig } from './retention-config.js';
import type { StorageFull } from './storage-guard.js';
import type { StoreMaintenance } from './stores.js';

export interface DbStatusDeps {
  maintenance: StoreMaintenance;
  /** The hub's Retention (`districtctl db status --db` without a hub: no run). */
  retention: { readonly last: RetentionRun | undefined };
  config: RetentionConfig;
  /** The hub's StorageGuard (without a hub: no refusal known). */
  storage: { readonly full: StorageFull | undefined };
  freeBytes(): number;
  now(): number;
}

export function databaseStatus(d: DbStatusDeps) {
  const s = d.maintenance.status(d.now());
  const last = d.retention.last;
  const full = d.storage.full;
  let fsFree = 0;
  try {
    fsFree = d.freeBytes();
  } catch {
    // statfs unsupported here: shown as 0
  }
  return {
    engine: s.engine,
    location: s.location,
    fileBytes: s.fileBytes,
    usedBytes: s.usedBytes,
    reclaimableBytes: s.reclaimableBytes,
    maxBytes: s.maxBytes,
    autoVacuum: s.autoVacuum,
    fsFreeBytes: fsFree,
    minFreeBytes: d.config.minFreeMB * 1024 * 1024,
    writesRefused: full !== undefined,
    refusedSinceMs: full?.sinceMs ?? 0,
    refusedReason: full?.reason ?? '',
    refusedLevel: full?.level ?? '',
    tables: s.tables,
    retention: s.classes.map((c) => ({
      ...c,
      keepDays: c.keepDays ?? 0,
      removedLastRun: last?.removed[c.name] ?? 0,
    })),
    lastRunMs: last?.atMs ?? 0,
    lastRunCaughtUp: last?.caughtUp ?? false,
    lastRunError: last?.error ?? '',
    intervalS: d.config.intervalS,
  };
}
