/**
 * Per-identity token buckets for commands: `burst` at once, then `perMinute` (refilled
 * continuously on the injected clock). Refusals name the limit and when to retry.
 * `allow` gives callers that arrive one way (a unix socket: "unix:admin") their own limits:
 * the kernel decides who may connect to a socket (file permissions), so unlike the user name a
 * local client claims, the socket is an identity an allowance can trust (docs/security.md).
 */
import type { Clock } from '../core/clock.js';
import { keyed } from '../core/errors.js';

export interface RateLimits {
  burst: number;
  perMinute: number;
  /** Limits by the caller's `via` ("unix:admin"), instead of burst/perMinute. */
  allow?: Record<string, { burst: number; perMinute: number }>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets beyond this are forgotten oldest first (a flood of made-up identities stays bounded). */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Takes one token for `who` (arriving `via`), or throws RATE_LIMITED. */
  take(who: string, via?: string): void {
    const now = this.clock.monotonic();
    const { burst, perMinute } = (via !== undefined && this.limits.allow?.[via]) || this.limits;
    const b = this.buckets.get(who) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) * perMinute) / 60_000);
    b.at = now;
    this.buckets.delete(who);
    this.buckets.set(who, b);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (b.tokens < 1) {
      const waitS = Math.ceil(((1 - b.tokens) * 60) / perMinute);
      throw keyed(
        'RATE_LIMITED',
        `rate limit: ${burst} commands at once, then ${perMinute} per minute for ${who}; retry in ${waitS} s`,
        'r.rateLimited',
        { burst, perMinute, who, waitS },
        { burst, perMinute, retryS: waitS },
      );
    }
    b.tokens -= 1;
  }
}
