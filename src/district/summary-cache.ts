/**
 * The part of each station's summary that comes from its stored row (what is on air, power,
 * alarms, link, versions, last seq), kept in memory until the station changes. Building it
 * means reading the row and parsing its state (a JSON document of about 1.5 kB): at 10,000
 * stations ListStations and every Prometheus scrape did that for every station, every time
 * (0.7 s and 2.2 s on the event loop; bench group `hub`). GetStation's full status is kept the
 * same way (parsing, nesting and converting it was 15 % of the call, CPU profile at 2,000). Sessions.changed(id) — called once a
 * station's write is committed, and for every other change to a summary — drops its entry;
 * the live fields (online, last contact) and the counts that live in other tables (open
 * commands, desired version) are filled in by the caller at each read.
 */
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import { toStruct } from '../wire/struct.js';
import { type StationRow, unflatten } from './stations.js';
import { type LiveSession, summarize } from './summary.js';

export interface SummaryRows {
  get(id: string): StationRow | undefined;
  list(): StationRow[];
}

/** Full statuses kept for GetStation (the oldest built goes first). */
export const MAX_STATUSES = 1000;

/** A summary as stored: `lastContactMs` is the row's, for a station that is not online. */
export type StoredSummary = Readonly<StationSummary>;

export class SummaryCache {
  private readonly parts = new Map<string, StoredSummary>();
  /** GetStation's full status (the state parsed, nested and as a protobuf Struct), built on demand. */
  private readonly statuses = new Map<string, unknown>();
  /** Every station's id, sorted, once the whole table was read (undefined before). */
  private ids: string[] | undefined;
  private known = new Set<string>();
  private sorted = true;

  constructor(
    private readonly rows: SummaryRows,
    /** false: nothing kept, every read builds afresh (hubs sharing a database: cluster/). */
    private readonly keep = true,
  ) {}

  /** The station changed (or may exist now): its entry is built again at the next read. */
  forget(id: string): void {
    this.parts.delete(id);
    this.statuses.delete(id);
    if (!this.ids || this.known.has(id)) return;
    this.known.add(id);
    this.ids.push(id);
    this.sorted = false;
  }

  /** Every entry dropped (a change that touches many stations at once). */
  forgetAll(): void {
    this.parts.clear();
    this.statuses.clear();
  }

  /** The station's full status for GetStation, from its row (read by the caller). */
  status(row: StationRow): unknown {
    let st = this.statuses.get(row.id);
    if (st === undefined) {
      st = toStruct(unflatten(JSON.parse(row.state)));
      if (!this.keep) return st;
      // bounded: a status as a Struct is several kB; the stations operators look at stay in
      if (this.statuses.size >= MAX_STATUSES)
        this.statuses.delete(this.statuses.keys().next().value as string);
      this.statuses.set(row.id, st);
    }
    return st;
  }

  /** The stored part of a station's summary, from `row` when the caller read it already. */
  part(id: string, row?: StationRow): StoredSummary | undefined {
    const have = this.parts.get(id);
    if (have) return have;
    const r = row ?? this.rows.get(id);
    if (!r) return undefined;
    const part = summarize(r, undefined, 0, 0);
    if (this.keep) this.parts.set(id, part);
    return part;
  }

  /** Every station's id in id order (read from the table once, then kept up to date by forget). */
  allIds(): readonly string[] {
    if (!this.keep) return this.rows.list().map((r) => r.id);
    if (!this.ids) {
      const rows = this.rows.list();
      for (const r of rows) if (!this.parts.has(r.id)) this.parts.set(r.id, summarize(r, undefined, 0, 0));
      this.ids = rows.map((r) => r.id);
      this.known = new Set(this.ids);
    }
    if (!this.sorted) {
      this.ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted = true;
    }
    return this.ids;
  }
}

/** A stored summary with its live fields and the counts kept in other tables. */
export function withLive(
  part: StoredSummary,
  session: LiveSession | undefined,
  pendingCommands: number,
  desiredVersion: number,
): StationSummary {
  const online = session?.ready === true;
  return {
    ...part,
    online,
    lastContactMs: online ? session.lastContact : part.lastContactMs,
    connectedSinceMs: online ? session.since : 0,
    pendingCommands,
    desiredVersion,
  };
}
