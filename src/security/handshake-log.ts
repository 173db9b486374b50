/**
 * Refused TLS handshakes (no certificate, another CA, expired, revoked, not TLS at all), logged
 * without flooding: one line per `everyMs` with how many since the last line and the last
 * reason. A stolen box retries every few seconds and a scanner thousands of times; the log
 * must show both without becoming the attack.
 */
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/log.js';

export class HandshakeLog {
  private pending = { count: 0, since: Number.NEGATIVE_INFINITY, last: '' };

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly everyMs = 10_000,
  ) {}

  refused(error: Error, remote: string | undefined): void {
    const now = this.clock.now();
    this.pending.count++;
    this.pending.last = `${remote ?? '?'}: ${error.message.slice(0, 200)}`;
    if (now - this.pending.since < this.everyMs) return;
    this.log.warn('TLS handshake refused', { count: this.pending.count, last: this.pending.last });
    this.pending = { count: 0, since: now, last: '' };
  }
}
