/**
 * The district hub: one composition root for the database, the media files, the stations'
 * live sessions and the two gRPC services (GatewayService for stations, DistrictService for
 * operators) on one port. Everything a station sent and the hub acknowledged is in SQLite, so
 * a restarted hub resumes each station where it left off.
 */
import { join } from 'node:path';
import type { Clock, Timer } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { districtProto } from '../grpc/proto.js';
import { GrpcServer } from '../grpc/server.js';
import { hookTls } from '../grpc/tls-connections.js';
import { type AuthCall, LAB_CALLER, peerIdentity, tlsCaller } from '../security/callers.js';
import { INSECURE, type LinkSecurity } from '../security/credentials.js';
import type { Caller } from '../security/identity.js';
import { RateLimiter, type RateLimits } from '../security/ratelimit.js';
import type { HubBus } from './cluster/bus.js';
import { databaseStatus } from './db-status.js';
import { gatewayService } from './gateway.js';
import { guardStores } from './guarded-stores.js';
import { HubRouting } from './hub-routing.js';
import { LiveSessions } from './live/live-sessions.js';
import { type OpenedStores, openHubStores } from './open-stores.js';
import { type OperatorDeps, operatorService } from './operator.js';
import { Retention } from './retention.js';
import { DEFAULT_RETENTION, type RetentionConfig } from './retention-config.js';
import { Revocations } from './revocation.js';
import { refuseRevoked } from './revoke-rpc.js';
import { RpcTimes } from './rpc-times.js';
import { SecurityCounters } from './security-counters.js';
import { Sessions } from './sessions.js';
import { sharedMedia } from './shared-media.js';
import type { SqlDb } from './sql.js';
import type { StationRow, StationStore } from './stations.js';
import { StorageGuard } from './storage-guard.js';
import type { HubStores } from './stores.js';
import { TlsGuard } from './tls-guard.js';
import { warmCodecs } from './warm-codecs.js';

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
  /** The CA's revocation list (LOA_TLS_CRL; deploy/pki/revoke.sh), reloaded when it changes. */
  crlPath?: string | undefined;
  /** What the hub keeps and for how long (retention.json; retention-config.ts). */
  retention?: RetentionConfig;
  /** Days a live session's recording is kept (LOA_LIVE_KEEP_DAYS, default 90; 0: forever). */
  liveKeepDays?: number | undefined;
  /** `postgres://USER@HOST:PORT/DB` (--db, LOA_DB): the stores on PostgreSQL; else SQLite in dataDir. */
  db?: string | undefined;
  /**
   * The other hubs on the same database (cluster/pg-bus.ts with PostgreSQL); none given: this
   * hub is alone (cluster/bus.ts LocalBus), as a SQLite hub always is.
   */
  bus?: HubBus | undefined;
}

/** The hub's composition root: stores, live sessions, the gateway and operator services. */
export class Hub {
  readonly db: SqlDb & { close(): void };
  readonly stores: HubStores;
  readonly stations: StationStore;
  readonly sessions: Sessions;
  readonly limiter: RateLimiter | undefined;
  readonly refusals = new SecurityCounters();
  /** Operator RPCs' handler times (rpc-times.ts): the metrics show their p50/p99. */
  readonly rpcTimes = new RpcTimes();
  readonly revocations: Revocations;
  /** Refuses writes while the disk is full (storage-guard.ts). */
  readonly storage: StorageGuard;
  readonly retention: Retention;
  /** Live voice to chosen stations (docs/live.md): the console's speak button calls start(). */
  readonly liveSessions: LiveSessions;
  /** What DistrictService works with; the browser console (console/) goes through the same. */
  readonly operatorDeps: OperatorDeps;
  /** Commands, desired states and changes between hubs (hub-routing.ts). */
  readonly routing: HubRouting;
  private readonly raw: OpenedStores;
  private readonly tlsGuard: TlsGuard;
  private readonly server: GrpcServer;
  private sweeper: Timer | undefined;

