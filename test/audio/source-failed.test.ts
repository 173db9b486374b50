/**
 * Issue 14, item 4: a source that never becomes healthy raises `audio.source-failed` with its
 * cause, within its reconnect budget, and says so in the status; the alarm clears when the
 * request goes. Real servers on loopback: nobody listening, a TCP service that is not HTTP,
 * an HTTP server answering random bytes as audio/mpeg, one that accepts and never answers.
 */
import { randomBytes } from 'node:crypto';
import { type Server as HttpServer, createServer as httpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { audioConfigSchema } from '../../src/audio/config.js';
import { ALARM_SOURCE_FAILED } from '../../src/audio/onair-watch.js';
import { buildEngine } from '../../src/audio/setup.js';
import { SystemClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { pollUntil } from '../helpers/daemon.js';
import { freePort } from '../helpers/ports.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function listen(s: Server | HttpServer): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const sockets = new Set<Socket>();
  s.on('connection', (c: Socket) => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
  });
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const c of sockets) c.destroy();
        s.close(() => r());
      }),
  );
  return (s.address() as { port: number }).port;
}

async function play(url: string) {
  const cfg = audioConfigSchema.parse({ schema: 1, health: { reconnectMs: 2000 } });
  const events = new MemoryEvents();
  const clock = new SystemClock();
  const alarms = new Alarms(events, () => clock.now());
  const built = buildEngine(cfg, { clock, events, alarms, resolve: async (p) => p });
  await built.engine.start();
  cleanups.push(async () => {
    await built.engine.close();
    built.children.dispose();
  });
  await built.engine.play('programme', {
    id: 'relay',
    source: { kind: 'stream', url },
    fallback: { kind: 'tone', hz: 440 },
  });
  const raised = () =>
    events.events.find((e) => e.kind === ALARM_SOURCE_FAILED && e.details?.alarm === 'raised');
  // the budget: 3 failed connections (≈ 4 s of backoff) or 15 s of bytes that make no audio
  await pollUntil(async () => !!raised(), 40_000);
  const status = built.engine.status().slots.programme?.sources[0];
  return { built, alarms, events, raised: raised(), status };
}

describe('a source that never becomes healthy raises audio.source-failed', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const r = await play(`http://127.0.0.1:${port}/live`);
    expect(r.raised?.details).toMatchObject({ cause: 'refused', url: `http://127.0.0.1:${port}/live` });
    expect(r.status?.failure).toMatchObject({ cause: 'refused' });
    expect(r.raised?.message).toMatch(/connection refused/);
    // stopping the request clears the alarm
    await r.built.engine.stop('programme');
    expect(r.alarms.has(ALARM_SOURCE_FAILED)).toBe(false);
  });

  it('an answer that is not HTTP', async () => {
    const port = await listen(createServer((c) => c.end('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n')));
    const r = await play(`http://127.0.0.1:${port}/live`);
    expect(r.raised?.details).toMatchObject({ cause: 'not-http' });
  });

  it('HTTP 404', async () => {
    const port = await listen(httpServer((_q, s) => s.writeHead(404).end('no such mount')));
    const r = await play(`http://127.0.0.1:${port}/live`);
    expect(r.raised?.details).toMatchObject({ cause: 'http-status' });
    expect(r.raised?.details?.error).toMatch(/HTTP 404/);
  });

  it('garbage from the first byte (not audio)', async () => {
    const timers: NodeJS.Timeout[] = [];
    cleanups.push(() => {
      for (const t of timers) clearInterval(t);
    });
    const port = await listen(
      httpServer((_q, s) => {
        s.writeHead(200, { 'content-type': 'audio/mpeg' });
        timers.push(setInterval(() => s.write(randomBytes(1000)), 100));
      }),
    );
    const r = await play(`http://127.0.0.1:${port}/live`);
    expect(r.raised?.details).toMatchObject({ cause: 'not-audio' });
    expect(r.built.engine.onAir().using).toBe('fallback');
  });

  it('a server that accepts and never answers (timeout)', async () => {
    const port = await listen(createServer(() => undefined));
    const r = await play(`http://127.0.0.1:${port}/live`);
    expect(r.raised?.details).toMatchObject({ cause: 'timeout' });
  });
});
