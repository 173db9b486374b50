/**
 * The browser console's server (`loa-district --console-listen`): static assets from web/,
 * the JSON API (api.ts) and the live feed (live.ts), all from one routes table. HTTPS with the
 * hub's own server certificate whenever it listens beyond loopback (a password must never
 * cross a network in clear); plain HTTP on loopback only. WebSocket routes plug into
 * `upgrades` (docs/console.md, "Extending").
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { LiveSessions } from '../live/live-sessions.js';
import type { OperatorDeps } from '../operator/guard.js';
import { apiRoutes } from './api.js';
import { Assets } from './assets.js';
import { ConsoleAuth } from './auth.js';
import type { ConsoleCtx } from './ctx.js';
import { type Exchange, match, type Route, SECURITY_HEADERS, sendError, type UpgradeRoute } from './http.js';
import { liveRoutes } from './live.js';
import { loadPlaces } from './places.js';
import { speakRoute } from './speak.js';

export interface ConsoleOptions {
  host: string;
  port: number;
  deps: OperatorDeps;
  clock: Clock;
  log: Logger;
  dataDir: string;
  /** The hub's server certificate and key (files), required beyond loopback. */
  tls?: { cert: string; key: string } | undefined;
  idleMs?: number;
  absoluteMs?: number;
  /** HTTPS on loopback too (LOA_CONSOLE_HTTPS=1; beyond loopback it always is). */
  https?: boolean;
  /** The hub's live voice: the browser's "speak" WebSocket (speak.ts) when given. */
  live?: LiveSessions;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

export class ConsoleServer {
  readonly routes: Route[];
  readonly upgrades: UpgradeRoute[] = [];
  readonly ctx: ConsoleCtx;
  private readonly server: Server;
  private readonly assets = new Assets();

  constructor(readonly o: ConsoleOptions) {
    const secure = o.https === true || !isLoopback(o.host);
    if (secure && !o.tls)
      throw new LoaError(
        'CONFIG',
        `--console-listen ${o.host}: beyond loopback (or with LOA_CONSOLE_HTTPS=1) the console needs HTTPS, with the hub's certificate (LOA_TLS_CERT, LOA_TLS_KEY); use 127.0.0.1 or give the certificate`,
      );
    const auth = new ConsoleAuth(o.deps.stores.users, o.clock, {
      idleMs: o.idleMs ?? 30 * 60_000,
      absoluteMs: o.absoluteMs ?? 8 * 3_600_000,
      secure,
    });
    this.ctx = { deps: o.deps, auth, clock: o.clock, log: o.log, places: loadPlaces(o.dataDir) };
    this.routes = [...apiRoutes(this.ctx), ...liveRoutes(this.ctx), ...this.assets.routes()];
    if (o.live) this.upgrades.push(speakRoute(this.ctx, o.live));
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.dispatch(req, res);
    this.server =
      secure && o.tls
        ? createHttps({ cert: readFileSync(o.tls.cert), key: readFileSync(o.tls.key) }, handler)
        : createServer(handler);
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  get secure(): boolean {
    return this.ctx.auth.o.secure;
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.o.port, this.o.host.replace(/^\[|\]$/g, ''), () => {
        const a = this.server.address();
        resolve(typeof a === 'object' && a ? a.port : this.o.port);
      });
    });
  }

  close(): Promise<void> {
    for (const u of this.upgrades) u.close?.();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (this.secure) res.setHeader('strict-transport-security', 'max-age=31536000');
    try {
      const url = new URL(req.url ?? '/', 'http://console');
      const found = match(this.routes, req.method ?? 'GET', url.pathname);
      if (!found) throw new LoaError('NOT_FOUND', `no such page or API: ${req.method} ${url.pathname}`);
      const x: Exchange = { req, res, params: found.params, url, address: addressOf(req), user: undefined };
      if (req.method === 'POST') checkOrigin(req);
      if (found.route.access === 'session') {
        x.user = this.ctx.auth.resolve(req);
        if (req.method === 'POST') this.ctx.auth.requireCsrf(req, x.user);
      }
      await found.route.handle(x);
    } catch (e) {
      sendError(res, e);
    }
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://console').pathname;
    const route = this.upgrades.find((u) => u.path === path);
    try {
      if (!route) throw new LoaError('NOT_FOUND', path);
      checkOrigin(req);
      route.handle(req, socket, head, this.ctx.auth.resolve(req));
    } catch {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    }
  }
}

export function addressOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/** A write (or a WebSocket) from another site's page is refused: Origin, when sent, must be ours. */
function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host = '';
  try {
    host = new URL(origin).host;
  } catch {
    // an unparsable Origin is refused below
  }
  if (host !== req.headers.host)
    throw new LoaError('PERMISSION_DENIED', `Origin ${origin} is not this console (${req.headers.host})`);
}
