/**
 * A PostgreSQL database with the face the hub's stores use (sql.ts): `prepare(sql)` with `?`
 * or `@name` parameters (numbered `$n` for libpq), `transaction(fn)` nesting as savepoints
 * exactly like better-sqlite3's, `exec(script)`. Every call is synchronous (connection.ts).
 */
import { LoaError } from '../../core/errors.js';
import type { SqlDb, SqlDialect, SqlRunResult, SqlStatement } from '../sql.js';
import type { PgConnection } from './connection.js';

export const PG_DIALECT: SqlDialect = { name: 'postgres', forUpdate: ' FOR UPDATE', insertOrder: 'seq' };

interface Translated {
  text: string;
  /** Parameter names in $n order ('' for a positional `?`). */
  names: string[];
}

/** `?` and `@name` to `$1…`, leaving quoted strings and identifiers alone. */
export function translate(sql: string): Translated {
  const names: string[] = [];
  let text = '';
  let quote = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (quote) {
      if (ch === quote) quote = '';
      text += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      text += ch;
    } else if (ch === '?') {
      names.push('');
      text += `$${names.length}`;
    } else if (ch === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))?.[0] as string;
      const at = names.indexOf(name);
      if (at < 0) names.push(name);
      text += `$${at < 0 ? names.length : at + 1}`;
      i += name.length;
    } else text += ch;
  }
  return { text, names };
}

function value(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new LoaError('INTERNAL', `database parameter of type ${typeof v}`);
}

function bind(t: Translated, params: unknown[]): (string | null)[] {
  const named = params.length === 1 && typeof params[0] === 'object' && params[0] !== null;
  if (named && t.names.some((n) => n !== ''))
    return t.names.map((n) => value((params[0] as Record<string, unknown>)[n]));
  return params.map(value);
}

export class PgDatabase implements SqlDb {
  readonly dialect = PG_DIALECT;
  private depth = 0;

  constructor(readonly conn: PgConnection) {}

  /** One statement, parameters already numbered. Reconnects only outside a transaction. */
  query(sql: string, params?: (string | null)[]) {
    return this.conn.query(sql, params, this.depth === 0);
  }

  prepare(sql: string): SqlStatement {
    const t = translate(sql);
    const run = (params: unknown[]) => this.query(t.text, bind(t, params));
    return {
      run: (...p): SqlRunResult => ({ changes: run(p).changes }),
      get: (...p) => run(p).rows[0],
      all: (...p) => run(p).rows,
    };
  }

  exec(sql: string): void {
    this.query(sql);
  }

  transaction<T>(fn: () => T): () => T {
    return () => {
      const outer = this.depth === 0;
      const sp = `loa_sp${this.depth}`;
      this.query(outer ? 'BEGIN' : `SAVEPOINT ${sp}`);
      this.depth++;
      let r: T;
      try {
        r = fn();
      } catch (e) {
        this.depth--;
        this.rollback(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${sp}; RELEASE SAVEPOINT ${sp}`);
        throw e;
      }
      this.depth--;
      if (outer) this.commit();
      else this.release(sp);
      return r;
    };
  }

  /**
   * A COMMIT that fails (the connection lost with it) is never retried on a new connection:
   * there it would find no transaction and "succeed". A COMMIT of a transaction in which a
   * statement failed (its error caught by the caller) is a rollback in PostgreSQL — SQLite
   * would have committed the rest — so it is reported as the failure it is: nothing of it is
   * stored, and no station is told otherwise.
   */
  private commit(): void {
    const tag = this.conn.query('COMMIT', undefined, false).command;
    if (tag !== 'COMMIT')
      throw new LoaError(
        'INTERNAL',
        `database (${this.conn.where}): the transaction was rolled back (${tag}): a statement in it had failed`,
      );
  }

  private release(sp: string): void {
    try {
      this.conn.query(`RELEASE SAVEPOINT ${sp}`, undefined, false);
    } catch (e) {
      this.rollback(`ROLLBACK TO SAVEPOINT ${sp}; RELEASE SAVEPOINT ${sp}`);
      throw e;
    }
  }

  close(): void {
    this.conn.close();
  }

  /** Rolls back a transaction or savepoint on the same connection, never on a new one. */
  private rollback(sql: string): void {
    try {
      this.conn.query(sql, undefined, false);
    } catch {
      // a rollback on a lost connection: the server rolled the transaction back itself
    }
  }
}
