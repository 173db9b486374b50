/**
 * What the hubs of one district tell each other (issue 20 item 4, docs/sizing.md): which hub
 * holds each station's session, "there is something for station X" wake-ups, and "station X
 * changed / has new events" for the other hubs' watchers. The database stays the truth: a
 * wake-up only says where to look, so a lost one costs a sweep's delay, never a command.
 *
 * One SQLite hub has nobody to tell: LocalBus does nothing and answers "nobody else holds
 * it", so the embedded default keeps its behaviour without a line of PostgreSQL code.
 * PgBus (pg-bus.ts) is the PostgreSQL one: LISTEN/NOTIFY plus two small tables.
 */

/** A station's session held by another hub, as the summaries show it. */
export interface RemoteSession {
  readonly hub: string;
  readonly ready: true;
  readonly since: number;
  readonly lastContact: number;
}

/** This hub's session of a station, as the other hubs learn it (undefined: none here). */
export interface LocalLive {
  since: number;
  lastContact: number;
}

/** What another hub told this one. */
export type BusMessage =
  /** Commands (ids) or a newer desired state for a station: its holder delivers them. */
  | { kind: 'commands'; station: string; ids: string[] }
  | { kind: 'desired'; station: string }
  /** These stations changed on another hub (their summaries; who holds them is in `remote`). */
  | { kind: 'changed'; hub: string; stations: string[] }
  /** New events of a station stored by another hub, seqs in (after, upTo]. */
  | { kind: 'events'; station: string; after: number; upTo: number }
  /** Another hub took this station's session over with a newer hello. */
  | { kind: 'taken'; station: string; hub: string; since: number }
  /** Wake-ups may have been missed (the listen connection was re-made): look at the tables. */
  | { kind: 'resync' };

export interface HubBus {
  readonly hubId: string;
  /** True when other hubs share the database (PgBus): sweeps for missed wake-ups run. */
  readonly shared: boolean;
  /** Once the gateway listens (`port`: the default hub id is hostname:port). */
  start(handler: (m: BusMessage) => void, port: number): Promise<void>;
  stop(): Promise<void>;
  /** This hub welcomed a session of the station (recorded; a newer one elsewhere wins). */
  claim(station: string, since: number): void;
  /** The session ended here: the record goes, unless another hub holds the station by now. */
  release(station: string): void;
  /** Another live hub's session of this station, if any. */
  remote(station: string): RemoteSession | undefined;
  wake(m: Extract<BusMessage, { kind: 'commands' | 'desired' }>): void;
  /** A station changed here; `live`: this hub's session of it, if any (coalesced, batched). */
  changed(station: string, live: LocalLive | undefined): void;
  events(station: string, after: number, upTo: number): void;
  /** Makes an uploaded file (complete, in this hub's folder) readable by the other hubs. */
  shareMedia?(sha256: string, file: string): Promise<void>;
  /** Copies a file another hub shared into `file`; false when none did. */
  fetchMedia?(sha256: string, file: string): Promise<boolean>;
}

/** One hub alone (SQLite): nobody to tell, nobody else holds a station. */
export class LocalBus implements HubBus {
  readonly shared = false;
  constructor(readonly hubId = 'local') {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  claim(): void {}
  release(): void {}
  remote(): RemoteSession | undefined {
    return undefined;
  }
  wake(): void {}
  changed(): void {}
  events(): void {}
}
