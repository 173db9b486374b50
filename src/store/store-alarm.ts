/**
 * The station's store in trouble: an alarm, never a stop. A write that fails (a full SD card:
 * ENOSPC; a broken one: EIO, EROFS) raises `store.full` or `store.write_failed` naming the
 * files; the free space on the data directory's filesystem is looked at every 30 s as well,
 * since some writers (media downloads, settings) only find out when they next write. The
 * station goes on broadcasting meanwhile (audio, schedule and interlocks run from memory);
 * the writers keep what they could not write and try again (doc.ts, eventlog.ts, the
 * outbox), and the alarm clears once they got through and the space is back.
 */
import { statfsSync } from 'node:fs';
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms } from '../core/events.js';
import type { WriteStats } from './files.js';

/** Below this the card is as good as full: the event log and the outbox need room to append. */
export const STORE_MIN_FREE_BYTES = 1024 * 1024;
const CHECK_MS = 30_000;

export interface StoreAlarmOptions {
  stats: WriteStats;
  alarms: Alarms;
  clock: Clock;
  dataDir: string;
  /** Free bytes of the data directory's filesystem (statfs by default). */
  freeBytes?: (dir: string) => number;
}

function statfsFree(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

export class StoreAlarm {
  private timer: Timer | undefined;
  private readonly off: () => void;
  private lowSpace = false;

  constructor(private readonly o: StoreAlarmOptions) {
    this.off = o.stats.onChange(() => this.update());
  }

  start(): void {
    this.check();
    this.timer ??= this.o.clock.setInterval(() => this.check(), CHECK_MS);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.off();
  }

  /** Looks at the free space now. */
  check(): void {
    let free = Number.POSITIVE_INFINITY;
    try {
      free = (this.o.freeBytes ?? statfsFree)(this.o.dataDir);
    } catch {
      // statfs unsupported: the failed writes alone tell
    }
    this.lowSpace = free < STORE_MIN_FREE_BYTES;
    this.update(free);
  }

  private update(free?: number): void {
    const failing = this.o.stats.failures;
    const full = failing.filter((f) => f.code === 'ENOSPC' || f.code === 'EDQUOT');
    const broken = failing.filter((f) => !full.includes(f));
    const names = (list: typeof failing) => list.map((f) => f.file.split('/').pop()).join(', ');
    if (full.length || this.lowSpace)
      this.o.alarms.raise(
        'store.full',
        'store',
        `the data disk is full${full.length ? ` (${names(full)} not written)` : ''}: broadcasting goes on, writes are retried; free space in ${this.o.dataDir}`,
        { files: full.map((f) => f.file), freeBytes: free ?? null, dataDir: this.o.dataDir },
      );
    else this.o.alarms.clear('store.full', 'the data disk takes writes again');
    if (broken.length)
      this.o.alarms.raise(
        'store.write_failed',
        'store',
        `writing ${names(broken)} failed (${broken[0]?.code}: ${broken[0]?.message}); broadcasting goes on, writes are retried`,
        { files: broken.map((f) => f.file) },
      );
    else this.o.alarms.clear('store.write_failed', 'the store writes again');
  }
}
