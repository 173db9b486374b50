/**
 * Login throttling, per user name and per address: after `free` failures, each further attempt
 * waits twice as long as the one before (1 s, 2 s, 4 s … capped at 15 min), as OWASP's
 * Authentication Cheat Sheet suggests instead of a hard lock an attacker could use to lock
 * staff out. A success clears the user's and the address's counts. Bounded in memory.
 */
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';

interface Entry {
  failures: number;
  until: number;
}

const MAX_KEYS = 10_000;
const CAP_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly free = 5,
    private readonly baseMs = 1000,
  ) {}

  /** RATE_LIMITED naming how long to wait, when `keys` (user:x, addr:y) are in their wait. */
  check(keys: string[]): void {
    const now = this.clock.monotonic();
    const wait = Math.max(0, ...keys.map((k) => (this.entries.get(k)?.until ?? 0) - now));
    if (wait > 0)
      throw new LoaError(
        'RATE_LIMITED',
        `too many failed logins: try again in ${Math.ceil(wait / 1000)} s / đăng nhập sai quá nhiều lần: thử lại sau ${Math.ceil(wait / 1000)} giây`,
      );
  }

  failed(keys: string[]): void {
    const now = this.clock.monotonic();
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: 0, until: 0 };
      e.failures++;
      const over = e.failures - this.free;
      if (over >= 0) e.until = now + Math.min(CAP_MS, this.baseMs * 2 ** Math.min(over, 20));
      this.entries.delete(k);
      this.entries.set(k, e);
      if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  succeeded(keys: string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}
