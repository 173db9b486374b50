/**
 * One operator's "speak" WebSocket (speak.ts has the protocol): the start message, the audio
 * chunks into `LiveSessions`, the stations' progress back to the page, and every way it ends.
 * Limits, each refused with a message that says what is allowed and nothing more on air:
 * - a message above MAX_CHUNK (a 100 ms chunk at 20 kbit/s is ~300 bytes; 32 KiB is ten
 *   seconds of it), a first chunk that is not WebM (EBML magic 1A 45 DF A3, RFC 8794 §8.1);
 * - audio faster than real time: more than BURST + MAX_BYTES_PER_S × elapsed (64 kbit/s, over
 *   three times what the page asks of the encoder; Opus VBR on speech stays under twice);
 * - a second session of the same user to a station they are already speaking to.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Timer } from '../../core/clock.js';
import { LoaError, toLoaError } from '../../core/errors.js';
import type { Caller } from '../../security/identity.js';
import type { LiveHandle, LiveSessions, LiveStartOptions, LiveTier } from '../live/live-sessions.js';
import type { ConsoleUser } from './auth.js';
import type { ConsoleCtx } from './ctx.js';
import { followStations, type StationProgress } from './speak-progress.js';

export const MAX_CHUNK = 32 * 1024;
const MAX_TEXT = 4096;
const BURST = 32 * 1024;
const MAX_BYTES_PER_S = 8000;
/** The start message and the first audio must come this soon after the handshake. */
const START_WITHIN_MS = 10_000;
/** The console session is looked up again this often (as the live feed does): a logout or a disabled user ends the voice. */
const SESSION_CHECK_MS = 15_000;
/** After the session ends, the stations' own ends are passed on for this long, then the socket closes. */
const LINGER_MS = 5000;
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

export interface ChannelDeps {
  ctx: ConsoleCtx;
  live: LiveSessions;
  caller: Caller;
  user: ConsoleUser;
  /** The upgrade request: its cookie names the console session. */
  req: IncomingMessage;
}

