/**
 * The hub's stores on PostgreSQL (issue 20): the same store classes as the SQLite hub
 * (stations.ts, commands.ts, …) over a PgDatabase, so both engines run one implementation of
 * every rule (de-duplication, expiry, redaction); only retention's batches and the status
 * differ (maintenance.ts). Media files stay in the hub's own media folder (DATA_DIR/media);
 * their metadata rows are in PostgreSQL. Selected by `loa-district --db postgres://…`.
 */
import type { Clock } from '../../core/clock.js';
import { DEFAULT_RETENTION, type RetentionConfig } from '../retention-config.js';
import { type SqlStores, sqlStores } from '../sql-stores.js';
import { PgConnection } from './connection.js';
import { PgDatabase } from './database.js';
import { PgMaintenance } from './maintenance.js';
import { ensureSchema } from './schema.js';
import { parseDbUrl } from './url.js';

export interface PgStores extends SqlStores {
  db: PgDatabase;
  maintenance: PgMaintenance;
}

/** Connects (libpq reads PGPASSFILE/PGPASSWORD), creates or checks the schema. */
export function openPgDatabase(url: string, clock: Clock, flag = '--db'): PgDatabase {
  const u = parseDbUrl(url, flag);
  const db = new PgDatabase(new PgConnection(u.conninfo, u.where, clock));
  try {
    ensureSchema(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function openPgStores(
  url: string,
  dataDir: string,
  clock: Clock,
  retention: RetentionConfig = DEFAULT_RETENTION,
): PgStores {
  const db = openPgDatabase(url, clock);
  return {
    db,
    ...sqlStores(db, dataDir, clock),
    maintenance: new PgMaintenance(db, () => retention),
  };
}