  constructor(readonly o: HubOptions) {
    const raw = openHubStores(o.dataDir, o.db, o.clock, this.retentionConfig);
    this.raw = raw;
    this.storage = this.guardFor(raw);
    const stores = this.shareMedia(guardStores(raw, this.storage, o.log.child('storage')));
    this.retention = this.retentionFor(raw);
    this.db = raw.db;
    this.stores = stores;
    this.stations = raw.stations;
    this.sessions = new Sessions(stores, o.bus);
    this.routing = new HubRouting(this.sessions, stores, o.log.child('cluster'));
    this.limiter = o.limits ? new RateLimiter(o.limits, o.clock) : undefined;
    const caPath = o.security?.kind === 'tls' ? o.security.material.files.ca : undefined;
    this.revocations = new Revocations(this.db, o.clock, o.log, { crlPath: o.crlPath, caPath });
    this.tlsGuard = new TlsGuard({
      ...o,
      audit: stores.audit,
      writes: stores.writes,
      revocations: this.revocations,
      refusals: this.refusals,
    });
    this.server = new GrpcServer({
      schema: ['district'],
      keepaliveMs: o.keepaliveMs ?? 300_000,
      keepaliveTimeoutMs: o.keepaliveTimeoutMs ?? 20_000,
      ...(o.security ? { security: o.security } : {}),
    });
    const pkg = districtProto().grpc.loa.district.v1;
    const gateway = gatewayService({
      clock: o.clock,
      log: o.log,
      stores,
      sessions: this.sessions,
      refusals: this.refusals,
      admit: (call, id) => this.checkStation(call, id),
      storageFull: () => this.storage.full !== undefined,
    });
    this.liveSessions = new LiveSessions({
      clock: o.clock,
      log: o.log,
      sessions: this.sessions,
      stores,
      limiter: this.limiter,
      dir: join(o.dataDir, 'live'),
      keepDays: o.liveKeepDays,
    });
    this.operatorDeps = this.depsFor(stores);
    const operator = operatorService(this.operatorDeps, this.liveSessions);
    this.server.add(GATEWAY_SERVICE, pkg.GatewayService.service, gateway);
    this.server.add(DISTRICT_SERVICE, pkg.DistrictService.service, operator);
    warmCodecs(pkg.DistrictService.service);
  }

