/**
 * The console's "speak" WebSocket driven from Node (the `ws` client) with a real console session
 * (POST /api/login), for what a page never sends: a forged Origin, a wrong token, a non-WebM
 * first chunk, a flood.
 */
import WebSocket from 'ws';

export interface Session {
  cookie: string;
  csrf: string;
}

export async function consoleLogin(url: string, name: string, password: string): Promise<Session> {
  const res = await fetch(new URL('/api/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!res.ok) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrf: string };
  return { cookie, csrf: body.csrf };
}

export interface SpeakResult {
  /** The HTTP status when the upgrade itself was refused. */
  status?: number;
  /** The server's error message, when it sent one. */
  error?: string;
  messages: Array<Record<string, unknown>>;
  close?: () => void;
  /** One more binary message on the open socket. */
  send?: (b: Buffer) => void;
}

/**
 * Sends `send` in order (objects as JSON text, Buffers as binary). Settles when the socket
 * closes, or, with `untilStarted`, once the server says the session started (the socket left
 * open: `close()` ends it). Bounded at 30 s.
 */
export function speakSocket(
  url: string,
  s: Session,
  send: Array<Record<string, unknown> | Buffer>,
  origin?: string,
  untilStarted = false,
): Promise<SpeakResult> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws').replace(/\/$/, '')}/api/speak`, {
    headers: { cookie: s.cookie },
    ...(origin ? { origin } : {}),
  });
  const out: SpeakResult = {
    messages: [],
    close: () => ws.close(),
    send: (b) => ws.send(b, { binary: true }),
  };
  return new Promise<SpeakResult>((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve(out);
    }, 30_000);
    const done = () => {
      clearTimeout(timer);
      resolve(out);
    };
    ws.on('unexpected-response', (_req, res) => {
      out.status = res.statusCode;
      done();
    });
    ws.on('error', () => done());
    ws.on('open', () => {
      for (const m of send)
        ws.send(Buffer.isBuffer(m) ? m : JSON.stringify(m), { binary: Buffer.isBuffer(m) });
    });
    ws.on('message', (data, binary) => {
      if (binary) return;
      const m = JSON.parse(String(data)) as Record<string, unknown>;
      out.messages.push(m);
      if (m.type === 'error') out.error = String(m.message);
      if (m.type === 'started' && untilStarted) done();
    });
    ws.on('close', () => done());
  });
}
