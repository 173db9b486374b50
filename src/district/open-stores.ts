/**
 * The hub's stores on the engine its options name: PostgreSQL for a `postgres://` URL
 * (`--db`, LOA_DB; pg/stores.ts), else the embedded SQLite in the data directory (sqlite.ts).
 * Both give the same store classes; what differs is how free space is known: SQLite's file
 * sits on the hub's disk (statfs), a PostgreSQL server's disk is not visible from here, so the
 * guard relies on the server's own "disk full" errors (pg/errors.ts).
 */
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Conversion } from './db-convert.js';
import { freeBytes } from './db-convert.js';
import { openPgStores } from './pg/stores.js';
import { isPostgresUrl } from './pg/url.js';
import type { RetentionConfig } from './retention-config.js';
import type { SqlDb } from './sql.js';
import { openSqliteStores } from './sqlite.js';
import type { StationStore } from './stations.js';
import type { HubStores } from './stores.js';

export interface OpenedStores extends HubStores {
  db: SqlDb & { close(): void };
  stations: StationStore;
  /** SQLite only: what became of its auto_vacuum mode at open. */
  conversion?: Conversion;
  /** Free bytes under the database; throws where that cannot be known (PostgreSQL). */
  freeBytes(): number;
}

export function openHubStores(
  dataDir: string,
  db: string | undefined,
  clock: Clock,
  retention: RetentionConfig,
): OpenedStores {
  if (isPostgresUrl(db))
    return Object.assign(openPgStores(db, dataDir, clock, retention), {
      freeBytes: (): number => {
        throw new LoaError('UNIMPLEMENTED', "a PostgreSQL server's free space is not visible to the hub");
      },
    });
  return Object.assign(openSqliteStores(dataDir, clock, retention), {
    freeBytes: () => freeBytes(dataDir),
  });
}
