/**
 * One libpq connection, used synchronously (pg-native's querySync: the hub's stores keep their
 * one-call-one-transaction contract, store.ts; docs/sizing.md has what that costs). A lost
 * connection is dropped and opened again on the next call outside a transaction, at most once
 * per backoff step (250 ms doubling to 15 s), so a hub whose database is down answers at once
 * with UNAVAILABLE instead of blocking its event loop on a connect per call. Inside a
 * transaction it never reconnects: the statements after that would run outside it.
 */
import { createRequire } from 'node:module';
import pg from 'pg';
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import { type PgErrorFields, pgError } from './errors.js';

const require = createRequire(import.meta.url);

interface Libpq {
  cmdTuples(): string;
  cmdStatus(): string;
  resultErrorFields(): PgErrorFields | null;
}

interface NativeClient {
  pq: Libpq;
  connectSync(conninfo: string): void;
  querySync(sql: string, params?: (string | null)[]): Record<string, unknown>[];
  end(cb?: () => void): void;
}

type NativeCtor = new (o: { types: unknown }) => NativeClient;

/** bigint (20) and numeric (1700) as JS numbers: ms times and counts stay below 2^53. */
const TYPES = {
  getTypeParser: (oid: number, format?: string) =>
    oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format as 'text'),
};

/**
 * Ended clients kept reachable for a moment: the libpq addon (1.11) closes its socket watcher
 * with uv_close, whose handle lives inside the wrapper, and then lets the wrapper be collected;
 * collected before the event loop runs the close, the loop would touch freed memory (the likely
 * cause of a test worker that died at random, twice in a dozen runs, before this).
 */
const retired = new Set<NativeClient>();

function finish(c: NativeClient): void {
  try {
    c.end();
  } catch {
    // already gone
  }
  retired.add(c);
  setTimeout(() => retired.delete(c), 1000).unref();
}

const FIRST_BACKOFF_MS = 250;
/** A connect to a server that does not answer holds the hub up to 2 s: at most one in 15 s. */
const MAX_BACKOFF_MS = 15_000;

export interface QueryResult {
  rows: Record<string, unknown>[];
  changes: number;
  /** The command tag: "COMMIT", or "ROLLBACK" for a COMMIT of a transaction that had failed. */
  command: string;
}

export class PgConnection {
  private client: NativeClient | undefined;
  private backoffMs = 0;
  private nextTry = 0;
  /** Connections opened (the first and each reconnect). */
  connects = 0;

  constructor(
    private readonly conninfo: string,
    /** The database as logs and errors name it (no credentials). */
    readonly where: string,
    private readonly clock: Clock,
  ) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  query(sql: string, params: (string | null)[] | undefined, reconnect: boolean): QueryResult {
    const c = this.client ?? (reconnect ? this.open() : this.lost('connection lost in a transaction'));
    try {
      const rows = c.querySync(sql, params);
      return { rows, changes: Number(c.pq.cmdTuples()) || 0, command: c.pq.cmdStatus() };
    } catch (e) {
      const err = pgError((e as Error).message, c.pq.resultErrorFields(), this.where);
      if (err.details.connectionLost) this.drop();
      throw err;
    }
  }

  close(): void {
    this.drop();
    this.nextTry = Number.POSITIVE_INFINITY;
  }

  private open(): NativeClient {
    const now = this.clock.monotonic();
    if (now < this.nextTry) this.lost(`next attempt in ${Math.ceil(this.nextTry - now)} ms`);
    const Native = require('pg-native') as NativeCtor;
    const c = new Native({ types: TYPES });
    try {
      c.connectSync(this.conninfo);
      c.querySync("SET client_min_messages = warning; SET statement_timeout = '30s'");
    } catch (e) {
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : FIRST_BACKOFF_MS);
      this.nextTry = now + this.backoffMs;
      finish(c);
      throw pgError((e as Error).message, null, this.where);
    }
    this.backoffMs = 0;
    this.connects++;
    this.client = c;
    return c;
  }

  private drop(): void {
    const c = this.client;
    this.client = undefined;
    if (c) finish(c);
  }

  private lost(why: string): never {
    throw new LoaError('UNAVAILABLE', `the hub's database (${this.where}) is unreachable: ${why}`, {
      connectionLost: true,
    });
  }
}
