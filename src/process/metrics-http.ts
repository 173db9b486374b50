/**
 * GET /metrics over HTTP for a prom-client registry, refreshed on each scrape: the station's
 * and the district hub's endpoint (loopback by default; they carry no secrets but also no
 * authentication, so they are not meant to face a network).
 */
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { LoaError } from '../core/errors.js';

export class MetricsServer {
  private server: Server | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly refresh: () => Promise<void>,
    /** Series written as exposition text by the caller, after the registry's (many of them: the hub's per station). */
    private readonly extra?: () => string,
  ) {}

  async text(): Promise<string> {
    await this.refresh();
    const body = await this.registry.metrics();
    return this.extra ? `${body}${this.extra()}` : body;
  }

  /** Serves GET /metrics on host:port (port 0 picks a free one); resolves with the port. */
  async listen(host: string, port: number): Promise<number> {
    const server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end('try /metrics\n');
        return;
      }
      this.text().then(
        (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        (e) => res.writeHead(500).end(`${(e as Error).message}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) =>
        reject(
          new LoaError('UNAVAILABLE', `metrics: cannot listen on ${host}:${port} (${(e as Error).message})`),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const addr = server.address();
    return typeof addr === 'object' && addr ? addr.port : port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Parses a metrics listen address ("host:port"; "" or "off" disables). */
export function parseListen(
  v: string | undefined,
  fallback = '127.0.0.1:9464',
): { host: string; port: number } | undefined {
  const s = v ?? fallback;
  if (s === '' || s === 'off') return undefined;
  const m = /^(\[[0-9a-fA-F:]+\]|[^:]+):(\d{1,5})$/.exec(s);
  const port = Number(m?.[2]);
  if (!m || port > 65535)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `metrics listen address: HOST:PORT such as ${fallback}, or "off" (got "${s}")`,
    );
  return { host: (m[1] as string).replace(/^\[|\]$/g, ''), port };
}

/** The URL to print for a listening endpoint (IPv6 hosts in brackets). */
export function metricsUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`;
}
