/**
 * The station's local control channel: newline-delimited JSON over a unix socket
 * ({id, method, params} → {id, ok, result | error}). The socket file is mode 0660 so only the
 * service user and its group reach it. Handlers are registered by name, so subsystems add
 * their commands without touching this file.
 */
import { chmod, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { isENOENT, LoaError, toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export type Handler = (params: unknown) => unknown | Promise<unknown>;

export interface Request {
  id: number | string;
  method: string;
  params?: unknown;
}

export type Response =
  | { id: number | string | null; ok: true; result: unknown }
  | { id: number | string | null; ok: false; error: { code: string; message: string } };

/** A request line larger than this is refused and the connection closed. */
export const MAX_LINE_BYTES = 256 * 1024;

export class LocalApi {
  private readonly handlers = new Map<string, Handler>();
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly path: string,
    private readonly log: Logger,
  ) {}

  register(method: string, handler: Handler): void {
    if (this.handlers.has(method)) throw new Error(`method ${method} registered twice`);
    this.handlers.set(method, handler);
  }

  methods(): string[] {
    return [...this.handlers.keys()].sort();
  }

  async listen(): Promise<void> {
    await unlink(this.path).catch((e) => {
      if (!isENOENT(e)) throw e;
    });
    const server = createServer((sock) => this.serve(sock));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, () => resolve());
    });
    await chmod(this.path, 0o660);
    this.server = server;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await unlink(this.path).catch(() => undefined);
  }

  private serve(sock: Socket): void {
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', () => sock.destroy());
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_LINE_BYTES) {
        this.reply(sock, {
          id: null,
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: `request larger than ${MAX_LINE_BYTES} bytes` },
        });
        sock.end();
        return;
      }
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) void this.handle(sock, line);
      }
    });
  }

  private async handle(sock: Socket, line: string): Promise<void> {
    let req: Request;
    try {
      req = JSON.parse(line);
      if (typeof req !== 'object' || req === null || typeof req.method !== 'string')
        throw new Error('no method');
    } catch {
      this.reply(sock, {
        id: null,
        ok: false,
        error: {
          code: 'INVALID_ARGUMENT',
          message: 'request: one JSON object with "id" and "method" per line',
        },
      });
      return;
    }
    const handler = this.handlers.get(req.method);
    try {
      if (!handler)
        throw new LoaError(
          'NOT_FOUND',
          `method "${req.method}" unknown; allowed: ${this.methods().join(', ')}`,
        );
      const result = await handler(req.params);
      this.reply(sock, { id: req.id ?? null, ok: true, result: result ?? null });
    } catch (e) {
      const err = toLoaError(e);
      if (err.code === 'INTERNAL')
        this.log.error('command failed', { method: req.method, error: err.message });
      this.reply(sock, { id: req.id ?? null, ok: false, error: { code: err.code, message: err.message } });
    }
  }

  private reply(sock: Socket, r: Response): void {
    if (!sock.destroyed) sock.write(`${JSON.stringify(r)}\n`);
  }
}
