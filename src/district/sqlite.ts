/** The hub's stores on one SQLite database (db.ts) and a media folder: the embedded default. */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { AuditStore } from './audit.js';
import { CommandStore } from './commands.js';
import { openDatabase } from './db.js';
import { DesiredStore } from './desired.js';
import { queryEvents } from './history.js';
import { MediaStore } from './media-store.js';
import { StationStore } from './stations.js';
import type { HubStores } from './stores.js';
import { SqliteWriteGroup } from './write-group.js';

export interface SqliteStores extends HubStores {
  db: Database.Database;
  stations: StationStore;
  audit: AuditStore;
}

export function openSqliteStores(dataDir: string, clock: Clock): SqliteStores {
  const db = openDatabase(dataDir);
  return {
    db,
    stations: new StationStore(db, clock),
    commands: new CommandStore(db, clock),
    desired: new DesiredStore(db, clock),
    media: new MediaStore(join(dataDir, 'media'), db, clock),
    audit: new AuditStore(db, clock),
    events: { query: (q) => queryEvents(db, q) },
    writes: new SqliteWriteGroup(db),
  };
}
