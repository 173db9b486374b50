/**
 * The stores that are the same on every engine: one class each over a SqlDb (sql.ts), so the
 * SQLite hub (sqlite.ts) and the PostgreSQL hub (pg/stores.ts) share every rule; each engine
 * adds its own maintenance (retention batches, status).
 */
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import { AuditStore } from './audit.js';
import { CommandStore } from './commands.js';
import { DesiredStore } from './desired.js';
import { queryEvents, queryMeasurements } from './history.js';
import { MediaStore } from './media-store.js';
import type { SqlDb } from './sql.js';
import { StationStore } from './stations.js';
import type { HubStores } from './stores.js';
import { UserStore } from './users.js';
import { SqliteWriteGroup } from './write-group.js';

export interface SqlStores extends Omit<HubStores, 'maintenance'> {
  stations: StationStore;
  audit: AuditStore;
}

/** Media files in DATA_DIR/media, their rows (and everything else) in `db`. */
export function sqlStores(db: SqlDb, dataDir: string, clock: Clock): SqlStores {
  return {
    stations: new StationStore(db, clock),
    commands: new CommandStore(db, clock),
    desired: new DesiredStore(db, clock),
    media: new MediaStore(join(dataDir, 'media'), db, clock),
    audit: new AuditStore(db, clock),
    events: { query: (q) => queryEvents(db, q), measurements: (q) => queryMeasurements(db, q) },
    // group commit: one transaction per group, a savepoint per write, on either engine
    writes: new SqliteWriteGroup(db),
    users: new UserStore(db, clock),
  };
}
