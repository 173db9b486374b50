/**
 * The stations' live sessions at the hub: at most one per station (a newer one replaces the
 * older), delivery of what a station is owed when it is online (unexpired commands, a newer
 * desired state), and the change feed operators watch: `feed` (change-feed.ts), coalesced
 * and summarised once for every watcher; also, at once and uncoalesced, "station" (id) when a
 * station's summary changed and "event" (StoredEvent) for each new event.
 */
import { EventEmitter } from 'node:events';
import type { ListenAudio__Output } from '../gen/loa/district/v1/ListenAudio.js';
import type { ListenControl } from '../gen/loa/district/v1/ListenControl.js';
import type { LiveAudio } from '../gen/loa/district/v1/LiveAudio.js';
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import { ChangeFeed } from './change-feed.js';
import { type HubBus, LocalBus } from './cluster/bus.js';
import type { CommandRow } from './commands.js';
import type { DesiredRow } from './desired.js';
import type { StationRow, StoredEvent } from './stations.js';
import type { HubStores } from './stores.js';
import { type LiveSession, summarize } from './summary.js';
import { type StoredSummary, SummaryCache, withLive } from './summary-cache.js';

/** From this many stations on, a summary batch reads commands and versions in bulk. */
const BULK_FROM = 32;

/** One station's open stream, as the rest of the hub sees it (gateway.ts implements it). */
export interface StationSession extends LiveSession {
  sendCommand(c: CommandRow): void;
  sendDesired(d: DesiredRow): void;
  /** Live voice (district/live/): a session's start, audio and end, never stored. */
  sendLive?(m: LiveAudio): void;
  /** Listen-in (console/listen-relay.ts): start, renew or stop the station's on-air stream. */
  sendListen?(m: ListenControl): void;
  end(reason: string): void;
}

export class Sessions extends EventEmitter {
  private readonly open = new Map<string, StationSession>();
  /** What each session was sent already (a sweep for missed wake-ups sends only what is new). */
  private readonly sentCommands = new WeakMap<StationSession, Set<string>>();
  private readonly sentDesired = new WeakMap<StationSession, number>();
  readonly feed: ChangeFeed;
  /** The stored part of every summary, until the station changes (summary-cache.ts). */
  private readonly cache: SummaryCache;

  constructor(
    private readonly stores: Pick<HubStores, 'stations' | 'commands' | 'desired' | 'writes'>,
    /** The other hubs on the same database (cluster/); one SQLite hub: nobody (LocalBus). */
    readonly bus: HubBus = new LocalBus(),
  ) {
    super();
    this.setMaxListeners(1000);
    // hubs sharing a database read every summary afresh: a change another hub made is known
    // only by its notification, and one lost must not leave a summary stale for good
    this.cache = new SummaryCache(stores.stations, !bus.shared);
    this.feed = new ChangeFeed((ids) => this.summaries(ids));
  }

  get(id: string): StationSession | undefined {
    return this.open.get(id);
  }

  ids(): string[] {
    return [...this.open.keys()];
  }

  get size(): number {
    return this.open.size;
  }

  attach(s: StationSession, id: string): void {
    const old = this.open.get(id);
    this.open.set(id, s);
    if (old && old !== s) old.end('replaced by a newer session of the same station');
    this.bus.claim(id, s.since);
    this.changed(id);
  }

  detach(s: StationSession, id: string): void {
    if (this.open.get(id) !== s) return;
    this.open.delete(id);
    this.bus.release(id);
    // changed again once the last contact is stored: a summary cached meanwhile would keep the old one
    this.stores.writes.add(
      () => this.stores.stations.touch(id),
      () => this.cache.forget(id),
    );
    this.changed(id);
  }

  /** The hub holding this station's session when another one does (cluster/), else undefined. */
  heldElsewhere(id: string): string | undefined {
    return this.open.get(id)?.ready ? undefined : this.bus.remote(id)?.hub;
  }

  endAll(reason: string): void {
    for (const s of [...this.open.values()]) s.end(reason);
  }

  /** A station's summary changed (watchers get it again). */
  changed(id: string): void {
    this.remoteChanged([id]);
    const s = this.open.get(id);
    this.bus.changed(id, s?.ready ? { since: s.since, lastContact: s.lastContact } : undefined);
  }

  /** Listen-in audio from a station's session, for the console's listen relay ("listen"). */
  listened(id: string, from: StationSession, m: ListenAudio__Output): void {
    this.emit('listen', id, from, m);
  }

  published(events: StoredEvent[]): void {
    this.remotePublished(events);
    if (!this.bus.shared || events.length === 0) return;
    const first = events[0] as StoredEvent;
    const last = events.at(-1) as StoredEvent;
    this.bus.events(first.stationId, first.seq - 1, last.seq);
  }

  /** Stations changed on another hub: this hub's watchers hear it (not told on again). */
  remoteChanged(ids: string[]): void {
    for (const id of ids) {
      this.cache.forget(id);
      this.feed.changed(id);
      this.emit('station', id);
    }
  }

