import type { Clock, Timer } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import type { GatewayServiceClient } from '../gen/loa/district/v1/GatewayService.js';
import { districtProto } from '../grpc/proto.js';
import { MAX_MESSAGE_BYTES } from '../grpc/server.js';
import { channelCredentials, INSECURE, type LinkSecurity } from '../security/credentials.js';
import { deadlineIn, fromServiceError } from '../wire/status.js';
import { HubList, parseHubList } from './hubs.js';
import type { ChunkReader } from './media.js';
import { Session, type SessionDeps } from './session.js';
import type { UplinkSettings } from './settings.js';

export type LinkState = 'connecting' | 'up' | 'waiting' | 'stopped';

export class Link {
  state: LinkState = 'stopped';
  connectedSince: number | undefined;
  lastError = '';
  sessions = 0;
  private running = false;
  private client: GatewayServiceClient | undefined;
  private session: Session | undefined;
  private wake: (() => void) | undefined;
  private sleepTimer: Timer | undefined;
  private loopDone: Promise<void> = Promise.resolve();
  /** The hubs to try, in turn (one, or several of a PostgreSQL-backed district: hubs.ts). */
  readonly hubs: HubList;

  constructor(
    private readonly s: UplinkSettings,
    private readonly deps: Omit<SessionDeps, 'helloTimeoutMs' | 'heartbeatMs'>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly security: LinkSecurity = INSECURE,
  ) {
    this.hubs = new HubList(parseHubList(s.district), clock, s.backoffMinMs, s.backoffMaxMs);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.session?.stop('station stopping');
    this.sleepTimer?.cancel();
    this.wake?.();
    await this.loopDone;
    this.dropClient();
    this.state = 'stopped';
  }

  /** Reads media chunks over the current channel while a session is up. */
  chunkReader(): ChunkReader | undefined {
    const c = this.client;
    if (!c || this.state !== 'up') return undefined;
    return (sha256, offset, length) =>
      new Promise((resolve, reject) =>
        c.readMedia({ sha256, offset, length }, { deadline: deadlineIn(this.s.callTimeoutMs) }, (e, r) =>
          e || !r
            ? reject(fromServiceError(e, `district ${this.hubs.current}`))
            : resolve({ data: r.data, total: r.totalSize }),
        ),
      );
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const hub = this.hubs.current;
      const reason = await this.runSession();
      if (!this.running) break;
      this.lastError = reason;
      this.dropClient();
      const delay = this.hubs.failed(reason);
      this.state = 'waiting';
      this.log.info('district link down; reconnecting', {
        hub,
        reason,
        next: this.hubs.current,
        inMs: delay,
      });
      await this.sleep(delay);
    }
  }

  private async runSession(): Promise<string> {
    this.state = 'connecting';
    this.client ??= this.newClient();
    const session = new Session(this.client.session(), {
      ...this.deps,
      helloTimeoutMs: this.s.helloTimeoutMs,
      heartbeatMs: this.s.heartbeatMs,
    });
    this.session = session;
    this.sessions++;
    session.start();
    void session.welcomed.then(() => {
      if (this.session !== session) return;
      this.state = 'up';
      this.connectedSince = this.clock.now();
      this.hubs.worked();
      this.log.info('district link up', { district: this.hubs.current, session: this.sessions });
    });
    const reason = await session.closed;
    this.session = undefined;
    this.connectedSince = undefined;
    return reason;
  }

  private newClient(): GatewayServiceClient {
    const Ctor = districtProto().grpc.loa.district.v1.GatewayService;
    // one channel per address: TLS checks the hub's certificate against that address's name
    return new Ctor(this.hubs.current, channelCredentials(this.security), {
      'grpc.keepalive_time_ms': this.s.keepaliveMs,
      'grpc.keepalive_timeout_ms': this.s.keepaliveTimeoutMs,
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.initial_reconnect_backoff_ms': this.s.backoffMinMs,
      'grpc.max_reconnect_backoff_ms': this.s.backoffMaxMs,
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      'grpc.enable_retries': 0,
    });
  }

  private dropClient(): void {
    this.client?.close();
    this.client = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = this.clock.setTimeout(resolve, ms);
    });
  }
}
