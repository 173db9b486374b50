/**
 * The hub with its disk full: it refuses new writes (STORAGE_FULL, an error log line, the
 * metric loa_hub_storage_full and `districtctl db status`) and goes on serving what it holds:
 * sessions stay up, reads work. It trips when a write fails for want of space (SQLite's
 * SQLITE_FULL, the filesystem's ENOSPC/EDQUOT) or when the filesystem's free space falls below
 * `minFreeMB`: that margin leaves room for SQLite to delete and checkpoint, so retention can
 * still make room. SQLite rolls a failed transaction back whole, so nothing half-written
 * stays. Every check (the hub's 5 s sweep) it looks again: enough free space and one small
 * write that goes through, and writes are accepted again.
 */
import type { Clock } from '../core/clock.js';
import { hasErrno, LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export interface StorageFull {
  sinceMs: number;
  reason: string;
}

export interface StorageGuardOptions {
  clock: Clock;
  log: Logger;
  /** Free bytes on the database's filesystem. */
  freeBytes(): number;
  /** Below this, writes are refused. */
  minFreeBytes: number;
  /** One small write (StoreMaintenance.probeWrite). */
  probe(now: number): void;
}

const FULL_CODES = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC'];

/** A write refused for want of space (SQLite or the filesystem), as its error says. */
export function isDiskFull(e: unknown): boolean {
  return FULL_CODES.some((c) => hasErrno(e, c)) || (e instanceof LoaError && e.code === 'STORAGE_FULL');
}

export class StorageGuard {
  private state: StorageFull | undefined;

  constructor(private readonly o: StorageGuardOptions) {}

  get full(): StorageFull | undefined {
    return this.state;
  }

  /** Runs a write; refused at once while full, and a write that finds the disk full trips the guard. */
  write<T>(what: string, fn: () => T): T {
    if (this.state) throw this.refusal(what);
    try {
      return fn();
    } catch (e) {
      if (!isDiskFull(e)) throw e;
      this.trip(`${what}: ${(e as Error).message}`);
      throw this.refusal(what);
    }
  }

  async writeAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.state) throw this.refusal(what);
    try {
      return await fn();
    } catch (e) {
      if (!isDiskFull(e)) throw e;
      this.trip(`${what}: ${(e as Error).message}`);
      throw this.refusal(what);
    }
  }

  /** Looks at the free space (and, while full, tries a write); true when writes are accepted. */
  check(): boolean {
    const free = this.freeOrZero();
    if (free < this.o.minFreeBytes) {
      this.trip(
        `${free} bytes free on the database's filesystem, below the ${this.o.minFreeBytes} kept in reserve`,
      );
      return false;
    }
    if (!this.state) return true;
    try {
      this.o.probe(this.o.clock.now());
    } catch (e) {
      if (isDiskFull(e)) return false;
      throw e;
    }
    this.o.log.info('storage: writes accepted again', { fullSinceMs: this.state.sinceMs, freeBytes: free });
    this.state = undefined;
    return true;
  }

  private freeOrZero(): number {
    try {
      return this.o.freeBytes();
    } catch {
      return Number.POSITIVE_INFINITY; // statfs unsupported: rely on the writes themselves
    }
  }

  private trip(reason: string): void {
    if (this.state) return;
    this.state = { sinceMs: this.o.clock.now(), reason };
    this.o.log.error('storage full: new writes refused until space returns; reads and sessions go on', {
      reason,
    });
  }

  private refusal(what: string): LoaError {
    return new LoaError(
      'STORAGE_FULL',
      `the hub's disk is full (${this.state?.reason ?? 'no space'}): ${what} not stored; free space on the hub (districtctl db status)`,
    );
  }
}
