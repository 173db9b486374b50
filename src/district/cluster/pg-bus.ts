/**
 * The hubs' bus on PostgreSQL (issue 20 item 4): two tables and one NOTIFY channel.
 *
 * - cluster_hubs: each hub's id, address and `seen`, refreshed every TICK_MS; a hub not seen for
 *   DEAD_AFTER_S is dead (killed, its machine gone) and its sessions no longer count.
 * - cluster_sessions: which hub holds each station's session (written on the welcome, removed
 *   at the session's end only while still this hub's; a newer hello elsewhere overwrites it).
 * - NOTIFY loa_hub_bus: wake-ups (commands, desired state), changes and new events for the
 *   other hubs' watchers, "taken over". Only hints: the hub that holds a station delivers
 *   from the commands table, and sweeps it every TICK_MS and after its listen connection was
 *   made again, so a lost notification delays a command by a sweep at most.
 *
 * Writes go through a small pool in order (one promise chain), asynchronously: the session
 * and the operator never wait on the bus. Other hubs' sessions are kept here in memory
 * (`remote`), from the notifications and a reload of the table every tick.
 */
import { hostname } from 'node:os';
import pg from 'pg';
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { BusMessage, HubBus, LocalLive, RemoteSession } from './bus.js';
import { fetchMedia, shareMedia } from './media.js';
import { CHANNEL, PgListener } from './pg-listen.js';
import { ensureClusterSchema } from './schema.js';
import { chunked, decode, type EventsEntry, type Payload, type StateEntry, type WakeEntry } from './wire.js';

/** Liveness refresh, table reload and (at the hub) the sweep for missed wake-ups. */
export const TICK_MS = 5000;
/** A hub silent this long is dead: four refreshes missed. */
export const DEAD_AFTER_S = 20;
/** Changes gathered this long before they are told (the watch feed's own 50 ms, change-feed.ts). */
const CHANGED_MS = 50;

export interface PgBusOptions {
  url: string;
  /** --hub-id; default hostname:port of the gateway listener (known once it listens). */
  hubId?: string | undefined;
  clock: Clock;
  log: Logger;
}

const HUB_ID = /^[\w.:[\]-]{1,128}$/;

/** A hub id as given (--hub-id, LOA_HUB_ID): letters, digits and . _ - : [ ], at most 128. */
export function checkHubId(id: string): string {
  if (!HUB_ID.test(id))
    throw new LoaError(
      'CONFIG',
      `--hub-id: letters, digits and . _ - : [ ], 1 to 128 characters, unique among the hubs (got "${id}")`,
    );
  return id;
}

export class PgBus implements HubBus {
  readonly shared = true;
  private readonly pool: pg.Pool;
  private readonly listener: PgListener;
  private handler: (m: BusMessage) => void = () => undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly held = new Map<string, RemoteSession>();
  private wakes: WakeEntry[] = [];
  private states = new Map<string, StateEntry>();
  private eventsOut: EventsEntry[] = [];
  private flushTimer: Timer | undefined;
  private wakeQueued = false;
  private ticker: Timer | undefined;
  private stopped = false;
  /** A claim or release failed: every session of this hub is claimed again on the next tick. */
  private reclaim = false;
  private local: () => Map<string, number> = () => new Map();
  private id = '';
  private readonly fetching = new Map<string, Promise<boolean>>();

  constructor(private readonly o: PgBusOptions) {
    if (o.hubId !== undefined) this.id = checkHubId(o.hubId);
    this.pool = new pg.Pool({ connectionString: o.url, max: 2, keepAlive: true });
    this.pool.on('error', (e) => o.log.warn('hub bus: pooled connection lost', { error: e.message }));
    this.listener = new PgListener(
      o.url,
      o.clock,
      o.log,
      (t) => this.receive(t),
      () => this.resync(),
      () => `loa-hub-bus ${this.id}`.slice(0, 63),
    );
  }

  get hubId(): string {
    return this.id;
  }

  /** Reconnections of the listen connection so far. */
  get reconnects(): number {
    return this.listener.reconnects;
  }

  /** This hub's sessions (station → since), for claiming them again after a failed write. */
  setLocal(f: () => Map<string, number>): void {
    this.local = f;
  }

  async start(handler: (m: BusMessage) => void, port: number): Promise<void> {
    this.handler = handler;
    this.id ||= `${hostname()}:${port}`;
    await ensureClusterSchema(this.pool);
    // a restarted hub holds nothing: what it held before is stale
    await this.pool.query('DELETE FROM cluster_sessions WHERE hub = $1', [this.hubId]);
    await this.beat();
    await this.listener.start();
    await this.reload();
    this.ticker = this.o.clock.setInterval(() => void this.tick(), TICK_MS);
    this.o.log.info('hub bus: PostgreSQL', { hub: this.hubId });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.ticker?.cancel();
    this.flushTimer?.cancel();
    this.flush();
    this.stopped = true;
    await this.listener.stop();
    // a clean stop: this hub's sessions end now, the other hubs need not wait for DEAD_AFTER_S
    await this.serial('stop', () =>
      this.pool.query('DELETE FROM cluster_sessions WHERE hub = $1', [this.hubId]),
    );
    await this.serial('stop', () =>
      this.pool.query("UPDATE cluster_hubs SET seen = now() - interval '1 day' WHERE id = $1", [this.hubId]),
    );
    await this.pool.end();
  }

  claim(station: string, since: number): void {
    this.held.delete(station);
    void this.serial('claim', () =>
      this.pool.query(
        `INSERT INTO cluster_sessions (station, hub, since) VALUES ($1, $2, $3)
         ON CONFLICT (station) DO UPDATE SET hub = excluded.hub, since = excluded.since`,
        [station, this.hubId, since],
      ),
    );
    this.notify({ f: this.hubId, t: [station, since] });
  }

