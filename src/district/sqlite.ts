/** The hub's stores on one SQLite database (db.ts) and a media folder: the embedded default. */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { AuditStore } from './audit.js';
import { CommandStore } from './commands.js';
import { DB_FILE, openDatabase } from './db.js';
import { type Conversion, convertToIncremental } from './db-convert.js';
import { DesiredStore } from './desired.js';
import { queryEvents, queryMeasurements } from './history.js';
import { MediaStore } from './media-store.js';
import { DEFAULT_RETENTION, type RetentionConfig } from './retention-config.js';
import { SqliteMaintenance } from './sqlite-maintenance.js';
import { StationStore } from './stations.js';
import type { HubStores } from './stores.js';
import { UserStore } from './users.js';
import { SqliteWriteGroup } from './write-group.js';

export interface SqliteStores extends HubStores {
  db: Database.Database;
  stations: StationStore;
  audit: AuditStore;
  maintenance: SqliteMaintenance;
  /** What became of the database's auto_vacuum mode at open (db-convert.ts). */
  conversion: Conversion;
}

export function openSqliteStores(
  dataDir: string,
  clock: Clock,
  retention: RetentionConfig = DEFAULT_RETENTION,
): SqliteStores {
  const db = openDatabase(dataDir);
  const file = join(dataDir, DB_FILE);
  return {
    db,
    stations: new StationStore(db, clock),
    commands: new CommandStore(db, clock),
    desired: new DesiredStore(db, clock),
    media: new MediaStore(join(dataDir, 'media'), db, clock),
    audit: new AuditStore(db, clock),
    events: { query: (q) => queryEvents(db, q), measurements: (q) => queryMeasurements(db, q) },
    maintenance: new SqliteMaintenance(db, file, () => retention),
    conversion: convertToIncremental(db, file),
    writes: new SqliteWriteGroup(db),
    users: new UserStore(db, clock),
  };
}