export class SpeakChannel {
  private opts: LiveStartOptions | undefined;
  private handle: LiveHandle | undefined;
  private stopRequested = false;
  private closed = false;
  private unfollow: (() => void) | undefined;
  private timer: Timer | undefined;
  private sessionCheck: Timer | undefined;
  private t0 = 0;
  private bytes = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly d: ChannelDeps,
  ) {}

  open(): void {
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      try {
        if (isBinary) this.onChunk(data);
        else this.onText(data);
      } catch (e) {
        this.fail(e);
      }
    });
    this.ws.on('close', () => this.onClose());
    this.ws.on('error', () => this.ws.terminate());
    this.timer = this.d.ctx.clock.setTimeout(
      () =>
        this.fail(
          new LoaError(
            'INVALID_ARGUMENT',
            'speak: no start message and first audio within 10 s of connecting',
          ),
        ),
      START_WITHIN_MS,
    );
    this.sessionCheck = this.d.ctx.clock.setInterval(() => {
      try {
        this.d.ctx.auth.resolve(this.d.req, false);
      } catch (e) {
        this.fail(e);
      }
    }, SESSION_CHECK_MS);
  }

  private send(m: Record<string, unknown>): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(m));
  }

  private onText(data: Buffer): void {
    if (data.length > MAX_TEXT)
      throw new LoaError('INVALID_ARGUMENT', `speak: a text message is at most ${MAX_TEXT} bytes`);
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new LoaError('INVALID_ARGUMENT', 'speak: a text message must be JSON');
    }
    if (m?.type === 'stop') {
      this.stop();
      return;
    }
    if (m?.type !== 'start')
      throw new LoaError('INVALID_ARGUMENT', `speak: type: start or stop (got "${m?.type}")`);
    if (this.opts) throw new LoaError('INVALID_ARGUMENT', 'speak: start sent twice');
    this.checkCsrf(m.csrf);
    this.opts = startOptions(m);
  }

  private checkCsrf(token: unknown): void {
    const got = Buffer.from(String(token ?? ''));
    const want = Buffer.from(this.d.user.csrf);
    if (got.length !== want.length || !timingSafeEqual(got, want))
      throw new LoaError('PERMISSION_DENIED', 'CSRF token missing or wrong: reload the page / tải lại trang');
  }

  private onChunk(b: Buffer): void {
    if (!this.opts)
      throw new LoaError('INVALID_ARGUMENT', 'speak: the first message must be the start (JSON), not audio');
    if (b.length > MAX_CHUNK)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `speak: an audio message is at most ${MAX_CHUNK} bytes (got ${b.length}); send MediaRecorder chunks of about 100 ms`,
      );
    if (!this.handle) {
      if (b.length < 4 || !b.subarray(0, 4).equals(EBML))
        throw new LoaError(
          'INVALID_ARGUMENT',
          `speak: the first audio message must start a WebM stream (EBML 1a45dfa3; got ${b.subarray(0, 4).toString('hex') || 'nothing'}): MediaRecorder with audio/webm;codecs=opus`,
        );
      this.begin(this.opts);
    }
    this.bytes += b.length;
    const elapsed = (this.d.ctx.clock.monotonic() - this.t0) / 1000;
    if (this.bytes > BURST + MAX_BYTES_PER_S * elapsed)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `speak: audio arrives faster than real time (${this.bytes} bytes in ${elapsed.toFixed(1)} s; at most ${MAX_BYTES_PER_S * 8} bit/s)`,
      );
    this.handle?.push(b);
  }

  /** The first WebM chunk: only now are the stations told (power-up, chime). */
  private begin(o: LiveStartOptions): void {
    const { live, caller, ctx } = this.d;
    const busy = live
      .active()
      .find((a) => a.by === caller.who && a.stations.some((s) => o.stations.includes(s)));
    if (busy)
      throw new LoaError(
        'REFUSED',
        `speak: you are already speaking to ${busy.stations.filter((s) => o.stations.includes(s)).join(', ')} (session ${busy.id}); stop it first`,
      );
    let id: string | undefined;
    this.unfollow = followStations(
      ctx.deps.sessions,
      o.stations,
      () => id,
      (p: StationProgress) => this.send({ type: 'station', ...p }),
    );
    const h = live.start(caller, o, true);
    this.timer?.cancel();
    id = h.id;
    this.handle = h;
    this.t0 = ctx.clock.monotonic();
    const offline = h.stations.filter((s) => !ctx.deps.sessions.get(s)?.ready);
    this.send({ type: 'started', session: h.id, stations: h.stations, offline, tier: o.tier });
    void h.done.then((s) => {
      this.send({
        type: 'ended',
        reason: s.ended,
        bytes: s.bytes,
        durationMs: s.durationMs,
        recording: s.recording,
      });
      this.timer = ctx.clock.setTimeout(() => this.ws.close(1000, s.ended.slice(0, 100)), LINGER_MS);
    });
  }

  private stop(): void {
    this.stopRequested = true;
    if (this.handle) void this.handle.end('ended');
    else this.ws.close(1000, 'stopped before any audio');
  }

  /** A refusal: said to the page, the session (if any) ended, the socket closed. */
  private fail(e: unknown): void {
    const err = toLoaError(e);
    this.d.ctx.log.info('speak refused', { who: this.d.caller.who, error: err.message });
    this.send({ type: 'error', code: err.code, message: err.message });
    if (this.handle) void this.handle.end('refused');
    this.ws.close(1008, err.code);
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.timer?.cancel();
    this.sessionCheck?.cancel();
    this.unfollow?.();
    if (this.handle) void this.handle.end(this.stopRequested ? 'ended' : 'disconnected');
  }
}

/** The start message as LiveSessions takes it (its own checks name the field: tier, zones, stations). */
function startOptions(m: Record<string, unknown>): LiveStartOptions {
  const ids = m.stationIds;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > 1000 ||
    !ids.every((s) => typeof s === 'string')
  )
    throw new LoaError('INVALID_ARGUMENT', 'stationIds: a list of 1 to 1000 station ids');
  const zones = m.zones ?? [];
  if (!Array.isArray(zones) || zones.length > 32)
    throw new LoaError('INVALID_ARGUMENT', 'zones: a list of zone numbers 1 to 32 (empty: all)');
  return {
    stations: ids as string[],
    tier: String(m.tier ?? 'priority') as LiveTier,
    zones: zones as number[],
    format: 'webm',
  };
}
