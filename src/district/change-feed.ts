/**
 * What operators' watch streams receive, coalesced: a station that changed five times in
 * FEED_MS is summarised once, and each summary is computed once for every watcher (it was
 * computed per change per watcher: two queries and a JSON parse of the station's state each,
 * so a broadcast window at 2,500 stations cost every watcher 2,500 of them at once; bench
 * group `hub`). Events are passed on in order, in the same batches. With nobody watching,
 * nothing is kept or computed.
 */
import { EventEmitter } from 'node:events';
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import type { StoredEvent } from './stations.js';

/** 50 ms: far below what an operator's screen shows as late, long enough to gather a burst. */
export const FEED_MS = 50;

export interface FeedBatch {
  stations: StationSummary[];
  events: StoredEvent[];
}

export class ChangeFeed {
  private readonly out = new EventEmitter();
  private dirty = new Set<string>();
  private events: StoredEvent[] = [];
  private armed = false;

  constructor(
    /** The current summaries of these stations (unknown ones left out). */
    private readonly summaries: (ids: string[]) => StationSummary[],
    private readonly schedule: (f: () => void) => void = (f) => setTimeout(f, FEED_MS).unref(),
  ) {
    this.out.setMaxListeners(1000);
  }

  get watchers(): number {
    return this.out.listenerCount('batch');
  }

  subscribe(listener: (b: FeedBatch) => void): () => void {
    this.out.on('batch', listener);
    return () => this.out.off('batch', listener);
  }

  changed(id: string): void {
    if (this.watchers === 0) return;
    this.dirty.add(id);
    this.arm();
  }

  published(events: StoredEvent[]): void {
    if (this.watchers === 0 || events.length === 0) return;
    for (const e of events) this.events.push(e);
    this.arm();
  }

  /** Sends what gathered since the last batch (the timer calls it; tests may too). */
  flush(): void {
    this.armed = false;
    const ids = [...this.dirty];
    const events = this.events;
    this.dirty = new Set();
    this.events = [];
    if (this.watchers === 0 || (ids.length === 0 && events.length === 0)) return;
    let stations: StationSummary[];
    try {
      stations = this.summaries(ids);
    } catch {
      // the database is unreachable for a moment (PostgreSQL restarting): kept for the next batch
      for (const id of ids) this.dirty.add(id);
      this.events = [...events, ...this.events];
      this.arm();
      return;
    }
    this.out.emit('batch', { stations, events });
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.schedule(() => this.flush());
  }
}
