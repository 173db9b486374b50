/**
 * What the hub keeps, as seven narrow stores its services receive (docs/architecture.md):
 * stations (what each reported), commands, desired state, media, audit, event history and the
 * browser console's users, sessions and alarm acknowledgements (users.ts).
 * SQLite implements them today (stations.ts, commands.ts, desired.ts, media-store.ts,
 * audit.ts, history.ts over one database, sqlite.ts); a second implementation (PostgreSQL,
 * issue 20) implements the same interfaces, and the gateway and operator services do not
 * change. Each method is one transaction of its own (a savepoint when `writes` groups it with
 * others); no store calls another.
 */
import type { LoaError } from '../core/errors.js';
import type { Caller } from '../security/identity.js';
import type { AuditEntry, AuditQuery } from './audit.js';
import type { CommandOutcome, CommandRow } from './commands.js';
import type { DesiredRow, MediaRef } from './desired.js';
import type { EventQuery, MeasurementQuery, MeasurementRow } from './history.js';
import type { DatabaseStatus, PruneResult } from './retention-types.js';
import type { HelloInfo, IngestItem, StationRow, StoredEvent } from './stations.js';
import type { AlarmAck, ConsoleSession, UserRow } from './users.js';
import type { WriteGroup } from './write-group.js';

export interface StationsStore {
  get(id: string): StationRow | undefined;
  list(): StationRow[];
  /** A session's hello: returns the sequence number acknowledged so far (0 for a new epoch). */
  hello(h: HelloInfo): number;
  snapshot(id: string, asOfSeq: number, flat: Record<string, unknown>): void;
  /** Stores a batch once (de-duplicated on station and seq); the new events, for watchers. */
  ingest(id: string, items: IngestItem[]): { acked: number; events: StoredEvent[] };
  touch(id: string): void;
  report(id: string, applied: number, report: unknown): void;
}

export interface CommandsStore {
  create(
    station: string,
    method: string,
    params: unknown,
    ttlMs: number,
    issuer?: { who: string; role: string },
  ): CommandRow;
  deliverable(station: string): CommandRow[];
  markSent(id: string): void;
  result(r: CommandOutcome): void;
  /** Marks what has expired; returns how many. */
  expireDue(): number;
  openCount(station: string): number;
  /** Open (pending or sent) commands of every station that has any: one query for many summaries. */
  openCounts(): Map<string, number>;
  get(id: string): CommandRow | undefined;
  list(station: string | undefined, limit: number): CommandRow[];
}

export interface DesiredStateStore {
  /** A new version for these stations; returns it. */
  push(stations: string[], schedule: Record<string, unknown>, media: MediaRef[]): number;
  forStation(station: string): DesiredRow | undefined;
  /** The desired version of every station that has one (no schedule parsed): for many summaries. */
  versions(): Map<string, number>;
  /** The newest version issued (0 when none): a station cannot have applied a later one. */
  latestVersion(): number;
}

export interface MediaFilesStore {
  /** Stores an upload; `accept` may refuse the complete file (its path and size) before it is kept. */
  put(
    name: string,
    chunks: AsyncIterable<Buffer>,
    accept?: (file: string, size: number) => Promise<void>,
  ): Promise<MediaRef>;
  read(sha256: string, offset: number, length: number): Promise<{ data: Buffer; total: number }>;
  get(sha256: string): MediaRef | undefined;
}

export interface AuditStoreLike {
  add(
    caller: Pick<Caller, 'who' | 'via'> & { role: string },
    action: string,
    params: unknown,
    stations: string[],
    error?: LoaError,
  ): void;
  list(q: AuditQuery): AuditEntry[];
}

export interface EventHistory {
  query(q: EventQuery): StoredEvent[];
  /** A station's measurements in a range (the console's line charts, issue 17): history.ts. */
  measurements(q: MeasurementQuery): {
    rows: MeasurementRow[];
    earlier: MeasurementRow[];
    truncated: boolean;
  };
}

/**
 * What retention (retention.ts) and `districtctl db status` need of the database, whatever it
 * is: bounded batches, each one short transaction, so the caller can yield between them.
 */
export interface StoreMaintenance {
  /** A new run: classes found up to date in the last run are looked at again. */
  startRun(): void;
  /** One transaction removing at most `rows` rows that are due (by age, else over the size budget); undefined when nothing is. */
  pruneBatch(now: number, rows: number): PruneResult | undefined;
  /** Returns at most `pages` free pages to the filesystem; how many it returned. */
  reclaim(pages: number): number;
  status(now: number): DatabaseStatus;
  /** Bytes in pages holding data (cheap: the size budget and the metrics read it). */
  usedBytes(): number;
  /** One small write: does the disk take writes again? Throws as a write would. */
  probeWrite(now: number): void;
}

/** The console's people (districtctl user …), their sessions and alarm acknowledgements. */
export interface UsersStore {
  get(name: string): UserRow | undefined;
  list(): UserRow[];
  add(name: string, role: UserRow['role'], hash: string): void;
  /** Also ends the user's sessions everywhere. */
  setPassword(name: string, hash: string): boolean;
  /** Disabling also ends the user's sessions everywhere. */
  setDisabled(name: string, disabled: boolean): boolean;
  session(id: string): ConsoleSession | undefined;
  openSession(s: Omit<ConsoleSession, 'created' | 'seen'>): void;
  touchSession(id: string): void;
  endSession(id: string): void;
  endSessionsOf(user: string): number;
  acknowledge(a: Omit<AlarmAck, 'at'>): AlarmAck;
  acknowledgements(limit: number): AlarmAck[];
}

export interface HubStores {
  stations: StationsStore;
  commands: CommandsStore;
  desired: DesiredStateStore;
  media: MediaFilesStore;
  audit: AuditStoreLike;
  events: EventHistory;
  maintenance: StoreMaintenance;
  users: UsersStore;
  /** Group commit: the writes of one event-loop turn in one transaction (write-group.ts). */
  writes: WriteGroup;
}
