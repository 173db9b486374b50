/**
 * Is a source fit to be on air? A source is unhealthy when it stalls (no input in time),
 * sends garbage (decode errors, or bytes without PCM), closes or fails, carries silence
 * longer than its limit, ran dry on air (an underrun), or starves: it receives audio slower
 * than real time and its buffer runs low (a weak 4G cell: the rate is measured over a window,
 * so a bursty source whose average keeps up — HLS, one segment at a time — is not slow).
 * A source that recovers after having failed must refill its pre-roll and then stay healthy
 * for the hold-off before the switcher takes it back, so a flapping or starving 4G link
 * cannot make the loudspeakers stutter. A source that closed cleanly plays out what it has
 * buffered first. Pure logic on monotonic milliseconds (the engine's injected Clock).
 */
import { FRAME_MS } from './pcm.js';
import { RateMeter } from './rate.js';

export type HealthReason =
  | 'ok'
  | 'starting'
  | 'stalled'
  | 'garbage'
  | 'silent'
  | 'closed'
  | 'failed'
  | 'ended'
  | 'underrun'
  | 'slow';

export interface HealthLimits {
  /** No input for this long = stalled (default 1500 ms: detected with half the 3 s pre-roll left). */
  stallMs: number;
  /** Silence longer than this = unhealthy (default 10 s, info-beamer's figure). */
  silenceMs: number;
  /** Below this RMS level a frame counts as silence (default −50 dBFS). */
  silenceDb: number;
  /** This many decode errors within one second = garbage. */
  garbageErrors: number;
  /** Garbage clears after this long without a decode error. */
  garbageClearMs: number;
  /** A recovered source must stay healthy this long before it is taken back (default 10 s). */
  holdoffMs: number;
  /**
   * The input rate is measured over this window (default 5 s: a 1 s gap of 4G jitter in it
   * still reads 0.8; half the bit rate is seen 2 s after it starts, with ≥ 4 s buffered).
   */
  rateWindowMs: number;
  /** Receiving less than this fraction of real time is slow (default 0.8). */
  slowRate: number;
  /** A cleanly closed source plays out its buffer down to this (the crossfade plus a margin). */
  tailMs: number;
  /**
   * A pause in the input is a stall only once the buffer is below this (ms). A continuous
   * stream: always (Infinity). A segmented one (HLS): when what is left is about to be needed
   * — bursty delivery is not a failure while the buffer holds audio.
   */
  stallBelowMs?: number;
}

/** A live decoder that complained and produced nothing for this long is fed garbage. */
const GARBAGE_SILENT_DECODER_MS = 400;
/** A slow source is fast again at this rate (hysteresis: 0.8 in, 0.98 out). */
const RECOVER_RATE = 0.98;
/**
 * The rate is judged only while input flows (bytes within this long): a link that stopped
 * altogether is a stall (stallMs), detected and reported as such, not as a slow link.
 */
const FLOWING_MS = 500;

export const DEFAULT_LIMITS: HealthLimits = {
  stallMs: 1500,
  silenceMs: 10_000,
  silenceDb: -50,
  garbageErrors: 2,
  garbageClearMs: 2000,
  holdoffMs: 10_000,
  rateWindowMs: 5000,
  slowRate: 0.8,
  tailMs: 700,
};

export interface HealthState {
  healthy: boolean;
  reason: HealthReason;
}

export class Health {
  private lastInputAt: number;
  private lastPcmAt: number;
  private errors: number[] = [];
  private lastErrorAt = Number.NEGATIVE_INFINITY;
  private silentRunMs = 0;
  private prerolled = false;
  private closed = false;
  /** Closed cleanly with audio buffered: played out, reconnect attempts in between or not. */
  private draining = false;
  private starved = false;
  private slowLatched = false;
  private terminal: 'failed' | 'ended' | undefined;
  private wasHealthy = false;
  private wasGarbage = false;
  private healthy = false;
  private pcmRate: RateMeter;
  private byteRate: RateMeter;
  /** Measured fraction of real time while slow; undefined while the source keeps up. */
  slow: number | undefined;
  /** Monotonic time since when the source has been continuously healthy. */
  healthySince: number | undefined;
  /** Until then a recovered source is not taken back. */
  holdoffUntil = Number.NEGATIVE_INFINITY;
  lastError: string | undefined;

