/**
 * One Session stream to the district (DESIGN.md decisions 1-3, docs/link.md): hello; on the
 * hub's welcome, drop what it already holds, send a full status snapshot, then the outbox from
 * the first unacknowledged item and every new item as it comes, plus a heartbeat when nothing
 * else was sent for a while. Commands and desired states from the hub are handed on; their
 * answers go back on the same stream. A Session never reconnects: the Link opens a new one.
 */
import type * as grpc from '@grpc/grpc-js';
import type { Clock, Timer } from '../core/clock.js';
import { toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { CommandRegistry } from '../core/registry.js';
import type { LiveAudio__Output } from '../gen/loa/district/v1/LiveAudio.js';
import type { SessionRequest } from '../gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse__Output } from '../gen/loa/district/v1/SessionResponse.js';
import type { Welcome__Output } from '../gen/loa/district/v1/Welcome.js';
import type { LiveFeedPort } from '../live/port.js';
import { flatten } from '../wire/flatten.js';
import { fromWireCommand, fromWireDesired, toWireItem } from '../wire/session.js';
import { toStruct, toValue } from '../wire/struct.js';
import type { CommandRunner } from './commands.js';
import type { Deadband } from './deadband.js';
import type { DesiredApplier, DesiredReport } from './desired.js';
import type { ListenLink, StationListen } from './listen.js';
import type { Outbox } from './outbox.js';

export type SessionCall = grpc.ClientDuplexStream<SessionRequest, SessionResponse__Output>;

export interface SessionDeps {
  stationId: string;
  bootId: string;
  softwareVersion: string;
  outbox: Outbox;
  registry: CommandRegistry;
  runner: CommandRunner;
  desired: DesiredApplier;
  deadband: Deadband;
  clock: Clock;
  log: Logger;
  helloTimeoutMs: number;
  heartbeatMs: number;
  /** Live voice from the district (src/live/), when the station has the live module. */
  live?: LiveFeedPort | undefined;
  /** Listen-in: the on-air output to the hub while someone listens (listen.ts). */
  listen?: StationListen | undefined;
}

/** Items per batch message: ~100 events stay well under the 4 MiB message limit. */
const BATCH_ITEMS = 100;

export class Session {
  welcomedAt: number | undefined;
  readonly closed: Promise<string>;
  /** Resolves when the hub welcomed this session (never, if it closes first). */
  readonly welcomed: Promise<void>;
  private markWelcomed!: () => void;
  private close!: (reason: string) => void;
  private done = false;
  private nextToSend = 0;
  private pumping = false;
  private lastSent = 0;
  private readonly timers: Timer[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  /** Listen audio goes out only while nothing else waits (listen.ts). */
  private readonly listenLink: ListenLink = {
    send: (m) => void this.send({ listenAudio: m }),
    busy: () => this.pumping || this.call.writableLength > 1,
  };

  constructor(
    private readonly call: SessionCall,
    private readonly d: SessionDeps,
  ) {
    this.welcomed = new Promise((resolve) => {
      this.markWelcomed = resolve;
    });
    this.closed = new Promise((resolve) => {
      this.close = (reason) => {
        if (this.done) return;
        this.done = true;
        for (const t of this.timers) t.cancel();
        for (const u of this.unsubscribe) u();
        this.d.listen?.detach(this.listenLink);
        call.cancel();
        resolve(reason);
      };
    });
  }

  start(): void {
    const { call, d } = this;
    call.on('data', (m: SessionResponse__Output) => void this.onMessage(m).catch((e) => this.fail(e)));
    call.on('error', (e: grpc.ServiceError) => this.close(`stream error: ${e.details || e.message}`));
    call.on('end', () => this.close('hub ended the session'));
    this.send({
      hello: {
        stationId: d.stationId,
        bootId: d.bootId,
        softwareVersion: d.softwareVersion,
        appliedDesiredVersion: d.desired.appliedVersion,
        firstUnackedSeq: d.outbox.firstUnacked,
        lastSeq: d.outbox.lastSeq,
        outboxEpoch: d.outbox.epoch,
      },
    });
    this.timers.push(
      d.clock.setTimeout(() => {
        if (!this.welcomedAt) this.close(`no welcome from the hub within ${d.helloTimeoutMs} ms`);
      }, d.helloTimeoutMs),
    );
  }

  stop(reason: string): void {
    this.close(reason);
  }

  private fail(e: unknown): void {
    this.d.log.warn('session failed', { error: toLoaError(e).message });
    this.close(`session failed: ${toLoaError(e).message}`);
  }

  private async onMessage(m: SessionResponse__Output): Promise<void> {
    if (m.welcome) await this.onWelcome(m.welcome);
    else if (m.ack) this.d.outbox.ack(m.ack.seq);
    else if (m.command) void this.runCommand(m.command);
    else if (m.desiredState) await this.d.desired.offer(fromWireDesired(m.desiredState));
    else if (m.live) this.onLive(m.live);
    else if (m.listen) this.d.listen?.control(m.listen, this.listenLink);
  }

  /** Live voice: handed on as it comes; a refusal is the live module's to report. */
  private onLive(m: LiveAudio__Output): void {
    const live = this.d.live;
    if (!live || !m.sessionId) return;
    try {
      if (m.start)
        live.begin({
          session: m.sessionId,
          tier: m.start.tier,
          zones: m.start.zones,
          by: m.start.issuedBy,
          role: m.start.issuerRole,
          format: m.start.format,
        });
      if (m.data?.length) live.data(m.sessionId, m.data);
      if (m.end) live.end(m.sessionId);
    } catch (e) {
      this.d.log.warn('live voice refused', { session: m.sessionId, error: toLoaError(e).message });
    }
  }

  private async onWelcome(w: Welcome__Output): Promise<void> {
    const { d } = this;
    d.runner.hubTime(w.serverTimeMs);
    d.outbox.ack(w.ackedSeq);
    d.outbox.sealDrops();
    const status = await d.registry.call('status');
    if (this.done) return;
    d.deadband.reset(flatten(status));
    const { modules, ...core } = status as { modules?: Record<string, unknown> };
    const { uplink: _own, ...others } = modules ?? {};
    this.send({
      snapshot: {
        asOfSeq: d.outbox.lastSeq,
        tsMs: d.clock.now(),
        status: toStruct({ ...core, modules: others }),
      },
    });
    this.welcomedAt = d.clock.now();
    this.markWelcomed();
    this.nextToSend = d.outbox.firstUnacked;
    this.unsubscribe.push(d.outbox.onItem(() => void this.pump()));
    this.unsubscribe.push(d.desired.onReport((r) => this.sendReport(r)));
    this.sendReport(d.desired.report());
    void d.desired.converge();
    const beat = Math.max(100, Math.round(d.heartbeatMs / 4));
    this.timers.push(d.clock.setInterval(() => this.heartbeat(), beat));
    await this.pump();
  }

  /** Sends every item from nextToSend on, in batches, respecting the stream's flow control. */
  private async pump(): Promise<void> {
    if (this.pumping || this.done || !this.welcomedAt) return;
    this.pumping = true;
    try {
      for (let n = 0; n < 100_000 && !this.done; n++) {
        const items = this.d.outbox.since(this.nextToSend, BATCH_ITEMS);
        if (items.length === 0) break;
        this.nextToSend = (items.at(-1)?.seq ?? this.nextToSend) + 1;
        if (!this.send({ batch: { items: items.map(toWireItem) } }))
          await Promise.race([new Promise<void>((r) => this.call.once('drain', () => r())), this.closed]);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async runCommand(raw: NonNullable<SessionResponse__Output['command']>): Promise<void> {
    const r = await this.d.runner.handle(fromWireCommand(raw));
    this.send({ commandResult: { ...r, result: toValue(r.result) } });
  }

  private sendReport(r: DesiredReport): void {
    this.send({ desiredReport: r });
  }

  private heartbeat(): void {
    if (this.d.clock.monotonic() - this.lastSent < this.d.heartbeatMs) return;
    this.send({ heartbeat: { tsMs: this.d.clock.now(), lastSeq: this.d.outbox.lastSeq } });
  }

  private send(msg: SessionRequest): boolean {
    if (this.done) return true;
    this.lastSent = this.d.clock.monotonic();
    return this.call.write(msg);
  }
}
