/**
 * A live network stream. HTTP and Icecast streams are fetched by us and piped into an ffmpeg
 * decoder's stdin: we see every byte arrive (a stall is "no bytes for stallMs", detected
 * while the jitter buffer still covers it) and the decoder dies with us (stdin EOF). Other
 * URLs (HLS playlists, RTSP, RTMP, SRT) are opened by ffmpeg itself under the watchdog, and
 * a stall is "no PCM". A stream that closes, stalls past reconnectMs or fails reconnects
 * with a capped backoff, forever: the fallback covers meanwhile. RTSP asks for RTP
 * interleaved on its TCP connection and, if the server refuses that transport (461), RTP
 * over UDP on the next attempt (and back, should the server change its mind).
 */
import { type ClientRequest, get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { Clock, Timer } from '../core/clock.js';
import type { Children } from './children.js';
import { Decoder, type DecoderInput, type RtspTransport } from './decoder.js';
import type { HealthLimits } from './health.js';
import { BufferedSource, type BufferSizes, type FailureCause, type SourceFailure } from './source.js';

export interface StreamDeps {
  clock: Clock;
  children: Children;
  limits: HealthLimits;
  sizes: BufferSizes;
  /** A connection silent this long is dropped and redialled (default 5 s). */
  reconnectMs: number;
  /** Backoff between attempts: from minBackoffMs doubling to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

const FORMATS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/aac': 'aac',
  'audio/aacp': 'aac',
  'application/ogg': 'ogg',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
};

/**
 * A source that has never been healthy is declared failed after this many failed connections
 * in a row (0.5 + 1 + 2 s of backoff: ≈ 4 s for a refused port), or after this long with
 * bytes that never made audio (garbage from the first byte, a hung answer).
 */
const FAIL_ATTEMPTS = 3;
const FAIL_AFTER_MS = 15_000;

/** What a connection error says about the source (the alarm's cause). */
export function causeOf(why: string, code?: string): FailureCause {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code?.startsWith('HPE_')) return 'not-http';
  if (/connection refused/i.test(why)) return 'refused';
  if (code === 'ETIMEDOUT' || /stalled|timed? ?out/i.test(why)) return 'timeout';
  if (/^HTTP \d/.test(why)) return 'http-status';
  if (/decoder|invalid data|header missing/i.test(why)) return 'not-audio';
  return 'other';
}

/** A network source that has never been healthy and will not soon: why (or undefined). */
export function failureOf(
  s: BufferedSource,
  failedAttempts: number,
  lastCause: FailureCause,
  startedAt: number,
  attempts: number,
): SourceFailure | undefined {
  if (s.health.everHealthy) return undefined;
  const now = s.nowMs;
  const r = s.current.reason;
  const hopeless = r === 'garbage' || r === 'stalled' || r === 'closed' || r === 'failed';
  if (failedAttempts < FAIL_ATTEMPTS && !(hopeless && now - startedAt >= FAIL_AFTER_MS)) return undefined;
  const cause = failedAttempts >= FAIL_ATTEMPTS ? lastCause : r === 'garbage' ? 'not-audio' : 'timeout';
  return { cause, attempts, error: s.health.lastError ?? r };
}

/**
 * ffmpeg's word that the RTSP server refused every transport it was offered: its SETUP got
 * 461 Unsupported Transport (RFC 2326 §11.4.15) and it exits with EPROTONOSUPPORT.
 */
const UNSUPPORTED_TRANSPORT = /Protocol not supported|461 Unsupported transport/i;

export function viaHttp(url: string): boolean {
  return /^https?:\/\//.test(url) && !/\.m3u8?(\?|$)/i.test(url);
}

export class StreamSource extends BufferedSource {
  private decoder: Decoder | undefined;
  private req: ClientRequest | undefined;
  private watch: Timer | undefined;
  private retry: Timer | undefined;
  private stopped = false;
  private backoff: number;
  private lastByteAt = 0;
  private connections = 0;
  private bytesIn = 0;
  private link = 'idle';
  /** The upstream ended the response itself (a clean close: play out the buffer). */
  private cleanEnd = false;
  private failedAttempts = 0;
  private lastCause: FailureCause = 'other';
  private startedAt = 0;
  /** RTSP only: the transport the next attempt asks for. */
  private rtsp: RtspTransport = 'tcp';

  constructor(
    key: string,
    readonly url: string,
    private readonly d: StreamDeps,
  ) {
    super(key, 'stream', true, d.clock, d.limits, d.sizes);
    this.backoff = d.minBackoffMs ?? 500;
  }

  async start(): Promise<void> {
    this.startedAt = this.clock.monotonic();
    this.watch = this.clock.setInterval(() => this.checkStall(), 250);
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.cancel();
    this.retry?.cancel();
    this.req?.destroy();
    await this.decoder?.kill();
  }

  override detail(): Record<string, unknown> {
    const d = { url: this.url, link: this.link, connections: this.connections, bytesIn: this.bytesIn };
    return this.isRtsp ? { ...d, rtsp: this.rtsp } : d;
  }

  private get isRtsp(): boolean {
    return /^rtsps?:/.test(this.url);
  }

  override failure(): SourceFailure | undefined {
    return failureOf(this, this.failedAttempts, this.lastCause, this.startedAt, this.connections);
  }

  private connect(): void {
    if (this.stopped) return;
    this.connections++;
    this.link = 'connecting';
    this.lastByteAt = this.clock.monotonic();
    this.health.onReconnect(this.lastByteAt);
    if (viaHttp(this.url)) this.fetch(this.url, 0);
    else this.startDecoder({ kind: 'url', url: this.url, rtspTransport: this.rtsp });
  }

  private fetch(url: string, redirects: number): void {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { headers: { 'User-Agent': 'loa-station', 'Icy-MetaData': '0' } }, (res) =>
      this.response(res, redirects),
    );
    req.on('error', (e: NodeJS.ErrnoException) => this.dropped(`connection: ${e.message}`, e.code));
    this.req = req;
  }

  private response(res: IncomingMessage, redirects: number): void {
    const code = res.statusCode ?? 0;
    if (code >= 300 && code < 400 && res.headers.location && redirects < 3) {
      res.resume();
      this.fetch(new URL(res.headers.location, this.url).toString(), redirects + 1);
      return;
    }
    if (code !== 200) {
      res.resume();
      this.dropped(`HTTP ${code}`);
      return;
    }
    const type =
      String(res.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    const dec = this.startDecoder({ kind: 'pipe', format: FORMATS[type] });
    this.link = 'playing';
    res.on('data', (b: Buffer) => {
      this.lastByteAt = this.clock.monotonic();
      this.bytesIn += b.length;
      this.health.onInput(this.lastByteAt, b.length);
      dec.write(b);
    });
    res.on('end', () => {
      this.cleanEnd = true;
      dec.endInput();
    });
    res.on('error', () => dec.endInput());
    res.on('aborted', () => dec.endInput());
  }

  private startDecoder(input: DecoderInput): Decoder {
    const direct = input.kind === 'url';
    const dec = new Decoder(this.d.children, input, true, {
      pcm: (chunk) => {
        if (dec !== this.decoder) return;
        if (direct) {
          this.lastByteAt = this.clock.monotonic();
          this.health.onInput(this.lastByteAt);
        }
        this.feed(chunk);
        if (this.buffer.bytes >= this.sizes.prerollMs * 192) {
          this.backoff = this.d.minBackoffMs ?? 500;
          this.failedAttempts = 0;
        }
      },
      error: (line) => this.health.onDecodeError(this.clock.monotonic(), line),
      exit: (code, err) => {
        if (dec === this.decoder) this.dropped(`decoder exited ${code}${err ? `: ${err}` : ''}`);
      },
    });
    this.decoder = dec;
    if (direct) this.link = 'playing';
    return dec;
  }

  /** A stall past reconnectMs: no FIN will come, so hang up ourselves and redial. */
  private checkStall(): void {
    if (this.stopped || this.link === 'waiting') return;
    if (this.clock.monotonic() - this.lastByteAt > this.d.reconnectMs) this.dropped('no data (stalled)');
  }

  private dropped(why: string, code?: string): void {
    if (this.stopped || this.link === 'waiting') return;
    this.link = 'waiting';
    this.health.lastError = why;
    if (this.isRtsp && UNSUPPORTED_TRANSPORT.test(why)) this.rtsp = this.rtsp === 'tcp' ? 'udp' : 'tcp';
    // a clean end after real audio: what is buffered plays out while we redial
    const clean = this.cleanEnd && this.health.everHealthy;
    this.cleanEnd = false;
    this.health.onClosed(clean);
    if (!clean) {
      this.failedAttempts++;
      this.lastCause = causeOf(why, code);
    }
    const req = this.req;
    const dec = this.decoder;
    this.req = undefined;
    this.decoder = undefined;
    req?.destroy();
    void dec?.kill();
    this.retry = this.clock.setTimeout(() => this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, this.d.maxBackoffMs ?? 5000);
  }
}