  /** Events stored by another hub, for this hub's watchers. */
  remotePublished(events: StoredEvent[]): void {
    this.feed.published(events);
    for (const e of events) this.emit('event', e);
  }

  /** Is anybody here watching (the feed or a listener)? Else other hubs' events are not read. */
  get watched(): boolean {
    return this.feed.watchers > 0 || this.listenerCount('event') > 0;
  }

  /**
   * The summaries of these stations now (unknown ones left out), from the summary cache
   * (summary-cache.ts). Past a few stations the open commands and desired versions come from
   * one query each, not two per station (ListStations at 10,000 stations, the watch feed after
   * a broadcast window; bench group `hub`).
   */
  summaries(ids: readonly string[]): StationSummary[] {
    const parts = [];
    for (const id of ids) {
      const p = this.cache.part(id);
      if (p) parts.push(p);
    }
    return this.withCounts(parts);
  }

  /** Every station's summary, in id order (ListStations, metrics, a new watch). */
  all(): StationSummary[] {
    return this.summaries(this.cache.allIds());
  }

  /**
   * A page of summaries in id order: at most `size`, after the station `after` (exclusive);
   * `next` is the last id of the page when more follow (ListStations' page token).
   */
  page(after: string, size: number): { stations: StationSummary[]; next: string } {
    const ids = this.cache.allIds();
    let lo = 0;
    for (let hi = ids.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if ((ids[mid] as string) <= after) lo = mid + 1;
      else hi = mid;
    }
    const slice = ids.slice(lo, lo + size);
    const more = lo + size < ids.length;
    return { stations: this.summaries(slice), next: more ? (slice.at(-1) ?? '') : '' };
  }

  /** Summaries of these rows (read by the caller already). */
  summarizeRows(rows: StationRow[]): StationSummary[] {
    const parts = [];
    for (const r of rows) {
      const p = this.cache.part(r.id, r);
      if (p) parts.push(p);
    }
    return this.withCounts(parts);
  }

  /** A station's full status as GetStation sends it (a protobuf Struct), kept until it changes. */
  status(row: StationRow): unknown {
    return this.cache.status(row);
  }

  /** One station's summary (`desiredVersion`: when the caller read its desired state already). */
  summary(row: StationRow, desiredVersion?: number): StationSummary {
    const { commands, desired } = this.stores;
    const version = desiredVersion ?? desired.forStation(row.id)?.version ?? 0;
    const part = this.cache.part(row.id, row) ?? summarize(row, undefined, 0, 0);
    return withLive(part, this.live(row.id), commands.openCount(row.id), version);
  }

  private withCounts(parts: StoredSummary[]): StationSummary[] {
    const { commands, desired } = this.stores;
    if (parts.length <= BULK_FROM)
      return parts.map((p) => {
        const id = p.stationId as string;
        const version = desired.forStation(id)?.version ?? 0;
        return withLive(p, this.live(id), commands.openCount(id), version);
      });
    const open = commands.openCounts();
    const versions = desired.versions();
    return parts.map((p) => {
      const id = p.stationId as string;
      return withLive(p, this.live(id), open.get(id) ?? 0, versions.get(id) ?? 0);
    });
  }

  /** The station's session here, else another hub's (cluster/). */
  private live(id: string) {
    const s = this.open.get(id);
    return s?.ready ? s : (this.bus.remote(id) ?? s);
  }

  /** Sends an online station its unexpired commands (also those sent before without an answer). */
  deliverCommands(id: string, onlyIds?: Set<string>): void {
    const s = this.open.get(id);
    if (!s?.ready) {
      // another hub may hold it: that one delivers, from the table (the wake-up is a hint)
      if (this.bus.shared && onlyIds) this.bus.wake({ kind: 'commands', station: id, ids: [...onlyIds] });
      return;
    }
    const sent = this.sentCommands.get(s) ?? new Set<string>();
    this.sentCommands.set(s, sent);
    for (const c of this.stores.commands.deliverable(id)) {
      if ((onlyIds && !onlyIds.has(c.id)) || sent.has(c.id)) continue;
      sent.add(c.id);
      s.sendCommand(c);
      // "sent" is bookkeeping (the station runs a command id once, whatever the hub recorded)
      this.stores.writes.add(() => this.stores.commands.markSent(c.id));
    }
  }

  /** Sends an online station its desired state when it runs an older version. */
  deliverDesired(id: string, appliedVersion?: number, knownVersion?: number): void {
    const s = this.open.get(id);
    if (!s?.ready) {
      if (this.bus.shared) this.bus.wake({ kind: 'desired', station: id });
      return;
    }
    // a sweep (knownVersion) reads nothing for a session settled up to that version already
    const settled = this.sentDesired.get(s) ?? 0;
    if (knownVersion !== undefined && settled >= knownVersion) return;
    const d = this.stores.desired.forStation(id);
    if (!d || settled >= d.version) return;
    this.sentDesired.set(s, d.version);
    const applied = appliedVersion ?? this.stores.stations.get(id)?.applied_version ?? 0;
    if (d.version > applied) s.sendDesired(d);
  }
}
