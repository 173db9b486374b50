/**
 * `districtctl db migrate --from DATA_DIR --to postgres://…`: a stopped SQLite hub copied into
 * an empty PostgreSQL database, table by table in rowid (= insertion) order, BATCH rows per
 * transaction, so a large hub never holds one huge transaction; then each table's rows are
 * counted on both sides. A target that already holds hub data is refused (a copy is not
 * resumed half-way: drop and create the database, then run it again), and so is a source that
 * a running process holds open (the hub would go on writing what the copy misses).
 */
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import { DB_FILE, openDatabase } from '../db.js';
import type { PgDatabase } from './database.js';
import { HUB_TABLES } from './schema.js';
import { openPgDatabase } from './stores.js';

export const BATCH = 1000;
/** Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters in one). */
const PER_INSERT = 200;
/** Columns filled from a sequence: set past the copied values afterwards. */
const SERIALS: [string, string][] = [
  ['desired', 'version'],
  ['audit', 'id'],
];

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

/** Processes that hold `file` open (Linux /proc; processes of other users are not visible). */
export function holders(file: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    if (Number(pid) === process.pid) continue;
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (fds.some((fd) => safeLink(`/proc/${pid}/fd/${fd}`) === file)) pids.push(Number(pid));
    } catch {
      // gone, or another user's
    }
  }
  return pids;
}

function safeLink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '';
  }
}

function openSource(fromDir: string): Database.Database {
  const file = resolve(join(fromDir, DB_FILE));
  if (!existsSync(file)) throw new LoaError('INVALID_ARGUMENT', `--from: no ${DB_FILE} in ${fromDir}`);
  const busy = holders(file);
  if (busy.length)
    throw new LoaError(
      'REFUSED',
      `--from: ${file} is open in process ${busy.join(', ')} (the hub?): stop the hub first, then migrate`,
    );
  return openDatabase(fromDir); // brings an older file's columns up to date; copies nothing yet
}

function refuseNonEmpty(pg: PgDatabase): void {
  const held = HUB_TABLES.map((t) => ({
    t,
    n: Number(pg.query(`SELECT count(*) AS n FROM ${t}`).rows[0]?.n),
  })).filter((x) => x.n > 0);
  if (held.length)
    throw new LoaError(
      'REFUSED',
      `--to: ${pg.conn.where} already holds hub data (${held.map((x) => `${x.t}: ${x.n}`).join(', ')}); migrate into an empty database (createdb a new one)`,
    );
}

function columns(src: Database.Database, table: string): string[] {
  return (src.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function insertRows(pg: PgDatabase, table: string, cols: string[], rows: Record<string, unknown>[]): void {
  const list = cols.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += PER_INSERT) {
    const part = rows.slice(i, i + PER_INSERT);
    const values = part.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ');
    pg.prepare(`INSERT INTO ${table} (${list}) VALUES ${values}`).run(
      ...part.flatMap((r) => cols.map((c) => r[c])),
    );
  }
}

function copyTable(src: Database.Database, pg: PgDatabase, table: string): number {
  const cols = columns(src, table);
  if (cols.length === 0) return 0; // a table this hub never made (no CAP alerts, no console)
  const read = src.prepare(
    `SELECT rowid AS _rowid, ${cols.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  let last = 0;
  let copied = 0;
  for (;;) {
    const rows = read.all(last, BATCH) as (Record<string, unknown> & { _rowid: number })[];
    if (rows.length === 0) return copied;
    pg.transaction(() => insertRows(pg, table, cols, rows))();
    copied += rows.length;
    last = (rows.at(-1) as { _rowid: number })._rowid;
  }
}

function count(db: { prepare(sql: string): { get(): unknown } }, table: string): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

export function migrateSqliteToPg(
  fromDir: string,
  toUrl: string,
  clock: Clock,
  progress: (table: string, rows: number) => void = () => undefined,
): TableCount[] {
  const src = openSource(fromDir);
  let pg: PgDatabase | undefined;
  try {
    pg = openPgDatabase(toUrl, clock, '--to');
    refuseNonEmpty(pg);
    for (const t of HUB_TABLES) progress(t, copyTable(src, pg, t));
    for (const [t, c] of SERIALS)
      pg.query(
        `SELECT setval(pg_get_serial_sequence('${t}', '${c}'), (SELECT coalesce(max(${c}), 0) + 1 FROM ${t}), false)`,
      );
    const db = pg;
    return HUB_TABLES.map((t) => ({
      table: t,
      source: columns(src, t).length ? count(src, t) : 0,
      target: count(db, t),
    }));
  } finally {
    pg?.close();
    src.close();
  }
}
