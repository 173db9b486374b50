/**
 * Store-and-forward outbox (DESIGN.md decision 2): every event and every measurement the
 * district should see gets a monotonic sequence number and waits here until the district
 * acknowledges it (cumulatively). Persisted in the data directory (outbox-file.ts), so a
 * restart or a power cut loses nothing already written. Bounded by count, bytes and age:
 * when over a bound, routine measurements go first, then info events, then warnings, and
 * alarms last; the next session starts with one "dropped" record that says how many went.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { WriteStats } from '../store/files.js';
import { OutboxFile, type OutboxLine } from './outbox-file.js';
import type { DropStats, ItemBody, OutboxItem } from './outbox-item.js';

export type { DropStats, ItemBody, OutboxItem } from './outbox-item.js';

export interface OutboxLimits {
  maxItems: number;
  maxBytes: number;
  maxAgeMs: number;
}

/** Room kept for a dropped record (its JSON is about 150 bytes). */
const RECORD_BYTES = 256;
const NO_DROPS: DropStats = { count: 0, measurements: 0, events: 0, firstSeq: 0, lastSeq: 0 };

/** Lower goes first when the outbox is full. */
function rank(i: OutboxItem): number {
  if (i.kind === 'changes') return 0;
  if (i.kind === 'dropped') return 9;
  return i.event.severity === 'info' ? 1 : i.event.severity === 'warning' ? 2 : 3;
}

export class Outbox {
  private items: OutboxItem[] = [];
  private sizes = new Map<number, number>();
  private bytes = 0;
  private nextSeq = 1;
  private acked = 0;
  private drops: DropStats = { ...NO_DROPS };
  private readonly listeners = new Set<(i: OutboxItem) => void>();
  epoch = '';
  /** The newest station event already enqueued (the catch-up point after a restart). */
  lastEventSeq = 0;

  constructor(
    private readonly file: OutboxFile,
    private readonly clock: Clock,
    private readonly limits: OutboxLimits,
  ) {}

  static open(path: string, clock: Clock, limits: OutboxLimits, stats?: WriteStats): Promise<Outbox> {
    const box = new Outbox(new OutboxFile(path, clock, stats), clock, limits);
    return box.load().then(() => box);
  }

  get size(): number {
    return this.items.length;
  }
  get byteSize(): number {
    return this.bytes;
  }
  get lastSeq(): number {
    return this.nextSeq - 1;
  }
  get ackedSeq(): number {
    return this.acked;
  }
  get pendingDrops(): DropStats {
    return { ...this.drops };
  }
  /** The first item not yet acknowledged (lastSeq + 1 when empty). */
  get firstUnacked(): number {
    return this.items[0]?.seq ?? this.nextSeq;
  }
  get oldestTs(): number | undefined {
    return this.items[0]?.ts;
  }

  enqueue(body: ItemBody, bounded = true): OutboxItem {
    const item = { seq: this.nextSeq++, ts: this.clock.now(), ...body } as OutboxItem;
    if (body.kind === 'event') this.lastEventSeq = Math.max(this.lastEventSeq, body.event.seq);
    this.add(item);
    this.file.append({ i: item }, body.kind === 'event' && body.event.severity === 'alarm');
    if (bounded) this.enforce();
    for (const l of this.listeners) l(item);
    return item;
  }

  /** Items with seq >= from, in order (at most `max`). */
  since(from: number, max = Number.POSITIVE_INFINITY): OutboxItem[] {
    const out: OutboxItem[] = [];
    for (const i of this.items) {
      if (out.length >= max) break;
      if (i.seq >= from) out.push(i);
    }
    return out;
  }

  /** Cumulative: the district holds everything up to seq. */
  ack(seq: number): void {
    if (seq <= this.acked) return;
    this.acked = Math.min(seq, this.lastSeq);
    let n = 0;
    while (n < this.items.length && (this.items[n] as OutboxItem).seq <= this.acked) n++;
    for (const i of this.items.splice(0, n)) this.forget(i);
    this.file.append({ a: this.acked }, false);
    this.file.maybeCompact(() => this.snapshotLines());
  }

  /**
   * Turns the drops since the last session into one record at the tail (sent next). Room for
   * the record is made first, so the drops that makes are counted in the same record.
   */
  sealDrops(): OutboxItem | undefined {
    if (this.drops.count === 0) return undefined;
    this.enforce(1, RECORD_BYTES);
    const d = this.drops;
    this.drops = { ...NO_DROPS };
    return this.enqueue({ kind: 'dropped', dropped: d }, false);
  }

