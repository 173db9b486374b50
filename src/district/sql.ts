/**
 * What the hub's stores need of a SQL database, whatever the engine: prepared statements with
 * `?` (or `@name`) parameters, nested transactions (a savepoint inside another) and plain
 * scripts. better-sqlite3's Database is one as it is; PgDatabase (pg/database.ts) is the other,
 * over libpq's synchronous calls, so one store class (stations.ts, commands.ts, …) serves both
 * engines with the same SQL. That SQL keeps to what both engines mean the same way: `INSERT …
 * ON CONFLICT`, `RETURNING`, a named subquery, quoted `"user"`/`"by"`; where they differ (row
 * locks, insertion order) the store asks the dialect below.
 */

export interface SqlRunResult {
  changes: number;
  lastInsertRowid?: number | bigint;
}

export interface SqlStatement {
  run(...params: unknown[]): SqlRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqlDb {
  prepare(sql: string): SqlStatement;
  /** A function running `fn` in a transaction, or in a savepoint when one is open already. */
  transaction<T>(fn: () => T): () => T;
  /** Runs a script of statements without parameters. */
  exec(sql: string): unknown;
}

export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /**
   * Appended to a read that a write in the same transaction depends on. SQLite has one writer
   * at a time; PostgreSQL with two hubs on one database needs the row locked (FOR UPDATE), or
   * two hubs storing one station's batch would both read the same acknowledged seq.
   */
  forUpdate: string;
  /** A column in insertion order: ties of equal times come out in the order they were stored. */
  insertOrder: string;
}

export const SQLITE_DIALECT: SqlDialect = { name: 'sqlite', forUpdate: '', insertOrder: 'rowid' };

/** The engine behind a store's database (a PgDatabase says so; better-sqlite3 does not). */
export function dialectOf(db: SqlDb): SqlDialect {
  return (db as { dialect?: SqlDialect }).dialect ?? SQLITE_DIALECT;
}
