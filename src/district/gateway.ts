/**
 * loa.district.v1.GatewayService at the hub: one HubSession per station stream (docs/link.md).
 * hello -> welcome with what the hub holds; snapshot -> latest state; batches -> stored (the
 * de-duplicating ingest) then acknowledged cumulatively; results and reports -> stored. A new
 * session of the same station replaces the old one.
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { Hello__Output } from '../gen/loa/district/v1/Hello.js';
import type { SessionRequest__Output } from '../gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse } from '../gen/loa/district/v1/SessionResponse.js';
import { flatten } from '../wire/flatten.js';
import { fromWireItem, toWireCommand, toWireDesired } from '../wire/session.js';
import { failStream, toServiceError } from '../wire/status.js';
import { fromStruct, fromValue } from '../wire/struct.js';
import type { CommandRow } from './commands.js';
import type { DesiredRow } from './desired.js';
import type { Hub } from './hub.js';

type Call = grpc.ServerDuplexStream<SessionRequest__Output, SessionResponse>;

const STATION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class HubSession {
  stationId = '';
  ready = false;
  since = 0;
  lastContact = 0;
  private ended = false;

  constructor(
    private readonly call: Call,
    private readonly hub: Hub,
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
    this.hub.log.info('session ended', { station: this.stationId, reason });
    this.close();
    this.call.end();
  }

  sendCommand(c: CommandRow): void {
    const command = toWireCommand({
      id: c.id,
      method: c.method,
      params: JSON.parse(c.params),
      sentAtMs: this.hub.clock.now(),
      expiresAtMs: c.expires,
      issuedBy: c.issued_by,
      issuerRole: c.issuer_role,
    });
    this.write({ command });
  }

  sendDesired(d: DesiredRow): void {
    this.write({ desiredState: toWireDesired(d) });
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    this.ready = false;
    if (this.stationId) this.hub.detach(this, this.stationId);
  }

  private fail(e: unknown): void {
    const err = toLoaError(e);
    this.hub.log.warn('session refused', { station: this.stationId, error: err.message });
    this.close();
    failStream(this.call, err);
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
    this.lastContact = this.hub.clock.now();
    const id = this.stationId;
    if (m.snapshot) {
      this.hub.stations.snapshot(id, m.snapshot.asOfSeq, flatten(fromStruct(m.snapshot.status)));
      this.hub.emit('station', id);
    } else if (m.batch) {
      const { acked, events } = this.hub.stations.ingest(id, m.batch.items.map(fromWireItem));
      this.write({ ack: { seq: acked } });
      this.hub.published(events);
      this.hub.emit('station', id);
    } else if (m.commandResult) {
      const r = m.commandResult;
      this.hub.commands.result({ ...r, result: fromValue(r.result) });
      this.hub.emit('station', id);
    } else if (m.desiredReport) {
      this.hub.stations.report(id, m.desiredReport.appliedVersion, m.desiredReport);
      this.hub.emit('station', id);
    }
  }

  private onHello(h: Hello__Output): void {
    if (this.ready) throw new LoaError('INVALID_ARGUMENT', 'session: hello sent twice');
    if (!STATION_ID.test(h.stationId))
      throw new LoaError(
        'INVALID_ARGUMENT',
        `hello.station_id: lower-case letters, digits and "-" (got "${h.stationId}")`,
      );
    if (!h.outboxEpoch) throw new LoaError('INVALID_ARGUMENT', 'hello.outbox_epoch: required');
    this.hub.checkStation(this.call, h.stationId);
    const acked = this.hub.stations.hello(h);
    this.stationId = h.stationId;
    this.ready = true;
    this.since = this.lastContact = this.hub.clock.now();
    this.hub.attach(this, h.stationId);
    const d = this.hub.desired.forStation(h.stationId);
    this.write({
      welcome: { ackedSeq: acked, desiredVersion: d?.version ?? 0, serverTimeMs: this.hub.clock.now() },
    });
    this.hub.log.info('session started', { station: h.stationId, boot: h.bootId, acked, lastSeq: h.lastSeq });
    this.hub.deliverCommands(h.stationId);
    this.hub.deliverDesired(h.stationId, h.appliedDesiredVersion);
  }
}

/** GatewayService handlers. */
export function gatewayService(hub: Hub): grpc.UntypedServiceImplementation {
  return {
    Session: (call: Call) => new HubSession(call, hub).start(),
    ReadMedia: (
      call: grpc.ServerUnaryCall<{ sha256: string; offset: number; length: number }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      const { sha256, offset, length } = call.request;
      hub.media.read(sha256, offset, length).then(
        ({ data, total }) => cb(null, { data, offset, totalSize: total }),
        (e) => cb(toServiceError(e)),
      );
    },
  };
}
