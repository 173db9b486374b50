/** POST /api/login, GET /api/me, POST /api/logout, POST /api/logout-all: the console's session routes. */
import { LoaError } from '../../core/errors.js';
import type { ConsoleCtx } from './ctx.js';
import type { Route } from './http.js';
import { readJson, sendJson } from './http.js';

function field(b: Record<string, unknown>, name: string, max: number): string {
  const v = b[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    throw new LoaError('INVALID_ARGUMENT', `${name}: a text of 1 to ${max} characters`);
  return v;
}

export function authRoutes(c: ConsoleCtx): Route[] {
  const audit = (who: string, role: string, address: string, action: string, error?: LoaError) =>
    c.deps.stores.audit.add({ who, role, via: `console ${address}` }, action, {}, [], error);
  return [
    {
      method: 'POST',
      path: '/api/login',
      access: 'public',
      handle: async (x) => {
        const b = await readJson(x.req, 4096);
        const name = field(b, 'name', 64);
        try {
          const { cookie, user } = await c.auth.login(name, field(b, 'password', 256), x.address);
          audit(user.name, user.role, x.address, 'ConsoleLogin');
          x.res.setHeader('set-cookie', cookie);
          sendJson(x.res, 200, { name: user.name, role: user.role, csrf: user.csrf });
        } catch (e) {
          if (e instanceof LoaError) audit(name.slice(0, 64), 'none', x.address, 'ConsoleLogin', e);
          throw e;
        }
      },
    },
    {
      method: 'GET',
      path: '/api/me',
      access: 'session',
      handle: (x) => {
        const u = x.user;
        sendJson(x.res, 200, { name: u?.name, role: u?.role, csrf: u?.csrf });
      },
    },
    {
      method: 'POST',
      path: '/api/logout',
      access: 'session',
      handle: (x) => {
        if (x.user) c.auth.logout(x.user);
        x.res.setHeader('set-cookie', c.auth.cookie('', 0));
        sendJson(x.res, 200, { ended: 1 });
      },
    },
    {
      method: 'POST',
      path: '/api/logout-all',
      access: 'session',
      handle: (x) => {
        const ended = x.user ? c.auth.logoutEverywhere(x.user) : 0;
        if (x.user) audit(x.user.name, x.user.role, x.address, 'ConsoleLogoutEverywhere');
        x.res.setHeader('set-cookie', c.auth.cookie('', 0));
        sendJson(x.res, 200, { ended });
      },
    },
  ];
}