  constructor(
    readonly limits: HealthLimits,
    /** Live sources run in real time: input must keep arriving even when the buffer is full. */
    private readonly live: boolean,
    now: number,
    /** Below this much buffered, a slow source is starving (its pre-roll). */
    private lowWaterMs = 0,
  ) {
    this.lastInputAt = now;
    this.lastPcmAt = now;
    this.pcmRate = new RateMeter(limits.rateWindowMs);
    this.byteRate = new RateMeter(limits.rateWindowMs);
    this.pcmRate.reset(now);
    this.byteRate.reset(now);
  }

  /**
   * New limits once the source knows its transport (an HLS playlist's target duration sets
   * the stall limit and the rate window); the rates are measured afresh.
   */
  retune(limits: Partial<HealthLimits>, lowWaterMs: number, now: number): void {
    Object.assign(this.limits, limits);
    this.lowWaterMs = lowWaterMs;
    this.pcmRate = new RateMeter(this.limits.rateWindowMs);
    this.byteRate = new RateMeter(this.limits.rateWindowMs);
    this.restartRates(now);
  }

  /** Input bytes arrived (network). */
  onInput(now: number, bytes = 0): void {
    // input resumes after a stall: the stall was its own failure, the rate is measured afresh
    if (now - this.lastInputAt > this.limits.stallMs) this.restartRates(now);
    this.lastInputAt = now;
    if (bytes) this.byteRate.add(now, bytes);
  }

  /** Decoded audio arrived: `ms` of it. */
  onPcm(now: number, ms = 0): void {
    this.lastPcmAt = now;
    if (!this.live) this.lastInputAt = now;
    if (ms) this.pcmRate.add(now, ms);
    if (!this.closed) this.draining = false;
  }

  onDecodeError(now: number, line: string): void {
    this.errors.push(now);
    this.lastErrorAt = now;
    this.lastError = line;
    this.errors = this.errors.filter((t) => now - t < 1000);
  }

  onLevel(rmsDbfs: number): void {
    this.silentRunMs = rmsDbfs < this.limits.silenceDb ? this.silentRunMs + FRAME_MS : 0;
  }

  /** The buffer reached its pre-roll: playable. */
  onPrerolled(): void {
    this.prerolled = true;
    this.starved = false;
  }

  /**
   * The input connection ended; the source will reconnect (live) or has nothing more. A clean
   * end (the upstream said goodbye) plays out what is buffered; a broken one fails over at once.
   */
  onClosed(clean = false): void {
    this.closed = true;
    if (clean && this.prerolled) this.draining = true;
  }

  /** A new connection/decoder is starting: what is still buffered plays on while it fills. */
  onReconnect(now: number): void {
    this.closed = false;
    if (!this.draining) this.prerolled = false;
    this.lastInputAt = now;
    this.lastPcmAt = now;
    this.restartRates(now);
  }

  private restartRates(now: number): void {
    this.pcmRate.reset(now);
    this.byteRate.reset(now);
  }

  /** The switcher found no frame while on air: unhealthy until refilled to the pre-roll. */
  onUnderrun(): void {
    if (this.terminal) return;
    this.prerolled = false;
    this.starved = true;
    this.draining = false;
  }

  onEnded(): void {
    this.terminal ??= 'ended';
  }

  onFailed(why: string): void {
    this.terminal = 'failed';
    this.lastError = why;
  }

  get silentMs(): number {
    return this.silentRunMs;
  }

  /** Has it ever been fit for air? (A source that never was raises audio.source-failed.) */
  get everHealthy(): boolean {
    return this.wasHealthy;
  }

