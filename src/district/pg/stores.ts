/**
 * The hub's stores on PostgreSQL (issue 20): the same store classes as the SQLite hub
 * (stations.ts, commands.ts, …) over a PgDatabase, so both engines run one implementation of
 * every rule (de-duplication, expiry, redaction); only retention's batches and the status
 * differ (maintenance.ts). Media files stay in the hub's own media folder (DATA_DIR/media);
 * their metadata rows are in PostgreSQL. Selected by `loa-district --db postgres://…`.
 */
import { join } from 'node:path';
import type { Clock } from '../../core/clock.js';
import { AuditStore } from '../audit.js';
import { CommandStore } from '../commands.js';
import { DesiredStore } from '../desired.js';
import { queryEvents } from '../history.js';
import { MediaStore } from '../media-store.js';
import { DEFAULT_RETENTION, type RetentionConfig } from '../retention-config.js';
import { StationStore } from '../stations.js';
import type { HubStores } from '../stores.js';
import { UserStore } from '../users.js';
import { SqliteWriteGroup } from '../write-group.js';
import { PgConnection } from './connection.js';
import { PgDatabase } from './database.js';
import { PgMaintenance } from './maintenance.js';
import { ensureSchema } from './schema.js';
import { parseDbUrl } from './url.js';

export interface PgStores extends HubStores {
  db: PgDatabase;
  stations: StationStore;
  audit: AuditStore;
  maintenance: PgMaintenance;
}

/** Connects (libpq reads PGPASSFILE/PGPASSWORD), creates or checks the schema. */
export function openPgDatabase(url: string, clock: Clock): PgDatabase {
  const u = parseDbUrl(url, '--db');
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
    stations: new StationStore(db, clock),
    commands: new CommandStore(db, clock),
    desired: new DesiredStore(db, clock),
    media: new MediaStore(join(dataDir, 'media'), db, clock),
    audit: new AuditStore(db, clock),
    events: { query: (q) => queryEvents(db, q) },
    maintenance: new PgMaintenance(db, () => retention),
    // the same group commit: one BEGIN…COMMIT per group, a SAVEPOINT per write (database.ts)
    writes: new SqliteWriteGroup(db),
    users: new UserStore(db, clock),
  };
}
