/**
 * Is a source fit to be on air? A source is unhealthy when it stalls (no input in time),
 * sends garbage (decode errors, or bytes without PCM), closes or fails, or carries silence
 * longer than its limit. A source that recovers after having failed must stay healthy for
 * the hold-off before the switcher takes it back, so a flapping 4G link cannot make the
 * loudspeakers stutter. Pure logic on monotonic milliseconds (the engine's injected Clock).
 */
import { FRAME_MS } from './pcm.js';

export type HealthReason =
  | 'ok'
  | 'starting'
  | 'stalled'
  | 'garbage'
  | 'silent'
  | 'closed'
  | 'failed'
  | 'ended';

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
}

/** A live decoder that complained and produced nothing for this long is fed garbage. */
const GARBAGE_SILENT_DECODER_MS = 400;

export const DEFAULT_LIMITS: HealthLimits = {
  stallMs: 1500,
  silenceMs: 10_000,
  silenceDb: -50,
  garbageErrors: 2,
  garbageClearMs: 2000,
  holdoffMs: 10_000,
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
  private terminal: 'failed' | 'ended' | undefined;
  private wasHealthy = false;
  private wasGarbage = false;
  private healthy = false;
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
  ) {
    this.lastInputAt = now;
    this.lastPcmAt = now;
  }

  onInput(now: number): void {
    this.lastInputAt = now;
  }

  onPcm(now: number): void {
    this.lastPcmAt = now;
    if (!this.live) this.lastInputAt = now;
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
  }

  /** The input connection ended; the source will reconnect (live) or has nothing more. */
  onClosed(): void {
    this.closed = true;
  }

  /** A new connection/decoder is starting: needs its pre-roll again. */
  onReconnect(now: number): void {
    this.closed = false;
    this.prerolled = false;
    this.lastInputAt = now;
    this.lastPcmAt = now;
  }

  /** The switcher found no frame while on air: refill to the pre-roll before playing again. */
  onUnderrun(): void {
    if (!this.terminal) this.prerolled = false;
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

  evaluate(now: number, hasFrame: boolean): HealthState {
    const reason = this.reason(now, hasFrame);
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

  private reason(now: number, hasFrame: boolean): HealthReason {
    if (this.terminal === 'failed') return 'failed';
    if (this.terminal === 'ended') return hasFrame ? 'ok' : 'ended';
    if (this.closed) return 'closed';
    // a stalled or garbled source must refill its whole pre-roll before it counts again
    const bad = this.badReason(now, hasFrame);
    if (bad) {
      this.prerolled = false;
      return bad;
    }
    if (!this.prerolled) return 'starting';
    if (this.silentRunMs >= this.limits.silenceMs) return 'silent';
    return 'ok';
  }

  private badReason(now: number, hasFrame: boolean): HealthReason | undefined {
    if (this.errors.filter((t) => now - t < 1000).length >= this.limits.garbageErrors) this.wasGarbage = true;
    // the decoder complains and has stopped producing: what arrives is not audio (measured:
    // ffmpeg's mp3 decoder fed random bytes says "Header missing" within 0.5 s and outputs nothing)
    const recentError = now - this.lastErrorAt < this.limits.garbageClearMs;
    if (this.live && recentError && now - this.lastPcmAt > GARBAGE_SILENT_DECODER_MS) this.wasGarbage = true;
    // garbage latches until the decoder has been clean for garbageClearMs
    if (this.wasGarbage && now - this.lastErrorAt < this.limits.garbageClearMs) return 'garbage';
    this.wasGarbage = false;
    if (now - this.lastInputAt > this.limits.stallMs && (this.live || !hasFrame)) return 'stalled';
    // bytes arrive but nothing decodes: garbage the decoder does not even complain about
    if (this.live && now - this.lastPcmAt > this.limits.stallMs) return 'garbage';
    return undefined;
  }
}
