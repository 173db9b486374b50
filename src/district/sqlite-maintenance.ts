/**
 * Retention on the SQLite hub: bounded batches over the classes of retention-classes.ts.
 * Every batch reads at most WINDOW rowids of one table (through the rowid, no index needed)
 * and deletes at most `rows` rows in one transaction, so the hub's event loop is held for a
 * few milliseconds (bench: hub.retention_batch_ms_p99). A class remembers how far it has been
 * pruned (every row of it at or below its cursor is gone), so the next batch starts there.
 * Freed pages are returned to the filesystem by incremental vacuum in steps.
 */
import type Database from 'better-sqlite3';
import type { RetentionClass } from './retention-classes.js';
import { whereOf } from './retention-classes.js';
import type { RetentionConfig } from './retention-config.js';
import { type Batch, ClassPruner } from './retention-pruner.js';
import type { DatabaseStatus, PruneResult } from './retention-types.js';
import { sqliteStatus } from './sqlite-status.js';
import type { StoreMaintenance } from './stores.js';

/** Rowids one batch may read: about 2-5 ms of SQLite on a Pi-class CPU. */
const WINDOW = 20_000;

export class SqliteMaintenance extends ClassPruner implements StoreMaintenance {
  private readonly cursor = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    config: () => RetentionConfig,
  ) {
    super(config);
  }

  pruneBatch(now: number, rows: number): PruneResult | undefined {
    return this.relaxed(() => this.prune(now, rows));
  }

  /**
   * A batch commits without waiting for the disk (synchronous NORMAL in WAL mode: the database
   * stays consistent, and a delete lost to a power cut is simply done again next run), so the
   * hub's event loop is not held for an fsync per batch; its own writes stay FULL.
   */
  private relaxed<T>(fn: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return fn();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  reclaim(pages: number): number {
    if (this.pragma('auto_vacuum') !== 2) return 0;
    const before = this.pragma('freelist_count');
    if (before === 0) return 0;
    this.relaxed(() => this.db.pragma(`incremental_vacuum(${Math.floor(pages)})`));
    return before - this.pragma('freelist_count');
  }

  status(now: number): DatabaseStatus {
    const c = this.config();
    return sqliteStatus(this.db, this.file, now, c.keepDays, c.maxDbMB * 1024 * 1024);
  }

  /** Writes a few pages' worth (a small value could fit in a page already there), then a small value. */
  probeWrite(now: number): void {
    const put = this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('write_probe', ?)");
    put.run('x'.repeat(4 * this.pragma('page_size')));
    put.run(String(now));
  }

  usedBytes(): number {
    return (this.pragma('page_count') - this.pragma('freelist_count')) * this.pragma('page_size');
  }

  /**
   * The class's rows after its cursor, in rowid (= age) order, within one window: the leading
   * ones older than the cutoff are deleted. A younger row ends the class for this run.
   */
  protected batch(c: RetentionClass, cutoff: number, rows: number): Batch {
    const last = (this.db.prepare(`SELECT max(rowid) AS m FROM ${c.table}`).get() as { m: number | null }).m;
    let from = this.cursor.get(c.name) ?? 0;
    // SQLite gives a new row max(rowid) + 1: after the newest row went, new rows may sit at or
    // below the cursor, so the class is read from the start again
    if (last === null || from > last) from = 0;
    if (last === null || from >= last) return { removed: 0, finished: true };
    const to = Math.min(from + WINDOW, last);
    const found = this.db
      .prepare(
        `SELECT rowid AS id, ${c.time} AS t FROM ${c.table} WHERE ${whereOf(c, 'rowid > ? AND rowid <= ?')} ORDER BY rowid LIMIT ?`,
      )
      .all(from, to, rows) as { id: number; t: number }[];
    let old = 0;
    while (old < found.length && (found[old] as { t: number }).t < cutoff) old++;
    const lastOld = old > 0 ? (found[old - 1] as { id: number }).id : from;
    if (old > 0)
      this.db
        .prepare(`DELETE FROM ${c.table} WHERE ${whereOf(c, 'rowid > ? AND rowid <= ?')}`)
        .run(from, lastOld);
    if (old < found.length) {
      this.cursor.set(c.name, lastOld);
      return { removed: old, finished: true };
    }
    const next = found.length === rows ? lastOld : to;
    this.cursor.set(c.name, next >= last && old > 0 && lastOld === last ? 0 : next);
    return { removed: old, finished: next >= last };
  }

  private pragma(name: string): number {
    return Number(this.db.pragma(name, { simple: true }));
  }
}
