/**
 * The order retention prunes in, for any engine: first every class by age (retention-classes.ts
 * order), then, while the database is over its size budget, every class oldest first whatever
 * its age. A class found up to date is not looked at again in the same run (startRun clears
 * that). The engine supplies one bounded batch of one class (SQLite walks rowids:
 * sqlite-maintenance.ts; PostgreSQL deletes through the time index: pg/maintenance.ts).
 */
import type { RetentionClass } from './retention-classes.js';
import { RETENTION_CLASSES } from './retention-classes.js';
import type { RetentionConfig } from './retention-config.js';
import type { PruneResult } from './retention-types.js';

export const DAY_MS = 86_400_000;

export interface Batch {
  removed: number;
  /** The class has nothing more for this kind of pruning in this run. */
  finished: boolean;
}

export abstract class ClassPruner {
  private readonly ageDone = new Set<string>();
  private readonly sizeDone = new Set<string>();

  constructor(protected readonly config: () => RetentionConfig) {}

  startRun(): void {
    this.ageDone.clear();
    this.sizeDone.clear();
  }

  abstract usedBytes(): number;

  /** The size budget (maxDbMB) is exceeded: prune oldest first whatever the age. */
  protected overBudget(): boolean {
    return this.usedBytes() > this.config().maxDbMB * 1024 * 1024;
  }

  /** At most `rows` rows of `c` stored before `cutoff` (epoch ms; +Infinity: any). */
  protected abstract batch(c: RetentionClass, cutoff: number, rows: number): Batch;

  protected prune(now: number, rows: number): PruneResult | undefined {
    const keep = this.config().keepDays;
    for (const c of RETENTION_CLASSES) {
      const days = keep[c.name];
      if (days === null || this.ageDone.has(c.name)) continue;
      const b = this.batch(c, now - days * DAY_MS, rows);
      if (b.finished) this.ageDone.add(c.name);
      if (b.removed > 0 || !b.finished) return { className: c.name, removed: b.removed, reason: 'age' };
    }
    if (!this.overBudget()) return undefined;
    for (const c of RETENTION_CLASSES) {
      if (this.sizeDone.has(c.name)) continue;
      const b = this.batch(c, Number.POSITIVE_INFINITY, rows);
      if (b.finished) this.sizeDone.add(c.name);
      if (b.removed > 0 || !b.finished) return { className: c.name, removed: b.removed, reason: 'size' };
    }
    return undefined;
  }
}
