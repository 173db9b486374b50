/**
 * The console's static files (web/), read once and compressed once (gzip), served with an
 * ETag. No CDN, no web font, no map tiles: a district office on a flaky line or none at all
 * gets the whole console from its hub. web/ sits in src/ and is found from both src/ and dist/
 * (same depth), so the release carries it without a build step.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Exchange, Route } from './http.js';

export const WEB_DIR = fileURLToPath(new URL('../../../src/district/console/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  type: string;
  raw: Buffer;
  gz: Buffer;
  etag: string;
}

export class Assets {
  readonly files = new Map<string, Asset>();

  constructor(dir = WEB_DIR) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const raw = readFileSync(dir + name);
      const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
      this.files.set(`/${name}`, { type, raw, gz: gzipSync(raw, { level: 9 }), etag });
    }
  }

  routes(): Route[] {
    return [{ method: 'GET', path: /^(\/[\w.-]*)$/, access: 'public', handle: (x) => this.serve(x) }];
  }

  private serve(x: Exchange): void {
    const path = x.params[0] === '/' ? '/index.html' : (x.params[0] ?? '');
    // every page of the app is index.html; the script routes by location.hash
    const a = this.files.get(path) ?? this.files.get('/index.html');
    if (!a) {
      x.res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': a.type,
      etag: a.etag,
      'cache-control': 'no-cache',
    };
    if (x.req.headers['if-none-match'] === a.etag) {
      x.res.writeHead(304, headers).end();
      return;
    }
    const gz = /\bgzip\b/.test(String(x.req.headers['accept-encoding'] ?? ''));
    const body = gz ? a.gz : a.raw;
    x.res.writeHead(200, {
      ...headers,
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
      vary: 'accept-encoding',
      'content-length': String(body.length),
    });
    x.res.end(x.req.method === 'HEAD' ? undefined : body);
  }
}
