/**
 * The outbox on disk: append-only JSON lines (an item, an ack, a drop, a header), batched and
 * synced like the event log (alarms within 200 ms, the rest within 2 s) so an SD card sees a
 * few hundred bytes per event; rewritten atomically from the live items once the file has
 * grown to many lines no longer needed. A torn last line (power cut mid-append) is skipped.
 */
import { readFile } from 'node:fs/promises';
import type { Clock, Timer } from '../core/clock.js';
import { isENOENT } from '../core/errors.js';
import { RETRY_MS } from '../store/doc.js';
import { appendDurable, type WriteStats, writeFileAtomic } from '../store/files.js';
import type { DropStats, OutboxItem } from './outbox-item.js';

export interface OutboxHeader {
  epoch: string;
  acked: number;
  nextSeq: number;
  lastEventSeq?: number;
  drops?: DropStats;
}

/** One line: a header, an item, an ack (a), or dropped seqs (x) with the drop totals (d). */
export interface OutboxLine {
  h?: OutboxHeader;
  i?: OutboxItem;
  a?: number;
  x?: number[];
  d?: DropStats;
}

const ALARM_FLUSH_MS = 200;
const ROUTINE_FLUSH_MS = 2000;
/** Compact when this many lines on disk are no longer live (and more than twice the live ones). */
const COMPACT_SLACK = 2000;

export class OutboxFile {
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: Timer | undefined;
  private timerDue = Number.POSITIVE_INFINITY;
  private lines = 0;
  badLines = 0;

  constructor(
    readonly path: string,
    private readonly clock: Clock,
    /** The station's write stats: a failed write raises the store alarm (store-alarm.ts). */
    private readonly stats?: WriteStats,
  ) {}

  async load(): Promise<OutboxLine[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if (isENOENT(e)) return [];
      throw e;
    }
    const out: OutboxLine[] = [];
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      try {
        out.push(JSON.parse(raw) as OutboxLine);
      } catch {
        this.badLines++;
      }
    }
    this.lines = out.length;
    return out;
  }

  append(line: OutboxLine, urgent: boolean): void {
    this.pending.push(`${JSON.stringify(line)}\n`);
    this.schedule(urgent ? ALARM_FLUSH_MS : ROUTINE_FLUSH_MS);
  }

  /** Rewrites the file from `snapshot()` when most of its lines are dead. */
  maybeCompact(snapshot: () => OutboxLine[]): void {
    if (this.lines + this.pending.length < COMPACT_SLACK) return;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const live = snapshot();
        if (this.lines + this.pending.length < Math.max(COMPACT_SLACK, 2 * live.length)) return;
        const held = this.pending;
        this.pending = [];
        try {
          await writeFileAtomic(this.path, live.map((l) => `${JSON.stringify(l)}\n`).join(''), this.stats);
        } catch {
          this.retry(held); // the append path keeps working meanwhile
          return;
        }
        this.lines = live.length;
      });
  }

  /** Lines that could not be written (a full card) go back first, in order, and are tried again. */
  private retry(held: string[]): void {
    this.pending = [...held, ...this.pending];
    this.schedule(RETRY_MS);
  }

  /** Writes what is pending now; resolves when it is synced. */
  flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
    const run = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (this.pending.length === 0) return;
        const batch = this.pending;
        this.pending = [];
        try {
          await appendDurable(this.path, batch.join(''), this.stats);
        } catch (e) {
          this.retry(batch);
          throw e;
        }
        this.lines += batch.length;
      });
    this.writing = run;
    return run;
  }

  private schedule(delay: number): void {
    const due = this.clock.monotonic() + delay;
    if (due >= this.timerDue) return;
    this.timer?.cancel();
    this.timerDue = due;
    this.timer = this.clock.setTimeout(() => {
      this.flush().catch(() => undefined); // kept and retried
    }, delay);
  }
}
