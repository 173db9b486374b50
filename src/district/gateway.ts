/**
 * loa.district.v1.GatewayService at the hub: one HubSession per station stream (docs/link.md).
 * hello -> welcome with what the hub holds; snapshot -> latest state; batches -> stored (the
 * de-duplicating ingest) then acknowledged cumulatively; results and reports -> stored. A new
 * session of the same station replaces the old one.
 */
import type * as grpc from '@grpc/grpc-js';
import type { Clock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Hello__Output } from '../gen/loa/district/v1/Hello.js';
import type { ListenControl } from '../gen/loa/district/v1/ListenControl.js';
import type { LiveAudio } from '../gen/loa/district/v1/LiveAudio.js';
import type { SessionRequest__Output } from '../gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse } from '../gen/loa/district/v1/SessionResponse.js';
import type { AuthCall } from '../security/callers.js';
import { flatten } from '../wire/flatten.js';
import { fromWireItem, toWireCommand, toWireDesired } from '../wire/session.js';
import { failStream, toServiceError } from '../wire/status.js';
import { fromStruct, fromValue } from '../wire/struct.js';
import type { CommandRow } from './commands.js';
import type { DesiredRow } from './desired.js';
import { acceptResult } from './result-guard.js';
import { acceptApplied, type InputChecks, screenBatch } from './session-input.js';
import type { Sessions, StationSession } from './sessions.js';
import { isDiskFull } from './storage-guard.js';
import type { HubStores } from './stores.js';

type Call = grpc.ServerDuplexStream<SessionRequest__Output, SessionResponse>;

/** What the gateway service works with: the stores it writes, the live sessions, and who may connect. */
export interface GatewayDeps extends InputChecks {
  clock: Clock;
  log: Logger;
  stores: Pick<HubStores, 'stations' | 'commands' | 'desired' | 'media' | 'audit' | 'writes'>;
  sessions: Sessions;
  /** Refuses (and audits) a hello whose station is not the one its certificate names. */
  admit(call: AuthCall, stationId: string): void;
  /** True while the hub refuses writes (storage-guard.ts). */
  storageFull?(): boolean;
}

