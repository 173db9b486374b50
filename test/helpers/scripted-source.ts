/**
 * A source driven by the test instead of ffmpeg (a fake driver, not a mock): the test feeds
 * it tone frames in real time on the ManualClock, stops feeding (a stall), sends decode
 * errors (garbage), silence, or closes it. The engine's logic is exercised unchanged.
 */

import type { SourceFactory } from '../../src/audio/engine.js';
import { DEFAULT_LIMITS, type HealthLimits } from '../../src/audio/health.js';
import { FRAME_MS, FRAME_SAMPLES } from '../../src/audio/pcm.js';
import type { SourceSpec } from '../../src/audio/port.js';
import { BufferedSource, type BufferSizes } from '../../src/audio/source.js';
import type { Clock, Timer } from '../../src/core/clock.js';
import { sinePcm } from './tones.js';

export type Feed = 'tone' | 'silence' | 'none';

export class ScriptedSource extends BufferedSource {
  feed_: Feed;
  hz: number;
  private timer: Timer | undefined;
  private sample = 0;
  started = false;
  stopped = false;
  /** Fraction of real time fed (a slow link below 1). */
  rate = 1;
  private owed = 0;

  constructor(
    key: string,
    spec: SourceSpec,
    live: boolean,
    clock: Clock,
    limits: HealthLimits,
    sizes: BufferSizes,
    private readonly burstMs: number,
  ) {
    super(key, spec.kind, live, clock, limits, sizes);
    this.hz = spec.kind === 'tone' ? spec.hz : 1000;
    this.feed_ = spec.kind === 'silence' ? 'silence' : 'tone';
  }

  async start(): Promise<void> {
    this.started = true;
    // a burst on connect (Icecast sends one), then real time; on-demand sources fill at once
    this.push(this.burstMs);
    this.timer = this.clock.setInterval(() => {
      // on-demand decoders are held back by a full buffer (back-pressure), as ffmpeg is
      const full = !this.live && this.buffer.bytes >= (this.sizes.maxMs - 2 * FRAME_MS) * 192;
      if (this.feed_ === 'none' || full) return;
      // a slow link delivers whole 20 ms frames, fewer of them
      this.owed += this.rate;
      for (; this.owed >= 1; this.owed--) this.push(FRAME_MS);
    }, FRAME_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
  }

  push(ms: number): void {
    const amp = this.feed_ === 'silence' ? 0 : 0.25;
    const pcm = sinePcm(this.hz, ms, amp, this.sample);
    this.sample += (ms / FRAME_MS) * FRAME_SAMPLES;
    this.health.onInput(this.clock.monotonic());
    this.feed(pcm);
  }

  garbage(n = 3): void {
    for (let i = 0; i < n; i++) this.health.onDecodeError(this.clock.monotonic(), 'Header missing');
  }

  /** The connection closes; a live source reconnects when told (`reconnect`). */
  close(): void {
    this.feed_ = 'none';
    this.health.onClosed();
  }

  /** The upstream ends the connection cleanly (what is buffered should play out). */
  closeCleanly(): void {
    this.feed_ = 'none';
    this.health.onClosed(true);
  }

  reconnect(): void {
    this.health.onReconnect(this.clock.monotonic());
    this.feed_ = 'tone';
    this.push(this.burstMs);
  }

  endInput(): void {
    this.feed_ = 'none';
    this.health.onEnded();
  }
}

export class ScriptedFactory implements SourceFactory {
  readonly made: ScriptedSource[] = [];
  constructor(
    private readonly clock: Clock,
    private readonly limits: HealthLimits = DEFAULT_LIMITS,
    private readonly sizes: BufferSizes = { prerollMs: 1000, maxMs: 3000 },
  ) {}

  create(spec: SourceSpec, key: string): ScriptedSource {
    // a "stream" is live; tones, files and playlists are on demand with a large buffer
    const live = spec.kind === 'stream';
    const s = new ScriptedSource(
      key,
      spec,
      live,
      this.clock,
      this.limits,
      live ? this.sizes : { prerollMs: 200, maxMs: 2000 },
      2000,
    );
    this.made.push(s);
    return s;
  }

  get(key: string): ScriptedSource {
    const s = this.made.find((m) => m.key === key);
    if (!s) throw new Error(`no source ${key}; have ${this.made.map((m) => m.key).join(', ')}`);
    return s;
  }
}
