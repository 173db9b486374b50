/**
 * The hub's tables in PostgreSQL: the same tables and columns as the SQLite hub (db.ts,
 * users.ts, revocation.ts, cap/store.ts), so the stores' SQL and rows are the same on both.
 * Times are epoch ms in bigint (integer would end in 1970 + 24 days); JSON stays text, read
 * back exactly as SQLite returns it. Two additions: `commands.seq` (insertion order, which
 * SQLite's rowid gives for free) and an index on each retention class's time column (SQLite's
 * retention walks the rowid instead; pg/maintenance.ts deletes through these).
 * Created on first open in one transaction, under an advisory lock so two hubs starting at
 * once do not race; a database whose schema is newer than this hub is refused.
 */
import { LoaError } from '../../core/errors.js';
import type { PgDatabase } from './database.js';

export const PG_SCHEMA_VERSION = 1;
/** pg_advisory_xact_lock key for schema changes ("loa" in ASCII). */
const SCHEMA_LOCK = 0x6c6f61;

const I = 'bigint NOT NULL';
export const PG_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS stations (
  id text PRIMARY KEY, epoch text NOT NULL DEFAULT '', acked_seq ${I} DEFAULT 0,
  snapshot_seq ${I} DEFAULT 0, state text NOT NULL DEFAULT '{}', boot_id text NOT NULL DEFAULT '',
  software_version text NOT NULL DEFAULT '', applied_version ${I} DEFAULT 0,
  desired_report text NOT NULL DEFAULT '{}', last_contact ${I} DEFAULT 0, first_seen ${I} DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
  station text NOT NULL, epoch text NOT NULL, seq ${I}, ts ${I}, received ${I}, event_seq ${I},
  kind text NOT NULL, severity text NOT NULL, sub text NOT NULL, message text NOT NULL,
  details text NOT NULL, PRIMARY KEY (station, epoch, seq)
);
-- an event's keyed text (added after schema 1 shipped: '' in rows stored before it)
ALTER TABLE events ADD COLUMN IF NOT EXISTS text text NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS events_by_time ON events (received);
CREATE INDEX IF NOT EXISTS events_by_kind ON events (kind, ts);
CREATE TABLE IF NOT EXISTS measurements (
  station text NOT NULL, epoch text NOT NULL, seq ${I}, ts ${I}, changes text NOT NULL,
  received ${I} DEFAULT 0, PRIMARY KEY (station, epoch, seq)
);
CREATE INDEX IF NOT EXISTS measurements_by_time ON measurements (received);
CREATE TABLE IF NOT EXISTS drops (
  station text NOT NULL, epoch text NOT NULL, seq ${I}, ts ${I}, count ${I}, measurements ${I},
  events ${I}, first_seq ${I}, last_seq ${I}, PRIMARY KEY (station, epoch, seq)
);
CREATE INDEX IF NOT EXISTS drops_by_time ON drops (ts);
CREATE TABLE IF NOT EXISTS desired (
  version bigserial PRIMARY KEY, created ${I}, schedule text NOT NULL, media text NOT NULL
);
CREATE INDEX IF NOT EXISTS desired_by_time ON desired (created);
CREATE TABLE IF NOT EXISTS station_desired (station text PRIMARY KEY, version ${I});
CREATE TABLE IF NOT EXISTS commands (
  id text PRIMARY KEY, station text NOT NULL, method text NOT NULL, params text NOT NULL,
  created ${I}, expires ${I}, status text NOT NULL, error_code text NOT NULL DEFAULT '',
  message text NOT NULL DEFAULT '', result text NOT NULL DEFAULT 'null', updated ${I},
  issued_by text NOT NULL DEFAULT '', issuer_role text NOT NULL DEFAULT '', seq bigserial NOT NULL
);
CREATE INDEX IF NOT EXISTS commands_open ON commands (station, status);
CREATE INDEX IF NOT EXISTS commands_by_time ON commands (created);
CREATE TABLE IF NOT EXISTS audit (
  id bigserial PRIMARY KEY, ts ${I}, who text NOT NULL, role text NOT NULL, via text NOT NULL,
  action text NOT NULL, params text NOT NULL, result text NOT NULL, error_code text NOT NULL,
  message text NOT NULL, stations text NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (ts);
CREATE TABLE IF NOT EXISTS media (sha256 text PRIMARY KEY, size ${I}, name text NOT NULL, created ${I});
CREATE TABLE IF NOT EXISTS console_users (
  name text PRIMARY KEY, role text NOT NULL, hash text NOT NULL, disabled integer NOT NULL DEFAULT 0,
  created ${I}, updated ${I}
);
CREATE TABLE IF NOT EXISTS console_sessions (
  id text PRIMARY KEY, "user" text NOT NULL, csrf text NOT NULL, address text NOT NULL,
  created ${I}, seen ${I}
);
CREATE INDEX IF NOT EXISTS console_sessions_by_user ON console_sessions ("user");
CREATE TABLE IF NOT EXISTS alarm_acks (
  station text NOT NULL, key text NOT NULL, since ${I}, who text NOT NULL, note text NOT NULL,
  at ${I}, PRIMARY KEY (station, key, since)
);
CREATE TABLE IF NOT EXISTS revoked (
  serial text PRIMARY KEY, identity text NOT NULL, at ${I}, "by" text NOT NULL, reason text NOT NULL
);
CREATE TABLE IF NOT EXISTS cert_seen (
  identity text NOT NULL, serial text NOT NULL, first ${I}, last ${I}, PRIMARY KEY (identity, serial)
);
CREATE TABLE IF NOT EXISTS cap_alerts (
  sender text NOT NULL, identifier text NOT NULL, sent text NOT NULL, received ${I},
  msg_type text NOT NULL, status text NOT NULL, tier text NOT NULL DEFAULT '', state text NOT NULL,
  reason text NOT NULL DEFAULT '', headline text NOT NULL DEFAULT '',
  text_sha256 text NOT NULL DEFAULT '', expires ${I} DEFAULT 0, commands text NOT NULL DEFAULT '{}',
  via text NOT NULL DEFAULT '', PRIMARY KEY (sender, identifier)
);
`;

/** The tables a SQLite hub's database holds that `db migrate` copies (every one above but meta). */
export const HUB_TABLES = [
  'stations',
  'events',
  'measurements',
  'drops',
  'desired',
  'station_desired',
  'commands',
  'audit',
  'media',
  'console_users',
  'console_sessions',
  'alarm_acks',
  'revoked',
  'cert_seen',
  'cap_alerts',
] as const;

/** Creates the tables (first open) or checks their version; one transaction. */
export function ensureSchema(db: PgDatabase): void {
  db.transaction(() => {
    db.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    const has = db.query("SELECT to_regclass('meta') IS NOT NULL AS ok").rows[0]?.ok === true;
    const row = has ? db.query("SELECT value FROM meta WHERE key = 'schema'").rows[0] : undefined;
    const found = row ? Number(row.value) : 0;
    if (found > PG_SCHEMA_VERSION)
      throw new LoaError(
        'CONFIG',
        `the database ${db.conn.where} has hub schema ${found}, newer than this hub (${PG_SCHEMA_VERSION}): run the newer loa-district, or point --db at another database`,
      );
    db.exec(PG_SCHEMA);
    if (!row) db.query("INSERT INTO meta (key, value) VALUES ('schema', $1)", [String(PG_SCHEMA_VERSION)]);
  })();
}
