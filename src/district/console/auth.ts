/**
 * Console logins and sessions. The cookie holds 32 random bytes (HttpOnly, SameSite=Strict,
 * Secure under HTTPS, Path=/); the database holds only their sha256. Each session has its own
 * CSRF token, sent by the page in X-CSRF-Token on every write (OWASP's synchroniser token);
 * a session ends after `idleMs` without a request or `absoluteMs` after login (OWASP Session
 * Management: 15–30 min idle, 4–8 h absolute for a control system; ours 30 min and 8 h).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import { NO_USER_HASH, verifyPassword } from '../../security/password.js';
import type { Role } from '../../security/roles.js';
import { isDiskFull } from '../storage-guard.js';
import type { UsersStore } from '../stores.js';
import { LoginThrottle } from './throttle.js';

export interface ConsoleUser {
  name: string;
  role: Role;
  csrf: string;
  sessionId: string;
}

export interface AuthOptions {
  idleMs: number;
  absoluteMs: number;
  secure: boolean;
}

export const COOKIE = 'loa_session';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function unauthenticated(message: string): LoaError {
  return new LoaError('PERMISSION_DENIED', message, { unauthenticated: true });
}

function cookieOf(req: IncomingMessage): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

export class ConsoleAuth {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UsersStore,
    private readonly clock: Clock,
    readonly o: AuthOptions,
  ) {
    this.throttle = new LoginThrottle(clock);
  }

  /** A new session, or PERMISSION_DENIED that does not say whether the name exists. */
  async login(
    name: string,
    password: string,
    address: string,
  ): Promise<{ cookie: string; user: ConsoleUser }> {
    const keys = [`user:${name}`, `addr:${address}`];
    this.throttle.check(keys);
    const row = this.users.get(name);
    const ok = await verifyPassword(password, row?.hash ?? NO_USER_HASH);
    if (!row || !ok || row.disabled) {
      this.throttle.failed(keys);
      throw unauthenticated('wrong user name or password / sai tên hoặc mật khẩu');
    }
    this.throttle.succeeded(keys);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const sessionId = sha(token);
    this.users.openSession({ id: sessionId, user: name, csrf, address });
    return { cookie: this.cookie(token, this.o.absoluteMs), user: { name, role: row.role, csrf, sessionId } };
  }

  cookie(value: string, maxAgeMs: number): string {
    const secure = this.o.secure ? '; Secure' : '';
    return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure}`;
  }

  /**
   * The logged-in user of a request, or a 401; a session past a timeout is ended. `active`:
   * the request is the user's doing (the live feed's own heartbeat is not, so an unattended
   * page still times out).
   */
  resolve(req: IncomingMessage, active = true): ConsoleUser {
    const token = cookieOf(req);
    if (!token) throw unauthenticated('not logged in / chưa đăng nhập');
    const s = this.users.session(sha(token));
    if (!s) throw unauthenticated('session ended: log in again / phiên đã kết thúc: đăng nhập lại');
    const now = this.clock.now();
    const row = this.users.get(s.user);
    if (now - s.seen > this.o.idleMs || now - s.created > this.o.absoluteMs || !row || row.disabled) {
      // refused by its timestamps whether or not the disk takes the deletion (storage guard)
      try {
        this.users.endSession(s.id);
      } catch (e) {
        if (!isDiskFull(e)) throw e;
      }
      throw unauthenticated('session expired: log in again / phiên đã hết hạn: đăng nhập lại');
    }
    if (active) this.users.touchSession(s.id);
    return { name: s.user, role: row.role, csrf: s.csrf, sessionId: s.id };
  }

  /** PERMISSION_DENIED unless the request carries the session's CSRF token. */
  requireCsrf(req: IncomingMessage, user: ConsoleUser): void {
    const got = Buffer.from(String(req.headers['x-csrf-token'] ?? ''));
    const want = Buffer.from(user.csrf);
    if (got.length !== want.length || !timingSafeEqual(got, want))
      throw new LoaError('PERMISSION_DENIED', 'CSRF token missing or wrong: reload the page / tải lại trang');
  }

  logout(user: ConsoleUser): void {
    this.users.endSession(user.sessionId);
  }

  logoutEverywhere(user: ConsoleUser): number {
    return this.users.endSessionsOf(user.name);
  }
}
