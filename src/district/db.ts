/**
 * The district hub's database: one embedded SQLite file (better-sqlite3) in the hub's data
 * directory. WAL with synchronous=FULL: an item is acknowledged to a station only after the
 * transaction holding it is on disk, so a hub crash or restart loses nothing acknowledged.
 * Stations are keyed by id; their items by (station, outbox epoch, seq), which is also the
 * de-duplication key (DESIGN.md decision 2).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { restrictDbFiles } from './db-mode.js';

export const SCHEMA_VERSION = 1;
export const DB_FILE = 'district.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stations (
  id TEXT PRIMARY KEY,
  epoch TEXT NOT NULL DEFAULT '',
  acked_seq INTEGER NOT NULL DEFAULT 0,
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT '{}',
  boot_id TEXT NOT NULL DEFAULT '',
  software_version TEXT NOT NULL DEFAULT '',
  applied_version INTEGER NOT NULL DEFAULT 0,
  desired_report TEXT NOT NULL DEFAULT '{}',
  last_contact INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
  station TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL,
  ts INTEGER NOT NULL, received INTEGER NOT NULL, event_seq INTEGER NOT NULL,
  kind TEXT NOT NULL, severity TEXT NOT NULL, sub TEXT NOT NULL, message TEXT NOT NULL,
  details TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (station, epoch, seq)
);
CREATE INDEX IF NOT EXISTS events_by_time ON events (received);
CREATE INDEX IF NOT EXISTS events_by_kind ON events (kind, ts);
CREATE TABLE IF NOT EXISTS measurements (
  station TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL,
  changes TEXT NOT NULL, PRIMARY KEY (station, epoch, seq)
);
CREATE TABLE IF NOT EXISTS drops (
  station TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL,
  count INTEGER NOT NULL, measurements INTEGER NOT NULL, events INTEGER NOT NULL,
  first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, PRIMARY KEY (station, epoch, seq)
);
CREATE TABLE IF NOT EXISTS desired (
  version INTEGER PRIMARY KEY AUTOINCREMENT,
  created INTEGER NOT NULL, schedule TEXT NOT NULL, media TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS station_desired (station TEXT PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS commands (
  id TEXT PRIMARY KEY, station TEXT NOT NULL, method TEXT NOT NULL, params TEXT NOT NULL,
  created INTEGER NOT NULL, expires INTEGER NOT NULL, status TEXT NOT NULL,
  error_code TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT 'null', updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS commands_open ON commands (station, status);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, who TEXT NOT NULL, role TEXT NOT NULL,
  via TEXT NOT NULL, action TEXT NOT NULL, params TEXT NOT NULL, result TEXT NOT NULL,
  error_code TEXT NOT NULL, message TEXT NOT NULL, stations TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (ts);
CREATE TABLE IF NOT EXISTS media (
  sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL
);
`;

export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o750 });
  const file = join(dataDir, DB_FILE);
  restrictDbFiles(file);
  const db = new Database(file);
  // before the first table: a new database returns freed pages to the filesystem in steps
  // (retention.ts); an older one is converted by convertToIncremental (db-vacuum.ts)
  if (isEmpty(db)) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  restrictDbFiles(file);
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // a checkpointed WAL is cut back to 64 MB: a burst of pruning must not leave a large -wal file
  db.pragma('journal_size_limit = 67108864');
  db.exec(SCHEMA);
  addColumns(db);
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as
    | { value: string }
    | undefined;
  if (!row) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema', String(SCHEMA_VERSION));
  else if (Number(row.value) > SCHEMA_VERSION)
    throw new Error(`district.sqlite has schema ${row.value}, newer than this hub (${SCHEMA_VERSION})`);
  return db;
}

/** Columns added after schema 1 shipped (a hub of the link issue opens its database unchanged). */
function addColumns(db: Database.Database): void {
  const have = new Set(
    (db.prepare('PRAGMA table_info(commands)').all() as { name: string }[]).map((c) => c.name),
  );
  if (!have.has('issued_by')) db.exec("ALTER TABLE commands ADD COLUMN issued_by TEXT NOT NULL DEFAULT ''");
  if (!have.has('issuer_role'))
    db.exec("ALTER TABLE commands ADD COLUMN issuer_role TEXT NOT NULL DEFAULT ''");
  // the hub's time of receipt, which retention ages by (a station's clock may be wrong);
  // rows stored before it have 0 and are the oldest anyway
  const m = new Set(
    (db.prepare('PRAGMA table_info(measurements)').all() as { name: string }[]).map((c) => c.name),
  );
  if (!m.has('received')) db.exec('ALTER TABLE measurements ADD COLUMN received INTEGER NOT NULL DEFAULT 0');
  // an event's keyed text, for readers in another language; '' in rows stored before it
  const e = new Set((db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name));
  if (!e.has('text')) db.exec("ALTER TABLE events ADD COLUMN text TEXT NOT NULL DEFAULT ''");
}

function isEmpty(db: Database.Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;
}
