/**
 * One simulated station on the wire, as src/uplink/session.ts and link.ts behave: its own
 * channel (own TCP + TLS connection, HTTP/2 keepalive PING every 60 s without calls), one
 * Session stream: hello -> welcome -> full status snapshot + desired report + the outbox
 * (start-up events) -> cumulative acks; a heartbeat when idle; command -> command_result;
 * desired state -> desired report. A failed attempt or a broken session is retried with the
 * uplink's backoff, and counted (retries, ended), never hidden. `address` may list several
 * hubs (a:1,b:2): they are tried in turn as the uplink does (src/uplink/hubs.ts).
 */
import type * as grpc from '@grpc/grpc-js';
import { SystemClock } from '../../../src/core/clock.js';
import type { GatewayServiceClient } from '../../../src/gen/loa/district/v1/GatewayService.js';
import type { OutboxItem } from '../../../src/gen/loa/district/v1/OutboxItem.js';
import type { SessionRequest } from '../../../src/gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse__Output } from '../../../src/gen/loa/district/v1/SessionResponse.js';
import { districtProto } from '../../../src/grpc/proto.js';
import { HubList, parseHubList } from '../../../src/uplink/hubs.js';
import { toStruct, toValue } from '../../../src/wire/struct.js';
import { bootEvents, stationStatus } from './traffic.js';

type Call = grpc.ClientDuplexStream<SessionRequest, SessionResponse__Output>;

/** What every station of a worker reports into (worker.ts sums them up for the parent). */
export interface SwarmCounters {
  welcomed: number;
  /** Connection attempts repeated after a failed one (no welcome in time, refused). */
  retries: number;
  failed: number;
  ended: number;
  commands: number;
  desired: number;
  /** ms from sending a batch to its ack, per batch since the last read. */
  ackMs: number[];
  errors: string[];
}

export function newCounters(): SwarmCounters {
  return { welcomed: 0, retries: 0, failed: 0, ended: 0, commands: 0, desired: 0, ackMs: [], errors: [] };
}

export interface StationOptions {
  address: string;
  credentials: grpc.ChannelCredentials;
  keepaliveMs: number;
  helloTimeoutMs: number;
}

export class SwarmStation {
  up = false;
  private stopped = false;
  private seq = 0;
  private applied = 0;
  private readonly pending = new Map<number, number>(); // batch's last seq -> sent at (ms)
  private client: GatewayServiceClient | undefined;
  private call: Call | undefined;
  private readonly hubs: HubList;

  constructor(
    readonly id: string,
    private readonly o: StationOptions,
    private readonly c: SwarmCounters,
  ) {
    this.hubs = new HubList(parseHubList(o.address), new SystemClock(), 1000, 60_000);
  }

  /** The hub this station is on (or tries next). */
  get hub(): string {
    return this.hubs.current;
  }

