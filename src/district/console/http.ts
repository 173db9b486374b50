/**
 * The console's HTTP plumbing: one routes table (method, path, who may call) and one upgrade
 * table for WebSocket routes (issue 21's live voice plugs in there: docs/console.md), request
 * bodies with a size limit, JSON answers with the LoaError code mapped to an HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorCode, LoaError, toLoaError } from '../../core/errors.js';
import type { ConsoleUser } from './auth.js';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path's captured groups (a RegExp path). */
  params: string[];
  url: URL;
  address: string;
  /** Set for 'session' routes: the logged-in user. */
  user: ConsoleUser | undefined;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string | RegExp;
  /** public: anyone (the page, login); session: a logged-in user; writes also need the CSRF token. */
  access: 'public' | 'session';
  handle(x: Exchange): Promise<void> | void;
}

/** A WebSocket route: the session is checked (and the Origin) before `handle` gets the socket. */
export interface UpgradeRoute {
  path: string;
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, user: ConsoleUser): void;
  /** Ends the route's open sockets (the console is closing: upgraded sockets would hold it open). */
  close?(): void;
}

export function match(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
    if (typeof route.path === 'string') {
      if (route.path === path) return { route, params: [] };
      continue;
    }
    const m = route.path.exec(path);
    if (m) return { route, params: m.slice(1).map((s) => decodeURIComponent(s)) };
  }
  return undefined;
}

const STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  REFUSED: 409,
  PERMISSION_DENIED: 403,
  UNAVAILABLE: 503,
  HARDWARE: 502,
  CONFIG: 500,
  EXPIRED: 410,
  RATE_LIMITED: 429,
  UNIMPLEMENTED: 501,
  STORAGE_FULL: 507, // Insufficient Storage (RFC 4918 §11.5)
  INTERNAL: 500,
};

export const UNAUTHENTICATED = 401;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The error as {error: {code, message}} with its HTTP status (401 for a missing session). */
export function sendError(res: ServerResponse, e: unknown): void {
  const err = toLoaError(e);
  const status = err.details.unauthenticated ? UNAUTHENTICATED : (STATUS[err.code] ?? 500);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: { code: err.code, message: err.message } });
}

/** The request's JSON body (at most `limit` bytes; application/json only, so a plain form cannot post). */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type))
    throw new LoaError('INVALID_ARGUMENT', `body: Content-Type application/json (got "${type}")`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit) throw new LoaError('INVALID_ARGUMENT', `body: at most ${limit} bytes`);
    chunks.push(c);
  }
  let v: unknown;
  try {
    v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new LoaError('INVALID_ARGUMENT', 'body: not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new LoaError('INVALID_ARGUMENT', 'body: a JSON object');
  return v as Record<string, unknown>;
}

/** Headers every answer carries: nothing from elsewhere may load, frame or be framed. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
