/**
 * Console sessions and people without a browser: scrypt passwords, login throttling, idle and
 * absolute timeouts on a manual clock, logout everywhere, disabling, the real `districtctl
 * user` commands, and HTTPS with a certificate from deploy/pki.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { ConsoleAuth } from '../../src/district/console/auth.js';
import { ConsoleServer } from '../../src/district/console/server.js';
import { Sessions } from '../../src/district/sessions.js';
import { openSqliteStores } from '../../src/district/sqlite.js';
import { hashPassword, verifyPassword } from '../../src/security/password.js';
import { DISTRICTCTL } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { TestCa } from '../security/pki.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = tempDir('loa-console-auth-');
  dirs.push(dir);
  const clock = new ManualClock(1_800_000_000_000);
  const stores = openSqliteStores(join(dir, 'hub'), clock);
  const auth = new ConsoleAuth(stores.users, clock, { idleMs: 60_000, absoluteMs: 600_000, secure: false });
  return { dir, clock, stores, auth };
}

/** A request carrying the cookie a login set. */
const withCookie = (cookie: string) =>
  ({ headers: { cookie: cookie.split(';')[0] } }) as unknown as IncomingMessage;

function ctl(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = execFile(
      process.execPath,
      [DISTRICTCTL, ...args],
      { env: { ...process.env, LANG: 'C' } },
      (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('console people and sessions', () => {
  it('hashes with scrypt, verifies, and refuses a short password', async () => {
    const h = await hashPassword('một hai ba bốn năm');
    expect(h).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword('một hai ba bốn năm', h)).toBe(true);
    expect(await verifyPassword('mot hai ba bon nam', h)).toBe(false);
    await expect(hashPassword('short')).rejects.toThrow(/password: 10 to 256 characters/);
  }, 30_000);

  it('throttles failed logins per user and per address, then lets the right password in after the wait', async () => {
    const s = setup();
    s.stores.users.add('an', 'admin', await hashPassword('mat-khau-dung'));
    for (let i = 0; i < 5; i++)
      await expect(s.auth.login('an', 'sai', '192.0.2.1')).rejects.toThrow(/wrong user name or password/);
    await expect(s.auth.login('an', 'mat-khau-dung', '192.0.2.1')).rejects.toThrow(/too many failed logins/);
    // another address is throttled too for this user name; another name from the first address too
    await expect(s.auth.login('an', 'mat-khau-dung', '192.0.2.99')).rejects.toThrow(/too many failed logins/);
    await expect(s.auth.login('binh', 'x', '192.0.2.1')).rejects.toThrow(/too many failed logins/);
    await s.clock.advance(1500);
    const ok = await s.auth.login('an', 'mat-khau-dung', '192.0.2.1');
    expect(ok.user.role).toBe('admin');
    expect(ok.cookie).toMatch(/HttpOnly; SameSite=Strict/);
    expect(ok.cookie).not.toMatch(/Secure/);
  }, 60_000);

  it('ends a session after the idle and the absolute timeouts', async () => {
    const s = setup();
    s.stores.users.add('an', 'operator', await hashPassword('mat-khau-dung'));
    const a = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    await s.clock.advance(59_000);
    expect(s.auth.resolve(withCookie(a.cookie)).name).toBe('an');
    await s.clock.advance(61_000);
    expect(() => s.auth.resolve(withCookie(a.cookie))).toThrow(/expired/);
    const b = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    for (let i = 0; i < 10; i++) {
      await s.clock.advance(55_000);
      s.auth.resolve(withCookie(b.cookie));
    }
    await s.clock.advance(55_000);
    expect(() => s.auth.resolve(withCookie(b.cookie))).toThrow(/expired/);
  }, 60_000);

  it('logs a user out everywhere, and disabling or a new password ends their sessions', async () => {
    const s = setup();
    s.stores.users.add('an', 'operator', await hashPassword('mat-khau-dung'));
    const one = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    const two = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    expect(s.auth.logoutEverywhere(s.auth.resolve(withCookie(one.cookie)))).toBe(2);
    expect(() => s.auth.resolve(withCookie(two.cookie))).toThrow(/session ended/);
    const three = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    s.stores.users.setDisabled('an', true);
    expect(() => s.auth.resolve(withCookie(three.cookie))).toThrow(/session ended/);
    await expect(s.auth.login('an', 'mat-khau-dung', '127.0.0.1')).rejects.toThrow(/wrong user name/);
    s.stores.users.setDisabled('an', false);
    const four = await s.auth.login('an', 'mat-khau-dung', '127.0.0.1');
    s.stores.users.setPassword('an', await hashPassword('mat-khau-moi-hon'));
    expect(() => s.auth.resolve(withCookie(four.cookie))).toThrow(/session ended/);
  }, 60_000);

  it('districtctl user: password on stdin only, clear refusals, audited, no hash listed', async () => {
    const dir = tempDir('loa-console-ctl-');
    dirs.push(dir);
    const hub = join(dir, 'hub');
    const flag = await ctl(
      ['user', 'add', 'an', '--role', 'admin', '--password', 'x', '--data-dir', hub],
      '',
    );
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('never on the command line');
    const bad = await ctl(
      ['user', 'add', 'An Nguyen', '--role', 'admin', '--data-dir', hub],
      'mat-khau-dung\n',
    );
    expect(bad.stderr).toContain('NAME: 2 to 32 of a-z');
    const role = await ctl(['user', 'add', 'an', '--role', 'root', '--data-dir', hub], 'mat-khau-dung\n');
    expect(role.stderr).toContain('--role: one of viewer, operator, admin');
    const short = await ctl(['user', 'add', 'an', '--role', 'admin', '--data-dir', hub], 'ngan\n');
    expect(short.stderr).toContain('password: 10 to 256');
    expect(
      (await ctl(['user', 'add', 'an', '--role', 'admin', '--data-dir', hub], 'mat-khau-dung\n')).code,
    ).toBe(0);
    const again = await ctl(['user', 'add', 'an', '--role', 'viewer', '--data-dir', hub], 'mat-khau-dung\n');
    expect(again.stderr).toContain('exists');
    expect((await ctl(['user', 'disable', 'an', '--data-dir', hub], '')).code).toBe(0);
    const list = JSON.parse((await ctl(['user', 'list', '--json', '--data-dir', hub], '')).stdout);
    expect(list).toEqual([expect.objectContaining({ name: 'an', role: 'admin', disabled: true })]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    const stores = openSqliteStores(hub, new ManualClock());
    const audit = stores.audit.list({ limit: 100 }).map((e) => `${e.action} ${e.result}`);
    stores.db.close();
    expect(audit).toEqual(['ConsoleUser.add ok', 'ConsoleUser.disable ok']);
  }, 60_000);

  it('serves HTTPS with the hub certificate, with a Secure cookie; refuses plain HTTP beyond loopback', async () => {
    const dir = tempDir('loa-console-tls-');
    dirs.push(dir);
    const ca = await TestCa.create(join(dir, 'ca'));
    const pair = await ca.server('hub');
    const clock = new ManualClock(1_800_000_000_000);
    const stores = openSqliteStores(join(dir, 'hub'), clock);
    stores.users.add('an', 'viewer', await hashPassword('mat-khau-dung'));
    const { log } = memoryLogger('console');
    const deps = {
      stores,
      sessions: new Sessions(stores),
      log,
      callerOf: () => {
        throw new Error('no gRPC here');
      },
      via: 'tls' as const,
      limiter: undefined,
      revoke: () => {
        throw new Error('no');
      },
    };
    const base = { port: 0, deps, clock, log, dataDir: join(dir, 'hub') };
    expect(() => new ConsoleServer({ ...base, host: '0.0.0.0' })).toThrow(/needs HTTPS/);
    const server = new ConsoleServer({
      ...base,
      host: '127.0.0.1',
      https: true,
      tls: { cert: pair.crt, key: pair.key },
    });
    const port = await server.listen();
    try {
      const res = await new Promise<{ status: number; cookie: string; hsts: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/login',
            method: 'POST',
            ca: [readText(ca.ca)],
            headers: { 'content-type': 'application/json' },
          },
          (r) => {
            r.resume();
            resolve({
              status: r.statusCode ?? 0,
              cookie: String(r.headers['set-cookie'] ?? ''),
              hsts: String(r.headers['strict-transport-security'] ?? ''),
            });
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ name: 'an', password: 'mat-khau-dung' }));
      });
      expect(res.status).toBe(200);
      expect(res.cookie).toMatch(/HttpOnly; SameSite=Strict; Max-Age=\d+; Secure/);
      expect(res.hsts).toContain('max-age');
    } finally {
      await server.close();
      stores.db.close();
    }
  }, 90_000);
});

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
