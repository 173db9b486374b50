/**
 * Confidence monitor: operators and technicians hear what is on air from a browser. The
 * on-air PCM (as a streamed WAV) goes into node-rtsp-stream's ffmpeg muxer, which makes
 * MPEG-TS with MP2 audio; the TS goes over a WebSocket to JSMpeg in a small page served by
 * the station (loopback by default).
 *
 * Why only node-rtsp-stream's muxer and not its VideoStream (read from its source, 0.0.9):
 * VideoStream's WebSocket server is `new ws.Server({ port })` with no host, so it listens
 * on every interface (no loopback-only option); it console.logs every connection (which
 * would break the daemon's JSON-line stdout) and pipes ffmpeg's stderr to ours; it sends
 * an 8-byte "jsmp" width/height header meant for the 2013 jsmpeg, not today's JSMpeg; and
 * it broadcasts without looking at a client's backlog. Its Mpeg1Muxer takes `-i URL` with
 * no input options, so we give it `pipe:0` and a self-describing WAV stream; the
 * `-codec:v mpeg1video` it always adds is harmless with `-vn`. The muxer starts with the
 * first listener and stops with the last, so an unwatched station spends nothing on it.
 */
import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { FFMPEG } from './decoder.js';
import { MONITOR_PAGE } from './monitor-page.js';
import { wavHeader } from './pcm.js';
import type { FrameTap } from './sink.js';

interface Muxer extends EventEmitter {
  stream: ChildProcess;
}
type MuxerCtor = new (o: { url: string; ffmpegPath: string; ffmpegOptions: Record<string, string> }) => Muxer;

const require = createRequire(import.meta.url);
const TS_PACKET = 188;
/** A client this far behind is skipped until it catches up (no unbounded memory per client). */
const MAX_CLIENT_BACKLOG = 512 * 1024;

export interface MonitorOptions {
  host: string;
  port: number;
  bitrateKbps?: number;
}

export class ConfidenceMonitor implements FrameTap {
  readonly name = 'monitor';
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private muxer: Muxer | undefined;
  private sent = 0;
  private readonly fresh = new Set<WebSocket>();
  dropped = 0;

  constructor(private readonly o: MonitorOptions) {}

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  get listeners(): number {
    return this.wss?.clients.size ?? 0;
  }

  async start(): Promise<void> {
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer((req, res) =>
      this.http(req, res).catch((e) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`${(e as Error).message}\n`);
      }),
    );
    server.on('upgrade', (req, sock, head) => {
      if (req.url !== '/stream') return void sock.destroy();
      wss.handleUpgrade(req, sock, head, (ws) => this.joined(ws));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host, () => resolve());
    });
    this.server = server;
    this.wss = wss;
  }

  write(frame: Buffer): void {
    const stdin = this.muxer?.stream.stdin;
    if (!stdin || stdin.destroyed) return;
    if (stdin.writableLength > 1024 * 1024) this.dropped++;
    else stdin.write(frame);
  }

  async close(): Promise<void> {
    this.stopMuxer();
    for (const c of this.wss?.clients ?? []) c.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private async http(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(MONITOR_PAGE);
    }
    if (req.url === '/jsmpeg.min.js') {
      // the package exports only its main entry: find the browser bundle beside it
      const dist = dirname(require.resolve('@cycjimmy/jsmpeg-player'));
      const js = await readFile(join(dist, 'jsmpeg-player.umd.min.js'));
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=86400' });
      return void res.end(js);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: / (page), /stream (WebSocket)\n');
  }

  private joined(ws: WebSocket): void {
    this.fresh.add(ws);
    ws.on('close', () => {
      this.fresh.delete(ws);
      if (this.listeners === 0) this.stopMuxer();
    });
    ws.on('error', () => ws.terminate());
    if (!this.muxer) this.startMuxer();
  }

  private startMuxer(): void {
    const Mpeg1Muxer = require('node-rtsp-stream/mpeg1muxer.js') as MuxerCtor;
    const m = new Mpeg1Muxer({
      url: 'pipe:0',
      ffmpegPath: FFMPEG,
      ffmpegOptions: {
        '-loglevel': 'error',
        '-nostats': '',
        '-vn': '',
        '-codec:a': 'mp2',
        '-b:a': `${this.o.bitrateKbps ?? 128}k`,
        '-flush_packets': '1',
      },
    });
    m.stream.stdin?.on('error', () => undefined);
    m.stream.stdin?.write(wavHeader(0xffffffff));
    m.on('mpeg1data', (data: Buffer) => this.broadcast(data));
    m.stream.once('exit', () => {
      if (this.muxer === m) this.muxer = undefined;
    });
    this.sent = 0;
    this.muxer = m;
  }

  private stopMuxer(): void {
    const m = this.muxer;
    this.muxer = undefined;
    if (!m) return;
    m.stream.stdin?.end();
    m.stream.kill('SIGTERM');
  }

  /** Sends TS to every listener; a newcomer starts on a 188-byte packet boundary. */
  private broadcast(data: Buffer): void {
    const skip = (TS_PACKET - (this.sent % TS_PACKET)) % TS_PACKET;
    this.sent += data.length;
    for (const ws of this.wss?.clients ?? []) {
      if (ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_CLIENT_BACKLOG) continue;
      if (this.fresh.has(ws)) {
        if (skip >= data.length) continue;
        this.fresh.delete(ws);
        ws.send(data.subarray(skip));
      } else ws.send(data);
    }
  }
}
