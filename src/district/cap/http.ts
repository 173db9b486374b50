/**
 * The hub's CAP intake over HTTP: `POST /cap` with `Authorization: Bearer TOKEN` and the CAP
 * XML as the body (at most 1 MiB: a longer body is cut off and refused unread), and
 * `GET /cap/alerts` (same token) for what was received and done, `GET /cap/feeds` for the
 * polled feeds' state (feed.ts). Answers JSON: 200 with the
 * outcome, 400 naming what is wrong with the message, 401, 404, 413. Plain HTTP on loopback by
 * default: expose it through a TLS reverse proxy, or keep it on the provincial VPN.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toLoaError } from '../../core/errors.js';
import { MAX_CAP_BYTES } from './parse.js';
import type { CapService } from './service.js';

function authorised(req: IncomingMessage, tokens: string[]): boolean {
  const m = /^Bearer\s+(\S+)$/.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  return tokens.some((t) => {
    const want = Buffer.from(t);
    return want.length === given.length && timingSafeEqual(want, given);
  });
}

function reply(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
  res.end(`${JSON.stringify(body)}\n`);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // past the limit the rest is drained unread (kept out of memory), then refused
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_CAP_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_CAP_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** HTTP status by error code: a hostile message 400; the hub's disk full 507 (RFC 4918 §11.5), send again later. */
const STATUS: Record<string, number> = { INVALID_ARGUMENT: 400, STORAGE_FULL: 507 };

export class CapHttp {
  private server: Server | undefined;
  /** The feeds' state for GET /cap/feeds (set when feeds are polled). */
  feeds: () => unknown[] = () => [];

  constructor(
    private readonly service: CapService,
    private readonly tokens: string[],
  ) {}

  async listen(host: string, port: number): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/cap' && path !== '/cap/alerts' && path !== '/cap/feeds')
        return reply(res, 404, { error: `no such path ${path}; POST /cap, GET /cap/alerts, GET /cap/feeds` });
      if (!authorised(req, this.tokens))
        return reply(res, 401, { error: 'Authorization: Bearer TOKEN required (a token of cap.json)' });
      if (path === '/cap/alerts' && req.method === 'GET')
        return reply(res, 200, { alerts: this.service.store.list() });
      if (path === '/cap/feeds' && req.method === 'GET') return reply(res, 200, { feeds: this.feeds() });
      if (path !== '/cap' || req.method !== 'POST')
        return reply(res, 405, { error: 'POST /cap with the CAP XML, or GET /cap/alerts' });
      const body = await readBody(req);
      if (!body)
        return reply(res, 413, {
          error: `CAP message refused: larger than ${MAX_CAP_BYTES} bytes (1 MiB); nothing was played`,
        });
      return reply(res, 200, await this.service.ingest(body, 'http'));
    } catch (e) {
      const err = toLoaError(e);
      reply(res, STATUS[err.code] ?? 500, { error: err.message, code: err.code });
    }
  }
}

/** Starts CAP intake for a hub when `cap.json` configures it; returns a stop function. */
export async function startCapIntake(
  service: CapService,
  cfg: { listen: string; tokens: string[] },
): Promise<{ port: number; close: () => Promise<void>; feeds: () => unknown[] }> {
  const i = cfg.listen.lastIndexOf(':');
  const http = new CapHttp(service, cfg.tokens);
  const port = await http.listen(
    cfg.listen.slice(0, i).replace(/^\[|\]$/g, ''),
    Number(cfg.listen.slice(i + 1)),
  );
  return {
    port,
    close: () => http.close(),
    set feeds(f: () => unknown[]) {
      http.feeds = f;
    },
    get feeds() {
      return http.feeds;
    },
  };
}
