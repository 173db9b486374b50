/**
 * The bus's LISTEN connection (node-postgres, its own connection: a pooled one would be handed
 * to other queries). When it breaks (the server restarted, pg_terminate_backend, a network
 * cut) it is made again, 0.25 s doubling to 5 s apart, and `onResync` says notifications may
 * have been missed meanwhile (the hub then sweeps the tables: the notifications are only
 * wake-ups).
 */
import pg from 'pg';
import type { Clock, Timer } from '../../core/clock.js';
import type { Logger } from '../../core/log.js';

export const CHANNEL = 'loa_hub_bus';
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

export class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private timer: Timer | undefined;
  /** Times the connection was made again (metrics, tests). */
  reconnects = 0;

  constructor(
    private readonly url: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly onPayload: (text: string) => void,
    private readonly onResync: () => void,
    /** application_name of the connection (pg_stat_activity shows which hub listens). */
    private readonly appName: () => string = () => 'loa-hub-bus',
  ) {}

  /** Connects and listens; throws when the first connection fails (the hub does not start). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: this.appName(),
    });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.onPayload(n.payload);
    });
    c.on('error', (e) => this.lost(c, e.message));
    c.on('end', () => this.lost(c, 'connection ended'));
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    if (this.stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    this.client = c;
    this.retryMs = RETRY_MIN_MS;
  }

  private lost(c: pg.Client, reason: string): void {
    if (this.client !== c || this.stopped) return;
    this.client = undefined;
    c.end().catch(() => undefined);
    this.log.warn('hub bus: listen connection lost; reconnecting', { reason });
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.timer = this.clock.setTimeout(() => {
      this.connect().then(
        () => {
          if (this.stopped) return;
          this.reconnects++;
          this.log.info('hub bus: listening again', { afterMs: wait });
          this.onResync();
        },
        (e: Error) => {
          this.log.warn('hub bus: cannot listen yet', { error: e.message, retryMs: this.retryMs });
          this.retry();
        },
      );
    }, wait);
  }
}
