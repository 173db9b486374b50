/**
 * The hub with its disk full: it refuses new writes (STORAGE_FULL, an error log line, the
 * metric loa_hub_storage_full and `districtctl db status`) and goes on serving what it holds:
 * sessions stay up, reads work. Two levels: below `minFreeMB` free the bulk (station data,
 * snapshots, uploads) is refused while commands, schedules, session starts and the audit still
 * use the reserve (a warning must still reach the stations), and SQLite keeps room to delete
 * and checkpoint, so retention can make space; a write that fails for want of space (SQLite's
 * SQLITE_FULL, the filesystem's ENOSPC/EDQUOT) refuses everything.
 * SQLite rolls a failed transaction back whole, so nothing half-written stays. Every check
 * (the hub's 5 s sweep) it looks again: enough free space and one small write that goes
 * through, and writes are accepted again.
 */
import type { Clock } from '../core/clock.js';
import { hasErrno, LoaError, toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export interface StorageFull {
  sinceMs: number;
  reason: string;
  /**
   * "reserve": free space is below minFreeMB; the bulk (station data, snapshots, uploads) is
   * refused, while what an operator or an emergency needs (commands, schedules, audit, session
   * starts) still goes into the reserve. "disk": a write failed for want of space; all refused.
   */
  level: 'reserve' | 'disk';
}

export interface StorageGuardOptions {
  clock: Clock;
  log: Logger;
  /** Free bytes on the database's filesystem. */
  freeBytes(): number;
  /** Below this, the bulk of writes is refused. */
  minFreeBytes: number;
  /** One small write (StoreMaintenance.probeWrite). */
  probe(now: number): void;
}

/** A write that may still use the reserve (small, and needed to warn people). */
export type WriteKind = 'bulk' | 'priority';

const FULL_CODES = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC'];

/** A write refused for want of space (SQLite or the filesystem), as its error says. */
export function isDiskFull(e: unknown): boolean {
  return FULL_CODES.some((c) => hasErrno(e, c)) || (e instanceof LoaError && e.code === 'STORAGE_FULL');
}

/** A failed write as a LoaError; one the disk refused stays recognisable (STORAGE_FULL, diskFull). */
export function writeError(e: unknown): LoaError {
  if (e instanceof LoaError || !isDiskFull(e)) return toLoaError(e);
  return new LoaError('STORAGE_FULL', (e as Error).message, { diskFull: true });
}

export class StorageGuard {
  private state: StorageFull | undefined;

  constructor(private readonly o: StorageGuardOptions) {}

  get full(): StorageFull | undefined {
    return this.state;
  }

  /** Runs a write; refused at once while full, and a write that finds the disk full trips the guard. */
  write<T>(what: string, fn: () => T, kind: WriteKind = 'bulk'): T {
    this.admit(what, kind);
    try {
      return fn();
    } catch (e) {
      throw this.failure(what, e);
    }
  }

  async writeAsync<T>(what: string, fn: () => Promise<T>, kind: WriteKind = 'bulk'): Promise<T> {
    this.admit(what, kind);
    try {
      return await fn();
    } catch (e) {
      throw this.failure(what, e);
    }
  }

  private admit(what: string, kind: WriteKind): void {
    if (this.state && (this.state.level === 'disk' || kind === 'bulk')) throw this.refusal(what);
  }

  /**
   * The error to report for a failed write: a write the disk refused (SQLite or the filesystem,
   * or a group commit that met it: write-group.ts) trips the guard and becomes STORAGE_FULL;
   * the guard's own refusals and other errors stay as they are.
   */
  failure(what: string, e: unknown): unknown {
    const raw = e instanceof LoaError ? e.details.diskFull === true : isDiskFull(e);
    if (!raw) return e;
    this.trip(`${what}: ${(e as Error).message}`, 'disk');
    return this.refusal(what);
  }

  /** Looks at the free space (and, while full, tries a write); true when writes are accepted. */
  check(): boolean {
    const free = this.freeOrZero();
    if (free < this.o.minFreeBytes) {
      this.trip(
        `${free} bytes free on the database's filesystem, below the ${this.o.minFreeBytes} kept in reserve`,
        'reserve',
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

  private trip(reason: string, level: StorageFull['level']): void {
    if (this.state?.level === 'disk' || this.state?.level === level) return;
    this.state = { sinceMs: this.state?.sinceMs ?? this.o.clock.now(), reason, level };
    const msg =
      level === 'disk'
        ? 'storage full: new writes refused until space returns; reads and sessions go on'
        : 'storage low: station data refused until space returns; commands, schedules and audit use the reserve';
    this.o.log.error(msg, { reason, refused: level });
  }

  private refusal(what: string): LoaError {
    return new LoaError(
      'STORAGE_FULL',
      `the hub's disk is full (${this.state?.reason ?? 'no space'}): ${what} not stored; free space on the hub (districtctl db status)`,
    );
  }
}