  onItem(cb: (i: OutboxItem) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  private async load(): Promise<void> {
    const lines = await this.file.load();
    for (const l of lines) this.replay(l);
    if (!this.epoch) {
      this.epoch = randomUUID();
      this.file.append({ h: { epoch: this.epoch, acked: this.acked, nextSeq: this.nextSeq } }, false);
      await this.file.flush();
    }
    this.enforce();
  }

  private replay(l: OutboxLine): void {
    if (l.h) {
      this.epoch = l.h.epoch;
      this.acked = Math.max(this.acked, l.h.acked);
      this.nextSeq = Math.max(this.nextSeq, l.h.nextSeq);
      this.lastEventSeq = Math.max(this.lastEventSeq, l.h.lastEventSeq ?? 0);
      if (l.h.drops) this.drops = l.h.drops;
    } else if (l.i) {
      const it = l.i;
      this.nextSeq = Math.max(this.nextSeq, it.seq + 1);
      if (it.kind === 'event') this.lastEventSeq = Math.max(this.lastEventSeq, it.event.seq);
      if (it.kind === 'dropped') this.drops = { ...NO_DROPS };
      if (it.seq > this.acked && !this.sizes.has(it.seq)) this.add(it);
    } else if (l.a !== undefined) {
      this.acked = Math.max(this.acked, l.a);
      this.removeWhere((i) => i.seq <= this.acked);
    } else if (l.x) {
      const gone = new Set(l.x);
      this.removeWhere((i) => gone.has(i.seq));
      if (l.d) this.drops = l.d;
    }
  }

  private add(item: OutboxItem): void {
    const n = JSON.stringify(item).length;
    this.items.push(item);
    this.sizes.set(item.seq, n);
    this.bytes += n;
  }

  private forget(i: OutboxItem): void {
    this.bytes -= this.sizes.get(i.seq) ?? 0;
    this.sizes.delete(i.seq);
  }

  private removeWhere(pred: (i: OutboxItem) => boolean): void {
    const keep: OutboxItem[] = [];
    for (const i of this.items)
      if (pred(i)) this.forget(i);
      else keep.push(i);
    this.items = keep;
  }

  /** Drops by age, then by rank until within the bounds (less the room asked for). */
  private enforce(roomItems = 0, roomBytes = 0): void {
    const { maxAgeMs } = this.limits;
    const maxItems = this.limits.maxItems - roomItems;
    const maxBytes = this.limits.maxBytes - roomBytes;
    const cutoff = this.clock.now() - maxAgeMs;
    const victims = new Set<OutboxItem>();
    for (const i of this.items) if (i.ts < cutoff && i.kind !== 'dropped') victims.add(i);
    let count = this.items.length - victims.size;
    let bytes = this.bytes;
    for (const v of victims) bytes -= this.sizes.get(v.seq) ?? 0;
    if (count > maxItems || bytes > maxBytes) {
      const order = this.items.filter((i) => !victims.has(i) && i.kind !== 'dropped');
      order.sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
      for (const v of order) {
        if (count <= maxItems && bytes <= maxBytes) break;
        victims.add(v);
        count--;
        bytes -= this.sizes.get(v.seq) ?? 0;
      }
    }
    if (victims.size > 0) this.drop(victims);
  }

  private drop(victims: Set<OutboxItem>): void {
    for (const v of victims) {
      const d = this.drops;
      d.count++;
      if (v.kind === 'changes') d.measurements++;
      else d.events++;
      d.firstSeq = d.firstSeq ? Math.min(d.firstSeq, v.seq) : v.seq;
      d.lastSeq = Math.max(d.lastSeq, v.seq);
    }
    this.removeWhere((i) => victims.has(i));
    this.file.append({ x: [...victims].map((v) => v.seq), d: { ...this.drops } }, false);
  }

  private snapshotLines(): OutboxLine[] {
    const h = {
      epoch: this.epoch,
      acked: this.acked,
      nextSeq: this.nextSeq,
      lastEventSeq: this.lastEventSeq,
      drops: { ...this.drops },
    };
    return [{ h }, ...this.items.map((i) => ({ i }))];
  }
}