  /** Input kbit/s over the rate window (undefined before a whole window). */
  inputKbps(now: number): number | undefined {
    const r = this.byteRate.perMs(now);
    // no bytes counted: the decoder reads the network itself (HLS, RTSP…), the rate is unknown
    return r === undefined || r === 0 ? undefined : Math.round(r * 8);
  }

  evaluate(now: number, bufferedMs: number): HealthState {
    const reason = this.reason(now, bufferedMs);
    const healthy = reason === 'ok';
    if (healthy && !this.healthy) {
      this.healthySince = now;
      if (this.wasHealthy) this.holdoffUntil = now + this.limits.holdoffMs;
      this.wasHealthy = true;
    }
    if (!healthy) this.healthySince = undefined;
    this.healthy = healthy;
    return { healthy, reason };
  }

  private reason(now: number, bufferedMs: number): HealthReason {
    const hasFrame = bufferedMs >= FRAME_MS;
    if (this.terminal === 'failed') return 'failed';
    if (this.terminal === 'ended') return hasFrame ? 'ok' : 'ended';
    if (this.draining && bufferedMs <= this.limits.tailMs) this.draining = false;
    if (this.closed && !this.draining) return 'closed';
    // a stalled, garbled or starving source must refill its whole pre-roll before it counts again
    const bad = this.badReason(now, bufferedMs) ?? this.starving(now, bufferedMs);
    if (bad) {
      this.prerolled = false;
      return bad;
    }
    if (!this.prerolled) return this.starved ? 'underrun' : 'starting';
    if (this.silentRunMs >= this.limits.silenceMs) return 'silent';
    return 'ok';
  }

  private badReason(now: number, bufferedMs: number): HealthReason | undefined {
    const hasFrame = bufferedMs >= FRAME_MS;
    if (this.errors.filter((t) => now - t < 1000).length >= this.limits.garbageErrors) this.wasGarbage = true;
    // closed (playing out, or redialling): no input is expected, so none missing is no fault
    const quiet = this.draining || this.closed;
    // the decoder complains and has stopped producing: what arrives is not audio (measured:
    // ffmpeg's mp3 decoder fed random bytes says "Header missing" within 0.5 s and outputs nothing)
    const recentError = now - this.lastErrorAt < this.limits.garbageClearMs;
    if (this.live && !quiet && recentError && now - this.lastPcmAt > GARBAGE_SILENT_DECODER_MS)
      this.wasGarbage = true;
    // garbage latches until the decoder has been clean for garbageClearMs
    if (this.wasGarbage && now - this.lastErrorAt < this.limits.garbageClearMs) return 'garbage';
    this.wasGarbage = false;
    if (quiet) return undefined;
    const low = bufferedMs < (this.limits.stallBelowMs ?? Number.POSITIVE_INFINITY);
    if (now - this.lastInputAt > this.limits.stallMs && low && (this.live || !hasFrame)) return 'stalled';
    // bytes kept arriving but nothing decodes: garbage the decoder does not even complain about
    const since = Math.min(now, this.lastInputAt + FLOWING_MS);
    if (this.live && since - this.lastPcmAt > this.limits.stallMs) return 'garbage';
    return undefined;
  }

  /**
   * Slow: less audio than real time over the rate window. Unhealthy once the buffer is below
   * its low-water mark (still enough to crossfade from), and until the rate is back to ≈ 1.
   */
  private starving(now: number, bufferedMs: number): HealthReason | undefined {
    if (!this.live || this.draining) return undefined;
    const flowing = now - this.lastInputAt < FLOWING_MS && now - this.lastPcmAt < FLOWING_MS;
    const r = flowing ? this.pcmRate.perMs(now) : undefined;
    if (r !== undefined) {
      if (r < this.limits.slowRate || (this.slow !== undefined && r < RECOVER_RATE)) this.slow = r;
      else this.slow = undefined;
    }
    if (this.slow === undefined) this.slowLatched = false;
    else if (bufferedMs < this.lowWaterMs) this.slowLatched = true;
    return this.slowLatched ? 'slow' : undefined;
  }
}