const STATION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class HubSession implements StationSession {
  stationId = '';
  ready = false;
  since = 0;
  lastContact = 0;
  private ended = false;
  /**
   * Something this session sent could not be stored (the hub's disk is full): nothing more is
   * acknowledged, and once the hub takes writes again the session is ended so the station
   * reconnects and sends again from its first unacknowledged item (it never resends within a
   * session, and acknowledgements are cumulative: a gap must not be acknowledged).
   */
  private behind = false;
  private helloSeen = false;

  constructor(
    private readonly call: Call,
    private readonly d: GatewayDeps,
  ) {}

  start(): void {
    this.call.on('data', (m: SessionRequest__Output) => {
      try {
        this.onMessage(m);
      } catch (e) {
        this.fail(e);
      }
    });
    this.call.on('end', () => this.end('station closed the session'));
    this.call.on('error', () => this.close());
    this.call.on('cancelled', () => this.close());
  }

  end(reason: string): void {
    if (this.ended) return;
    this.d.log.info('session ended', { station: this.stationId, reason });
    this.close();
    this.call.end();
  }

  sendCommand(c: CommandRow): void {
    const command = toWireCommand({
      id: c.id,
      method: c.method,
      params: JSON.parse(c.params),
      sentAtMs: this.d.clock.now(),
      expiresAtMs: c.expires,
      issuedBy: c.issued_by,
      issuerRole: c.issuer_role,
    });
    this.write({ command });
  }

  sendDesired(d: DesiredRow): void {
    this.write({ desiredState: toWireDesired(d) });
  }

  sendLive(m: LiveAudio): void {
    this.write({ live: m });
  }

  sendListen(m: ListenControl): void {
    this.write({ listen: m });
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    this.ready = false;
    if (this.stationId) this.d.sessions.detach(this, this.stationId);
  }

  private fail(e: unknown): void {
    if (this.ended) return;
    const err = toLoaError(e);
    this.d.log.warn('session refused', { station: this.stationId, error: err.message });
    this.close();
    failStream(this.call, err);
  }

  private storageRefused(e: unknown): void {
    if (!this.behind)
      this.d.log.warn('station data not stored', { station: this.stationId, error: String(e) });
    this.behind = true;
  }

  private write(m: SessionResponse): void {
    if (!this.ended) this.call.write(m);
  }

  private onMessage(m: SessionRequest__Output): void {
    if (m.hello) {
      this.onHello(m.hello);
      return;
    }
    if (!this.ready) throw new LoaError('INVALID_ARGUMENT', 'session: the first message must be a hello');
    this.lastContact = this.d.clock.now();
    const id = this.stationId;
    if (this.behind && !this.d.storageFull?.()) {
      this.end('the hub stores again: reconnect and send what was not acknowledged');
      return;
    }
    const { stations, commands } = this.d.stores;
    if (m.listenAudio) this.d.sessions.listened(id, this, m.listenAudio);
    else if (m.snapshot) {
      const { asOfSeq, status } = m.snapshot;
      const flat = flatten(fromStruct(status));
      this.store(() => stations.snapshot(id, asOfSeq, flat));
    } else if (m.batch) {
      if (this.behind) return;
      const items = screenBatch(this.d, id, m.batch.items.map(fromWireItem));
      this.store(
        () => stations.ingest(id, items),
        ({ acked, events }) => {
          this.write({ ack: { seq: acked } });
          this.d.sessions.published(events);
        },
      );
    } else if (m.commandResult) {
      const r = m.commandResult;
      if (!acceptResult(this.d, id, r)) return;
      this.store(() => commands.result({ ...r, result: fromValue(r.result) }));
    } else if (m.desiredReport) {
      const report = m.desiredReport;
      if (!acceptApplied(this.d, id, report.appliedVersion)) return;
      this.store(() => stations.report(id, report.appliedVersion, report));
    }
  }

  /**
   * Stores through the hub's group commit (write-group.ts); what follows (the ack, the change
   * feed) happens once it is on disk, in the order the station sent it.
   */
  private store<T>(work: () => T, after?: (r: T) => void): void {
    const id = this.stationId;
    this.d.stores.writes.add(
      work,
      (r) => {
        if (this.ended) return;
        after?.(r);
        this.d.sessions.changed(id);
      },
      (e) => (isDiskFull(e) ? this.storageRefused(e) : this.fail(e)),
    );
  }

  private onHello(h: Hello__Output): void {
    if (this.helloSeen) throw new LoaError('INVALID_ARGUMENT', 'session: hello sent twice');
    if (!STATION_ID.test(h.stationId))
      throw new LoaError(
        'INVALID_ARGUMENT',
        `hello.station_id: lower-case letters, digits and "-" (got "${h.stationId}")`,
      );
    if (!h.outboxEpoch) throw new LoaError('INVALID_ARGUMENT', 'hello.outbox_epoch: required');
    this.d.admit(this.call, h.stationId);
    this.helloSeen = true;
    const applied = acceptApplied(this.d, h.stationId, h.appliedDesiredVersion) ? h.appliedDesiredVersion : 0;
    this.d.stores.writes.add(
      () => this.d.stores.stations.hello({ ...h, appliedDesiredVersion: applied }),
      (acked) => this.welcome(h, acked, applied),
      (e) => {
        if (!isDiskFull(e)) return this.fail(e);
        this.storageRefused(e);
        this.welcome(h, this.heldAcked(h), applied);
      },
    );
  }

  /** The hello is stored: the session is live, the station hears what the hub holds and is owed. */
  private welcome(h: Hello__Output, acked: number, applied: number): void {
    if (this.ended) return;
    this.stationId = h.stationId;
    this.ready = true;
    this.since = this.lastContact = this.d.clock.now();
    this.d.sessions.attach(this, h.stationId);
    const d = this.d.stores.desired.forStation(h.stationId);
    this.write({
      welcome: { ackedSeq: acked, desiredVersion: d?.version ?? 0, serverTimeMs: this.d.clock.now() },
    });
    this.d.log.info('session started', { station: h.stationId, boot: h.bootId, acked, lastSeq: h.lastSeq });
    this.d.sessions.deliverCommands(h.stationId);
    this.d.sessions.deliverDesired(h.stationId, applied);
  }

  /** With the disk full the hello is not recorded: what the hub holds of this outbox, read. */
  private heldAcked(h: Hello__Output): number {
    const row = this.d.stores.stations.get(h.stationId);
    return row && row.epoch === h.outboxEpoch && row.acked_seq <= h.lastSeq ? row.acked_seq : 0;
  }
}

/** GatewayService handlers. */
export function gatewayService(d: GatewayDeps): grpc.UntypedServiceImplementation {
  return {
    Session: (call: Call) => new HubSession(call, d).start(),
    ReadMedia: (
      call: grpc.ServerUnaryCall<{ sha256: string; offset: number; length: number }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      const { sha256, offset, length } = call.request;
      d.stores.media.read(sha256, offset, length).then(
        ({ data, total }) => cb(null, { data, offset, totalSize: total }),
        (e) => cb(toServiceError(e)),
      );
    },
  };
}
