/**
 * Retention and `db status` on PostgreSQL. A batch is one short transaction deleting at most
 * `rows` of one class's oldest rows through its time index (schema.ts), committed with
 * synchronous_commit off (like SQLite's synchronous NORMAL for pruning: a delete lost to a
 * server crash is done again next run; the hub's own writes keep synchronous_commit on).
 * Space: a DELETE does not shrink PostgreSQL's files; autovacuum marks the space reusable in
 * place, so the tables stop growing once retention keeps pace. `reclaim` therefore returns 0:
 * a VACUUM here would block the hub's event loop (the calls are synchronous) for a whole
 * table, and VACUUM FULL locks the table; giving space back to the filesystem is the
 * database administrator's job (docs/sizing.md). For the same reason the size budget
 * (maxDbMB) is shown but not enforced by deleting: the files' size does not fall when rows go,
 * so it cannot say when enough has gone (it would prune everything); the ages bound the data.
 */
import { randomBytes } from 'node:crypto';
import type { RetentionClass } from '../retention-classes.js';
import { whereOf } from '../retention-classes.js';
import type { RetentionConfig } from '../retention-config.js';
import { type Batch, ClassPruner } from '../retention-pruner.js';
import type { DatabaseStatus, PruneResult, TableStatus } from '../retention-types.js';
import { classStatus } from '../sqlite-status.js';
import type { StoreMaintenance } from '../stores.js';
import type { PgDatabase } from './database.js';
import { HUB_TABLES } from './schema.js';

const TABLES = ['meta', ...HUB_TABLES];
const SIZE_SQL = `SELECT coalesce(sum(pg_total_relation_size(to_regclass(t))), 0) AS n
  FROM unnest($1::text[]) AS t`;

export class PgMaintenance extends ClassPruner implements StoreMaintenance {
  constructor(
    private readonly db: PgDatabase,
    config: () => RetentionConfig,
  ) {
    super(config);
  }

  pruneBatch(now: number, rows: number): PruneResult | undefined {
    return this.prune(now, rows);
  }

  protected override overBudget(): boolean {
    return false;
  }

  protected batch(c: RetentionClass, cutoff: number, rows: number): Batch {
    const old = Number.isFinite(cutoff) ? `${c.time} < ?` : 'true';
    const args = Number.isFinite(cutoff) ? [cutoff, rows] : [rows];
    const removed = this.db.transaction(() => {
      this.db.exec('SET LOCAL synchronous_commit = off');
      return this.db
        .prepare(
          `DELETE FROM ${c.table} WHERE ctid IN
           (SELECT ctid FROM ${c.table} WHERE ${whereOf(c, old)} ORDER BY ${c.time} LIMIT ?)`,
        )
        .run(...args).changes;
    })();
    return { removed, finished: removed < rows };
  }

  reclaim(_pages: number): number {
    return 0;
  }

  usedBytes(): number {
    return Number(this.db.query(SIZE_SQL, [`{${TABLES.join(',')}}`]).rows[0]?.n ?? 0);
  }

  status(now: number): DatabaseStatus {
    const c = this.config();
    const q = (sql: string) => this.db.query(sql).rows[0] ?? {};
    const tables: TableStatus[] = TABLES.map((name) => ({
      name,
      rows: Number(q(`SELECT count(*) AS n FROM ${name}`).n),
      bytes: Number(q(`SELECT pg_total_relation_size('${name}') AS n`).n),
    }));
    return {
      engine: 'postgresql',
      location: this.db.conn.where,
      fileBytes: Number(q('SELECT pg_database_size(current_database()) AS n').n),
      usedBytes: tables.reduce((a, t) => a + t.bytes, 0),
      reclaimableBytes: 0,
      maxBytes: c.maxDbMB * 1024 * 1024,
      autoVacuum: `autovacuum ${String(q("SELECT current_setting('autovacuum') AS v").v)}`,
      tables,
      classes: classStatus(this.db, now, c.keepDays, (k) => k.time),
    };
  }

  /**
   * Eight pages' worth that PostgreSQL cannot compress (random hex), so it cannot fit in space
   * already there, then a small value: does the server take writes again?
   */
  probeWrite(now: number): void {
    const put = this.db.prepare(
      `INSERT INTO meta (key, value) VALUES ('write_probe', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    put.run(randomBytes(32_768).toString('hex'));
    put.run(String(now));
  }
}
