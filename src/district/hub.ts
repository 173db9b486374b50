/**
 * The district hub: one composition root for the database, the media files, the stations'
 * live sessions and the two gRPC services (GatewayService for stations, DistrictService for
 * operators) on one port. Everything a station sent and the hub acknowledged is in SQLite, so
 * a restarted hub resumes each station where it left off.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock, Timer } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { districtProto } from '../grpc/proto.js';
import { GrpcServer } from '../grpc/server.js';
import { type AuthCall, LAB_CALLER, peerIdentity, tlsCaller } from '../security/callers.js';
import { INSECURE, type LinkSecurity } from '../security/credentials.js';
import type { Caller } from '../security/identity.js';
import { RateLimiter, type RateLimits } from '../security/ratelimit.js';
import { AuditStore } from './audit.js';
import { CommandStore } from './commands.js';
import { openDatabase } from './db.js';
import { DesiredStore } from './desired.js';
import { gatewayService, type HubSession } from './gateway.js';
import { MediaStore } from './media-store.js';
import { operatorService } from './operator.js';
import { type StationRow, StationStore, type StoredEvent } from './stations.js';
import { summarize } from './summary.js';

export const GATEWAY_SERVICE = 'loa.district.v1.GatewayService';
export const DISTRICT_SERVICE = 'loa.district.v1.DistrictService';

export interface HubOptions {
  dataDir: string;
  clock: Clock;
  log: Logger;
  /**
   * Server keepalive towards stations (default 300 s / 20 s): a station that stalled without
   * reconnecting shows offline within about five minutes. Stations ping every 60 s themselves;
   * pinging as often from here too would double the idle traffic on their metered links.
   */
  keepaliveMs?: number;
  keepaliveTimeoutMs?: number;
  /** Mutual TLS (docs/security.md), or plain text for a lab (the daemon decides, loudly). */
  security?: LinkSecurity;
  /** Operator commands per identity; none: unlimited. */
  limits?: RateLimits;
}

/** Emits "station" (id) when a station's summary changed and "event" (StoredEvent) per new event. */
export class Hub extends EventEmitter {
  readonly db: Database.Database;
  readonly stations: StationStore;
  readonly commands: CommandStore;
  readonly desired: DesiredStore;
  readonly media: MediaStore;
  readonly audit: AuditStore;
  readonly limiter: RateLimiter | undefined;
  readonly sessions = new Map<string, HubSession>();
  private readonly server: GrpcServer;
  private sweeper: Timer | undefined;

  constructor(readonly o: HubOptions) {
    super();
    this.setMaxListeners(1000);
    this.db = openDatabase(o.dataDir);
    this.stations = new StationStore(this.db, o.clock);
    this.commands = new CommandStore(this.db, o.clock);
    this.desired = new DesiredStore(this.db, o.clock);
    this.media = new MediaStore(join(o.dataDir, 'media'), this.db, o.clock);
    this.audit = new AuditStore(this.db, o.clock);
    this.limiter = o.limits ? new RateLimiter(o.limits, o.clock) : undefined;
    this.server = new GrpcServer({
      schema: ['district'],
      keepaliveMs: o.keepaliveMs ?? 300_000,
      keepaliveTimeoutMs: o.keepaliveTimeoutMs ?? 20_000,
      ...(o.security ? { security: o.security } : {}),
    });
    const pkg = districtProto().grpc.loa.district.v1;
    this.server.add(GATEWAY_SERVICE, pkg.GatewayService.service, gatewayService(this));
    this.server.add(DISTRICT_SERVICE, pkg.DistrictService.service, operatorService(this));
  }

  get clock(): Clock {
    return this.o.clock;
  }
  get log(): Logger {
    return this.o.log;
  }

  get security(): LinkSecurity {
    return this.o.security ?? INSECURE;
  }

  /** The operator behind a DistrictService call: its certificate, or the lab's admin. */
  callerOf(call: AuthCall): Caller {
    return this.security.kind === 'tls' ? tlsCaller(call) : LAB_CALLER;
  }

  /** With TLS, a session's hello must name the station its certificate was issued to. */
  checkStation(call: AuthCall, stationId: string): void {
    if (this.security.kind !== 'tls') return;
    const id = peerIdentity(call);
    const caller = { who: id.station ?? id.cn, role: 'station', via: 'tls' };
    let err: LoaError | undefined;
    if (!id.station)
      err = new LoaError(
        'PERMISSION_DENIED',
        `certificate "${id.cn}" is not a station certificate (SAN URI loa:station:ID; deploy/pki/station.sh)`,
      );
    else if (id.station !== stationId)
      err = new LoaError(
        'PERMISSION_DENIED',
        `hello.station_id "${stationId}" differs from the certificate's station "${id.station}"`,
      );
    if (!err) return;
    this.audit.add(caller, 'Session', { stationId }, [stationId], err);
    throw err;
  }

  /** Takes new certificate files (SIGHUP); open sessions stay up. */
  reloadTls(): boolean {
    return this.security.kind === 'tls' ? this.security.material.reload() : false;
  }

  /** Binds (e.g. "127.0.0.1:0") and returns the port. */
  async listen(address: string): Promise<number> {
    const port = await this.server.listen(address);
    this.sweeper = this.o.clock.setInterval(() => this.sweep(), 5000);
    return port;
  }

  async close(): Promise<void> {
    this.sweeper?.cancel();
    for (const s of [...this.sessions.values()]) s.end('hub stopping');
    await this.server.close(2000);
    if (this.security.kind === 'tls') this.security.material.stop();
    this.db.close();
  }

  summary(row: StationRow) {
    return summarize(
      row,
      this.sessions.get(row.id),
      this.commands.openCount(row.id),
      this.desired.forStation(row.id),
    );
  }

  attach(s: HubSession, id: string): void {
    const old = this.sessions.get(id);
    this.sessions.set(id, s);
    if (old && old !== s) old.end('replaced by a newer session of the same station');
    this.emit('station', id);
  }

  detach(s: HubSession, id: string): void {
    if (this.sessions.get(id) !== s) return;
    this.sessions.delete(id);
    this.stations.touch(id);
    this.emit('station', id);
  }

  published(events: StoredEvent[]): void {
    for (const e of events) this.emit('event', e);
  }

  /** Sends an online station its unexpired commands (also those sent before without an answer). */
  deliverCommands(id: string, onlyIds?: Set<string>): void {
    const s = this.sessions.get(id);
    if (!s?.ready) return;
    for (const c of this.commands.deliverable(id)) {
      if (onlyIds && !onlyIds.has(c.id)) continue;
      s.sendCommand(c);
      this.commands.markSent(c.id);
    }
  }

  /** Sends an online station its desired state when it runs an older version. */
  deliverDesired(id: string, appliedVersion?: number): void {
    const s = this.sessions.get(id);
    if (!s?.ready) return;
    const d = this.desired.forStation(id);
    const applied = appliedVersion ?? this.stations.get(id)?.applied_version ?? 0;
    if (d && d.version > applied) s.sendDesired(d);
  }

  private sweep(): void {
    if (this.commands.expireDue() > 0) for (const id of this.sessions.keys()) this.emit('station', id);
  }
}
