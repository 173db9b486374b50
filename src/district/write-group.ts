/**
 * Group commit for the hub's writes. With synchronous=FULL every transaction waits for its
 * fsync (db.ts), and a store method is one transaction: 10,000 stations each storing a
 * broadcast window's events at the same minute were 10,000 fsyncs in a row on the event loop
 * (measured: ack p99 8.4 s for 2,500 stations, 18 s with a profiler; bench group `hub`).
 * Here the writes that arrive in one turn of the event loop run in one transaction (each store
 * method nested in it as a savepoint, so each stays atomic on its own), committed once, and
 * only then is each writer told: an ack still leaves the hub only after what it acknowledges
 * is on disk (DESIGN.md decision 2). A group gathers for GROUP_MS after its first write, so a
 * steady trickle (stations connecting at a few hundred a second) shares commits too.
 */
import { type LoaError, toLoaError } from '../core/errors.js';
import type { SqlDb } from './sql.js';
import { writeError } from './storage-guard.js';

export interface WriteGroup {
  /**
   * Runs `work` in the next group transaction, in the order added; then `after` with its
   * result once the transaction is committed, or `failed` if `work` threw or the commit failed
   * (nothing of it is stored then).
   */
  add<T>(work: () => T, after?: (r: T) => void, failed?: (e: LoaError) => void): void;
  /** Runs `work` at once in a transaction of its own (many rows an operator waits for). */
  now<T>(work: () => T): T;
  /** Commits what is queued now (before the database closes). */
  flush(): void;
}

/**
 * 10 ms: at most 100 commits a second (an fsync here takes ~4 ms: at most ~40 % of the event
 * loop even when every window has a write), and an ack is late by at most 10 ms, against a 4G
 * round trip of 50-100 ms.
 */
export const GROUP_MS = 10;

interface Job {
  work: () => unknown;
  after: ((r: unknown) => void) | undefined;
  failed: ((e: LoaError) => void) | undefined;
  result?: unknown;
  error?: LoaError;
}

export class SqliteWriteGroup implements WriteGroup {
  private queue: Job[] = [];
  /** Transactions committed and jobs they carried (the bench reads them from the log). */
  commits = 0;
  jobs = 0;

  constructor(
    private readonly db: SqlDb,
    private readonly schedule: (f: () => void) => void = (f) => setTimeout(f, GROUP_MS),
  ) {}

  add<T>(work: () => T, after?: (r: T) => void, failed?: (e: LoaError) => void): void {
    if (this.queue.length === 0) this.schedule(() => this.flush());
    this.queue.push({ work, after: after as Job['after'], failed });
  }

  now<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Runs what is queued in one transaction, then tells each writer. */
  flush(): void {
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const j of jobs) this.runOne(j);
      })();
      this.commits++;
      this.jobs += jobs.length;
    } catch (e) {
      const err = writeError(e); // a full disk stays recognisable (storage-guard.ts)
      for (const j of jobs) j.error ??= err;
    }
    for (const j of jobs) this.settle(j);
  }

  private runOne(j: Job): void {
    // a savepoint: a job that throws takes back only its own writes
    try {
      j.result = this.db.transaction(j.work)();
    } catch (e) {
      j.error = writeError(e);
    }
  }

  private settle(j: Job): void {
    // a writer's follow-up that throws is its own failure; the others still hear about theirs
    try {
      if (j.error) j.failed?.(j.error);
      else j.after?.(j.result);
    } catch (e) {
      if (!j.error) j.failed?.(toLoaError(e));
    }
  }
}