  /**
   * Opens the session, again and again with the uplink's backoff (1 s doubling to 60 s, drawn
   * from [d/2, d]) as a real station does when the hub is slow to welcome it, until `untilMs`
   * (Date.now() time); resolves once the start-up batch is acknowledged.
   */
  async connect(untilMs: number): Promise<void> {
    for (;;) {
      try {
        await this.attempt();
        this.hubs.worked();
        return;
      } catch (e) {
        this.drop();
        const wait = this.hubs.failed((e as Error).message);
        if (Date.now() + wait > untilMs) {
          this.c.failed++;
          throw e;
        }
        this.c.retries++;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private attempt(): Promise<void> {
    const Ctor = districtProto().grpc.loa.district.v1.GatewayService;
    this.client = new Ctor(this.hubs.current, this.o.credentials, {
      'grpc.use_local_subchannel_pool': 1, // a station is its own box: one connection each
      'grpc.keepalive_time_ms': this.o.keepaliveMs,
      'grpc.keepalive_timeout_ms': 20_000,
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.enable_retries': 0,
    });
    const call = this.client.session();
    this.call = call;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('no welcome')), this.o.helloTimeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        if (this.up) this.lost(e.message);
        else reject(new Error(`${this.id}: ${e.message}`));
      };
      const upNow = () => {
        clearTimeout(timer);
        resolve();
      };
      call.on('error', (e: grpc.ServiceError) => fail(new Error(e.details || e.message)));
      call.on('end', () => fail(new Error('hub ended the session')));
      call.on('data', (m: SessionResponse__Output) => {
        if (m.welcome) this.onWelcome(m.welcome.ackedSeq, upNow);
        else if (m.ack) this.onAck(m.ack.seq, upNow);
        else if (m.command) this.onCommand(m.command.id);
        else if (m.desiredState) this.onDesired(m.desiredState.version);
      });
      const seq = Math.max(this.seq, 3);
      this.send({
        hello: {
          stationId: this.id,
          bootId: `boot-${this.id}`,
          softwareVersion: 'swarm',
          appliedDesiredVersion: this.applied,
          // the generator keeps no outbox: after the start-up events, what was sent counts as sent
          firstUnackedSeq: this.seq > 3 ? seq + 1 : 1,
          lastSeq: seq,
          outboxEpoch: `epoch-${this.id}`,
        },
      });
    });
  }

  /** Sends outbox items (events or status changes), as the uplink's pump does. */
  batch(items: Omit<OutboxItem, 'seq'>[]): void {
    if (!this.up) return;
    const numbered = items.map((it) => ({ ...it, seq: ++this.seq }));
    this.pending.set(this.seq, performance.now());
    this.send({ batch: { items: numbered } });
  }

  heartbeat(): void {
    if (this.up) this.send({ heartbeat: { tsMs: Date.now(), lastSeq: this.seq } });
  }

  close(): void {
    this.up = false;
    this.stopped = true;
    this.drop();
  }

  private drop(): void {
    this.call?.cancel();
    this.client?.close();
    this.call = undefined;
    this.client = undefined;
  }

  private onWelcome(acked: number, upNow: () => void): void {
    this.seq = Math.max(this.seq, 3);
    this.send({
      snapshot: { asOfSeq: this.seq, tsMs: Date.now(), status: toStruct(stationStatus(this.id)) },
    });
    this.send({ desiredReport: { appliedVersion: this.applied } });
    if (acked >= 3) {
      this.onAck(acked, upNow);
      return;
    }
    const items = bootEvents().slice(acked);
    this.pending.set(3, performance.now());
    this.send({ batch: { items: items.map((it, i) => ({ ...it, seq: acked + i + 1 })) } });
  }

  private onAck(seq: number, upNow: () => void): void {
    const sent = this.pending.get(seq);
    if (sent !== undefined) {
      this.pending.delete(seq);
      this.c.ackMs.push(performance.now() - sent);
    }
    if (!this.up && seq >= 3) {
      this.up = true;
      this.c.welcomed++;
      upNow();
    }
  }

  private onCommand(id: string): void {
    this.c.commands++;
    this.send({ commandResult: { id, status: 'done', result: toValue({ ok: true, station: this.id }) } });
  }

  private onDesired(version: number): void {
    this.c.desired++;
    this.applied = version;
    this.send({ desiredReport: { appliedVersion: version } });
  }

  /** A live session broke: counted, then reopened as the uplink does (welcomed again counts anew). */
  private lost(why: string): void {
    if (!this.up) return;
    this.up = false;
    this.c.ended++;
    if (this.c.errors.length < 5) this.c.errors.push(`${this.id} at ${new Date().toISOString()}: ${why}`);
    this.drop();
    const wait = this.hubs.failed(why);
    setTimeout(() => {
      if (!this.stopped) void this.connect(Date.now() + 600_000).catch(() => undefined);
    }, wait);
  }

  private send(m: SessionRequest): void {
    this.call?.write(m);
  }
}