  /** What DistrictService works with (the browser console goes through the same). */
  private depsFor(stores: HubStores): OperatorDeps {
    return {
      stores,
      sessions: this.sessions,
      callerOf: (call) => this.callerOf(call),
      via: this.security.kind === 'tls' ? 'tls' : 'lab',
      limiter: this.limiter,
      log: this.o.log,
      revoke: (identity, serial, by, reason) => this.revoke(identity, serial, by, reason),
      dbStatus: () => this.dbStatus(),
      rpcTimes: this.rpcTimes,
    };
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

  /** Hubs sharing a database share uploads too (shared-media.ts): any hub may serve a station. */
  private shareMedia(stores: HubStores): HubStores {
    const bus = this.o.bus;
    return bus?.shared
      ? { ...stores, media: sharedMedia(stores.media, join(this.o.dataDir, 'media'), bus) }
      : stores;
  }

  private get retentionConfig(): RetentionConfig {
    return this.o.retention ?? DEFAULT_RETENTION;
  }

  private retentionFor(raw: OpenedStores): Retention {
    const { clock, log } = this.o;
    return new Retention({
      store: raw.maintenance,
      clock,
      log: log.child('retention'),
      config: this.retentionConfig,
    });
  }

  private guardFor(raw: OpenedStores): StorageGuard {
    const c = raw.conversion ?? { converted: false, reason: '' };
    if (c.converted) this.o.log.info('database converted: freed space is now returned to the filesystem');
    else if (c.reason)
      this.o.log.warn('database keeps its freed pages (auto_vacuum none)', { reason: c.reason });
    return new StorageGuard({
      clock: this.o.clock,
      log: this.o.log.child('storage'),
      freeBytes: () => raw.freeBytes(),
      minFreeBytes: this.retentionConfig.minFreeMB * 1024 * 1024,
      probe: (now) => raw.maintenance.probeWrite(now),
    });
  }

  /** What the metrics show of the storage: cheap (no table scans), for every scrape. */
  storageGauges() {
    const m = this.stores.maintenance;
    let free = 0;
    try {
      free = this.raw.freeBytes();
    } catch {
      // statfs unsupported: 0
    }
    return {
      full: this.storage.full !== undefined,
      usedBytes: m.usedBytes(),
      maxBytes: this.retentionConfig.maxDbMB * 1024 * 1024,
      fsFreeBytes: free,
      removedLastRun: Object.values(this.retention.last?.removed ?? {}).reduce((a, b) => a + b, 0),
    };
  }

  /** districtctl db status: sizes, retention, and whether writes are refused. */
  dbStatus() {
    return databaseStatus({
      maintenance: this.stores.maintenance,
      retention: this.retention,
      config: this.retentionConfig,
      storage: this.storage,
      freeBytes: () => this.raw.freeBytes(),
      now: () => this.clock.now(),
    });
  }

  /** The operator behind a DistrictService call: its certificate, or the lab's admin. */
  callerOf(call: AuthCall): Caller {
    if (this.security.kind !== 'tls') return LAB_CALLER;
    // the certificate read once (getPeerCertificate copies it into JS at every call: 10 % of a GetStation)
    const id = peerIdentity(call);
    refuseRevoked(this, id);
    return tlsCaller(call, id);
  }

  /** Revokes certificates (districtctl station|operator revoke) and closes their connections at once. */
  revoke(identity: string, serial: string | undefined, by: string, reason: string) {
    const serials = this.storage.write(
      'revocation',
      () => this.revocations.revoke(identity, serial, by, reason),
      'priority',
    );
    return { serials, dropped: this.tlsGuard.drop(serials), at: this.clock.now() };
  }

  /** With TLS, a session's hello must name the station its certificate was issued to. */
  checkStation(call: AuthCall, stationId: string): void {
    if (this.security.kind !== 'tls') return;
    const id = peerIdentity(call);
    const caller = { who: id.station ?? id.cn, role: 'station', via: 'tls' };
    refuseRevoked(this, id);
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
    this.stores.audit.add(caller, 'Session', { stationId }, [stationId], err);
    throw err;
  }

  /** Takes new certificate files (SIGHUP); open sessions stay up. */
  reloadTls(): boolean {
    return this.security.kind === 'tls' ? this.security.material.reload() : false;
  }

  /** Binds (e.g. "127.0.0.1:0") and returns the port. */
  async listen(address: string): Promise<number> {
    const port = await this.server.listen(address);
    if (this.security.kind === 'tls' && hookTls(this.server.server, this.tlsGuard) === 0)
      this.log.warn('TLS connections not visible: revoked certificates are refused per call only');
    await this.sessions.bus.start((m) => this.routing.handle(m), port);
    this.sweeper = this.o.clock.setInterval(() => this.sweep(), 5000);
    this.storage.check();
    this.retention.start();
    return port;
  }

  async close(): Promise<void> {
    this.sweeper?.cancel();
    await this.retention.stop();
    await this.liveSessions.closeAll();
    this.sessions.endAll('hub stopping');
    await this.server.close(2000);
    await this.sessions.bus.stop();
    if (this.security.kind === 'tls') this.security.material.stop();
    this.stores.writes.flush();
    this.db.close();
  }

  summary(row: StationRow) {
    return this.sessions.summary(row);
  }

  private sweep(): void {
    const listed = this.revocations.loadCrl();
    if (listed.length) this.log.info('CRL: connections closed', { count: this.tlsGuard.drop(listed) });
    try {
      if (this.sessions.bus.shared) this.routing.sweep(); // what a lost wake-up from another hub said
      if (!this.storage.check()) return; // expiry is a write: it waits for space like the others
      if (this.stores.commands.expireDue() > 0)
        for (const id of this.sessions.ids()) this.sessions.changed(id);
    } catch (e) {
      // a database that is unreachable (PostgreSQL restarting): the next sweep tries again
      this.log.warn('sweep: database not reachable', { error: toLoaError(e).message });
    }
  }
}
