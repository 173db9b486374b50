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
import type { CommandRow } from './commands.js';
import type { DesiredRow } from './desired.js';
import type { StationRow, StoredEvent } from './stations.js';
import type { HubStores } from './stores.js';
import { type LiveSession, summarize } from './summary.js';

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
  readonly feed: ChangeFeed;

  constructor(private readonly stores: Pick<HubStores, 'stations' | 'commands' | 'desired' | 'writes'>) {
    super();
    this.setMaxListeners(1000);
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
    this.changed(id);
  }

  detach(s: StationSession, id: string): void {
    if (this.open.get(id) !== s) return;
    this.open.delete(id);
    this.stores.writes.add(() => this.stores.stations.touch(id));
    this.changed(id);
  }

  endAll(reason: string): void {
    for (const s of [...this.open.values()]) s.end(reason);
  }

  /** A station's summary changed (watchers get it again). */
  changed(id: string): void {
    this.feed.changed(id);
    this.emit('station', id);
  }

  /** Listen-in audio from a station's session, for the console's listen relay ("listen"). */
  listened(id: string, from: StationSession, m: ListenAudio__Output): void {
    this.emit('listen', id, from, m);
  }

  published(events: StoredEvent[]): void {
    this.feed.published(events);
    for (const e of events) this.emit('event', e);
  }

  /**
   * The summaries of these stations now (unknown ones left out). Past a few stations the open
   * commands and desired versions come from one query each, not two per station (ListStations
   * at 10,000 stations, the watch feed after a broadcast window; bench group `hub`).
   */
  summaries(ids: string[]): StationSummary[] {
    const rows = [];
    for (const id of ids) {
      const row = this.stores.stations.get(id);
      if (row) rows.push(row);
    }
    return this.summarizeRows(rows);
  }

  /** Summaries of these rows (ListStations, metrics, a new watch). */
  summarizeRows(rows: StationRow[]): StationSummary[] {
    if (rows.length <= BULK_FROM) return rows.map((r) => this.summary(r));
    const open = this.stores.commands.openCounts();
    const versions = this.stores.desired.versions();
    return rows.map((r) => summarize(r, this.open.get(r.id), open.get(r.id) ?? 0, versions.get(r.id) ?? 0));
  }

  /** One station's summary (`desiredVersion`: when the caller read its desired state already). */
  summary(row: StationRow, desiredVersion?: number): StationSummary {
    const { commands, desired } = this.stores;
    const version = desiredVersion ?? desired.forStation(row.id)?.version ?? 0;
    return summarize(row, this.open.get(row.id), commands.openCount(row.id), version);
  }

  /** Sends an online station its unexpired commands (also those sent before without an answer). */
  deliverCommands(id: string, onlyIds?: Set<string>): void {
    const s = this.open.get(id);
    if (!s?.ready) return;
    for (const c of this.stores.commands.deliverable(id)) {
      if (onlyIds && !onlyIds.has(c.id)) continue;
      s.sendCommand(c);
      // "sent" is bookkeeping (the station runs a command id once, whatever the hub recorded)
      this.stores.writes.add(() => this.stores.commands.markSent(c.id));
    }
  }

  /** Sends an online station its desired state when it runs an older version. */
  deliverDesired(id: string, appliedVersion?: number): void {
    const s = this.open.get(id);
    if (!s?.ready) return;
    const d = this.stores.desired.forStation(id);
    const applied = appliedVersion ?? this.stores.stations.get(id)?.applied_version ?? 0;
    if (d && d.version > applied) s.sendDesired(d);
  }
}
