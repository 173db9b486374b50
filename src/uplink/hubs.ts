/**
 * The district hubs a station may report to (LOA_DISTRICT / --district "a:50051,b:50051",
 * docs/link.md "Failover"): any hub of a province or the country serves any station, because
 * they share one PostgreSQL (issue 20). The station tries them in order, the one that last
 * worked first; a failed attempt or a lost session moves it to the next at once (a short
 * jittered pause, so a killed hub's stations do not all land in the same second), and only a
 * whole round of failures waits the exponential backoff. With one address this is exactly the
 * old behaviour: every failure is a whole round.
 */
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import { Backoff } from './backoff.js';

/** host:port, host a name or IPv4 address, or [IPv6]:port. */
const ADDRESS = /^[\w.-]+:\d{1,5}$|^\[[0-9a-fA-F:.]+\]:\d{1,5}$/;

/**
 * The addresses of a comma-separated list, each checked; a bad entry names its position.
 * `what` names the setting in the message (LOA_DISTRICT or --district).
 */
export function parseHubList(list: string, what = 'LOA_DISTRICT'): string[] {
  const entries = list.split(',').map((e) => e.trim());
  const out: string[] = [];
  entries.forEach((e, i) => {
    const at = `${what}: entry ${i + 1} of ${entries.length}`;
    if (!e) throw new LoaError('CONFIG', `${at} is empty (a comma too many?); give host:port,host:port`);
    const port = Number(e.slice(e.lastIndexOf(':') + 1));
    if (!ADDRESS.test(e) || !(port >= 1 && port <= 65535))
      throw new LoaError(
        'CONFIG',
        `${at} "${e}" is not host:port (a name or IPv4 address, or [IPv6]; port 1-65535)`,
      );
    if (out.includes(e)) throw new LoaError('CONFIG', `${at} "${e}" is listed twice`);
    out.push(e);
  });
  return out;
}

export interface HubAttempt {
  address: string;
  lastOkAt?: number;
  lastFailAt?: number;
  lastError?: string;
}

export class HubList {
  private readonly hubs: HubAttempt[];
  private index = 0;
  /** Failures since a session was last welcomed. */
  private failures = 0;
  private readonly backoff: Backoff;

  constructor(
    addresses: string[],
    private readonly clock: Clock,
    private readonly minMs: number,
    maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (addresses.length === 0) throw new LoaError('CONFIG', 'no district hub address');
    this.hubs = addresses.map((address) => ({ address }));
    this.backoff = new Backoff(minMs, maxMs, random);
  }

  /** The hub to try now. */
  get current(): string {
    return (this.hubs[this.index] as HubAttempt).address;
  }

  get all(): readonly HubAttempt[] {
    return this.hubs;
  }

  /** A session on the current hub was welcomed: it is tried first from now on. */
  worked(): void {
    (this.hubs[this.index] as HubAttempt).lastOkAt = this.clock.now();
    this.failures = 0;
    this.backoff.reset();
  }

  /**
   * The attempt on the current hub failed, or its session was lost: moves to the next hub and
   * returns how long to wait before trying it. Within a round the pause is short (drawn from
   * [min/2, min]); after a whole round without a welcome it is the exponential backoff.
   */
  failed(reason: string): number {
    const h = this.hubs[this.index] as HubAttempt;
    h.lastFailAt = this.clock.now();
    h.lastError = reason;
    this.failures++;
    this.index = (this.index + 1) % this.hubs.length;
    if (this.failures % this.hubs.length === 0) return this.backoff.next();
    return Math.round(this.minMs / 2 + (this.random() * this.minMs) / 2);
  }
}