  release(station: string): void {
    void this.serial('release', () =>
      this.pool.query('DELETE FROM cluster_sessions WHERE station = $1 AND hub = $2', [station, this.hubId]),
    );
  }

  remote(station: string): RemoteSession | undefined {
    return this.held.get(station);
  }

  shareMedia(sha256: string, file: string): Promise<void> {
    return shareMedia(this.pool, sha256, file);
  }

  /** One copy at a time per file, however many stations ask for it at once. */
  fetchMedia(sha256: string, file: string): Promise<boolean> {
    let p = this.fetching.get(sha256);
    if (!p) {
      p = fetchMedia(this.pool, sha256, file).finally(() => this.fetching.delete(sha256));
      this.fetching.set(sha256, p);
    }
    return p;
  }

  wake(m: Extract<BusMessage, { kind: 'commands' | 'desired' }>): void {
    this.wakes.push(m.kind === 'commands' ? [m.station, 'c', m.ids] : [m.station, 'd']);
    if (this.wakeQueued) return;
    this.wakeQueued = true;
    // the operator's transaction is committed: the wake-up leaves once this turn's are gathered
    setImmediate(() => {
      this.wakeQueued = false;
      this.flush();
    });
  }

  changed(station: string, live: LocalLive | undefined): void {
    this.states.set(station, live ? [station, live.since, live.lastContact] : [station]);
    this.arm();
  }

  events(station: string, after: number, upTo: number): void {
    this.eventsOut.push([station, after, upTo]);
    this.arm();
  }

  private arm(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = this.o.clock.setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, CHANGED_MS);
  }

  private flush(): void {
    if (this.stopped) return;
    const f = this.hubId;
    for (const w of chunked(this.wakes)) this.notify({ f, w });
    for (const s of chunked([...this.states.values()])) this.notify({ f, s });
    for (const e of chunked(this.eventsOut)) this.notify({ f, e });
    this.wakes = [];
    this.states = new Map();
    this.eventsOut = [];
  }

  private notify(p: Payload): void {
    const text = JSON.stringify(p);
    void this.serial('notify', () => this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, text]));
  }

  /** One write after the other (a claim never overtakes the release before it). */
  private serial(what: string, q: () => Promise<unknown>): Promise<unknown> {
    this.chain = this.chain.then(q).catch((e: Error) => {
      if (this.stopped) return;
      if (what === 'claim' || what === 'release') this.reclaim = true;
      this.o.log.warn(`hub bus: ${what} not written`, { error: e.message });
    });
    return this.chain;
  }

  private receive(text: string): void {
    let p: Payload;
    try {
      p = JSON.parse(text) as Payload;
    } catch {
      return;
    }
    if (p.f === this.hubId) return;
    for (const s of p.s ?? []) this.learn(p.f, s);
    if (p.t) this.held.set(p.t[0], { hub: p.f, ready: true, since: p.t[1], lastContact: p.t[1] });
    for (const m of decode(p)) this.handler(m);
  }

  /** What another hub said of its session of a station. */
  private learn(hub: string, s: StateEntry): void {
    const [station, since, lastContact] = s;
    if (since !== undefined && lastContact !== undefined)
      this.held.set(station, { hub, ready: true, since, lastContact });
    else if (this.held.get(station)?.hub === hub) this.held.delete(station);
  }

  private resync(): void {
    void this.reload().then(() => this.handler({ kind: 'resync' }));
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    await this.beat();
    if (this.reclaim) await this.claimAll();
    await this.reload();
  }

  private async beat(): Promise<void> {
    await this.serial('liveness', () =>
      this.pool.query(
        `INSERT INTO cluster_hubs (id, seen) VALUES ($1, now()) ON CONFLICT (id) DO UPDATE SET seen = now()`,
        [this.hubId],
      ),
    );
  }

  /** After a failed write: this hub's sessions recorded again (a newer one elsewhere kept). */
  private async claimAll(): Promise<void> {
    this.reclaim = false;
    for (const [station, since] of this.local())
      await this.serial('claim', () =>
        this.pool.query(
          `INSERT INTO cluster_sessions (station, hub, since) VALUES ($1, $2, $3)
           ON CONFLICT (station) DO UPDATE SET hub = excluded.hub, since = excluded.since
           WHERE cluster_sessions.since <= excluded.since`,
          [station, this.hubId, since],
        ),
      );
  }

  /** Other live hubs' sessions from the table; stations whose state changed are told as changed. */
  private async reload(): Promise<void> {
    let rows: { station: string; hub: string; since: string }[];
    try {
      const r = await this.pool.query(
        `SELECT s.station, s.hub, s.since FROM cluster_sessions s JOIN cluster_hubs h ON h.id = s.hub
         WHERE s.hub <> $1 AND h.seen > now() - make_interval(secs => $2)`,
        [this.hubId, DEAD_AFTER_S],
      );
      rows = r.rows;
    } catch (e) {
      this.o.log.warn('hub bus: sessions not read', { error: (e as Error).message });
      return;
    }
    const moved = this.replaceHeld(rows);
    if (moved.length) this.handler({ kind: 'changed', hub: '', stations: moved });
  }

  private replaceHeld(rows: { station: string; hub: string; since: string }[]): string[] {
    const before = new Map(this.held);
    this.held.clear();
    const moved: string[] = [];
    for (const r of rows) {
      const since = Number(r.since);
      const old = before.get(r.station);
      const same = old?.hub === r.hub && old.since === since;
      this.held.set(r.station, same ? old : { hub: r.hub, ready: true, since, lastContact: since });
      if (!same) moved.push(r.station);
      before.delete(r.station);
    }
    for (const id of before.keys()) moved.push(id);
    return moved;
  }
}
