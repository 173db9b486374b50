/** The hub's stores on one SQLite database (db.ts) and a media folder: the embedded default. */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { DB_FILE, openDatabase } from './db.js';
import { type Conversion, convertToIncremental } from './db-convert.js';
import { DEFAULT_RETENTION, type RetentionConfig } from './retention-config.js';
import { type SqlStores, sqlStores } from './sql-stores.js';
import { SqliteMaintenance } from './sqlite-maintenance.js';

export interface SqliteStores extends SqlStores {
  db: Database.Database;
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
    ...sqlStores(db, dataDir, clock),
    maintenance: new SqliteMaintenance(db, file, () => retention),
    conversion: convertToIncremental(db, file),
  };
}
