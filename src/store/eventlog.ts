/**
 * The station's event log: append-only JSON lines, each event with a sequence number, time,
 * kind, severity and details. Appends are batched (alarms within alarmFlushMs, routine
 * events within flushMs) and synced, so an SD card sees a few hundred bytes per event, not a
 * rewrite of the whole log. Bounded: past maxEvents the oldest routine (info) events go
 * first, alarms last; the file is compacted atomically when it grows past the bound.
 * A torn last line (power cut mid-append) or a damaged file is kept aside, never fatal.
 */
import { readFile } from 'node:fs/promises';
import type { Clock, Timer } from '../core/clock.js';
import { isENOENT } from '../core/errors.js';
import type { EventInput, EventSink, Severity, StationEvent } from '../core/events.js';
import { RETRY_MS } from './doc.js';
import { appendDurable, keepAside, type WriteStats, writeFileAtomic } from './files.js';

export interface EventLogOptions {
  file: string;
  clock: Clock;
  stats?: WriteStats;
  maxEvents?: number;
  flushMs?: number;
  alarmFlushMs?: number;
}

export interface EventQuery {
  sinceSeq?: number;
  sinceTs?: number;
  kinds?: string[];
  severity?: Severity;
  limit?: number;
}

export interface LoadReport {
  events: number;
  badLines: number;
  keptAs?: string;
}

export class EventLog implements EventSink {
  private events: StationEvent[] = [];
  private pending: StationEvent[] = [];
  private nextSeq = 1;
  private fileLines = 0;
  private timer: Timer | undefined;
  private timerDue = Number.POSITIVE_INFINITY;
  private writing: Promise<void> = Promise.resolve();
  /** The pending events outgrew the bound while writes failed: the next write rewrites the file. */
  private compactDue = false;
  private readonly listeners = new Set<(e: StationEvent) => void>();
  dropped = 0;

  constructor(private readonly o: EventLogOptions) {}

  private get max(): number {
    return this.o.maxEvents ?? 5000;
  }

  async load(): Promise<LoadReport> {
    let text: string;
    try {
      text = await readFile(this.o.file, 'utf8');
    } catch (e) {
      if (isENOENT(e)) return { events: 0, badLines: 0 };
      throw e;
    }
    let bad = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const e = parseEvent(line);
      if (e) this.events.push(e);
      else bad++;
    }
    this.events.sort((a, b) => a.seq - b.seq);
    this.nextSeq = (this.events.at(-1)?.seq ?? 0) + 1;
    this.trim();
    const report: LoadReport = { events: this.events.length, badLines: bad };
    if (bad > 0) {
      report.keptAs = await keepAside(this.o.file, this.o.clock.now());
      await this.compact();
    } else this.fileLines = this.events.length;
    return report;
  }

  emit(input: EventInput): StationEvent {
    const e: StationEvent = {
      ...input,
      details: input.details ?? {},
      seq: this.nextSeq++,
      ts: this.o.clock.now(),
    };
    this.events.push(e);
    this.pending.push(e);
    if (this.pending.length > this.max) {
      this.pending = [];
      this.compactDue = true;
    }
    this.trim();
    for (const l of this.listeners) l(e);
    const delay = e.severity === 'alarm' ? (this.o.alarmFlushMs ?? 200) : (this.o.flushMs ?? 5000);
    this.schedule(delay);
    return e;
  }

  query(q: EventQuery = {}): StationEvent[] {
    let r = this.events;
    if (q.sinceSeq !== undefined) r = r.filter((e) => e.seq >= (q.sinceSeq ?? 0));
    if (q.sinceTs !== undefined) r = r.filter((e) => e.ts >= (q.sinceTs ?? 0));
    if (q.kinds?.length)
      r = r.filter((e) =>
        q.kinds?.some((k) => e.kind === k || e.kind.startsWith(`${k}.`) || e.kind.startsWith(`${k}:`)),
      );
    if (q.severity) r = r.filter((e) => e.severity === q.severity);
    return q.limit ? r.slice(-q.limit) : [...r];
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  get size(): number {
    return this.events.length;
  }

  onEvent(cb: (e: StationEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Writes what is pending now; resolves when it is synced. */
  async flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
    const run = this.writing.catch(() => undefined).then(() => this.writePending());
    this.writing = run;
    return run;
  }

  private schedule(delay: number): void {
    const due = this.o.clock.monotonic() + delay;
    if (due >= this.timerDue) return;
    this.timer?.cancel();
    this.timerDue = due;
    this.timer = this.o.clock.setTimeout(() => {
      this.flush().catch(() => undefined); // kept and retried (store-alarm.ts raises the alarm)
    }, delay);
  }

  /** A batch that cannot be written (a full card) stays pending, in order, and is tried again. */
  private async writePending(): Promise<void> {
    if (this.pending.length === 0 && !this.compactDue) return;
    const batch = this.pending;
    this.pending = [];
    try {
      if (this.compactDue || this.fileLines + batch.length > this.max * 1.25) {
        await this.compact();
        return;
      }
      await appendDurable(this.o.file, batch.map((e) => `${JSON.stringify(e)}\n`).join(''), this.o.stats);
      this.fileLines += batch.length;
    } catch (e) {
      this.pending = [...batch, ...this.pending];
      this.schedule(RETRY_MS);
      throw e;
    }
  }

  private async compact(): Promise<void> {
    const text = this.events.map((e) => `${JSON.stringify(e)}\n`).join('');
    const held = this.pending; // in the text; events emitted during the write stay pending
    this.pending = [];
    try {
      await writeFileAtomic(this.o.file, text, this.o.stats);
    } catch (e) {
      this.pending = [...held, ...this.pending];
      throw e;
    }
    this.compactDue = false;
    this.fileLines = this.events.length;
  }

  /** Bounded: the oldest routine event goes first; alarms and warnings only when nothing else is left. */
  private trim(): void {
    while (this.events.length > this.max) {
      const i = this.events.findIndex((e) => e.severity === 'info');
      this.events.splice(Math.max(i, 0), 1);
      this.dropped++;
    }
  }
}

function parseEvent(line: string): StationEvent | undefined {
  try {
    const e = JSON.parse(line) as StationEvent;
    if (typeof e.seq !== 'number' || typeof e.ts !== 'number' || typeof e.kind !== 'string') return undefined;
    return e;
  } catch {
    return undefined;
  }
}
