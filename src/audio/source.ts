/**
 * A source as the switcher sees it: a jitter buffer of PCM frames, its health and its level
 * meter. Producers (ffmpeg decoders, or a test's scripted feed) push PCM in with `feed`;
 * the switcher reads whole frames out.
 *
 * Live sources (network streams) run in real time: they are read every frame even while
 * another source is on air, so their buffer stays at the live edge and their health and
 * level stay known. On-demand sources (files, playlists, tones) are read only when on air;
 * while another source plays they sit paused with a full buffer ("armed").
 */
import type { Clock } from '../core/clock.js';
import { Health, type HealthLimits, type HealthState } from './health.js';
import { JitterBuffer } from './jitter.js';
import { LevelMeter, type Levels } from './levels.js';
import { BYTES_PER_MS, bytesToMs, FRAME_BYTES, measure, msToDb } from './pcm.js';
import type { SourceSpec } from './port.js';

/** A pipe read by Node delivers at most 64 KiB at a time. */
const IN_FLIGHT_BYTES = 65_536;

export interface BufferSizes {
  /** Audio buffered before the source counts as playable. */
  prerollMs: number;
  /** Past this, live sources drop their oldest audio and on-demand decoders are paused. */
  maxMs: number;
}

export interface SourceStatus {
  key: string;
  kind: SourceSpec['kind'];
  live: boolean;
  healthy: boolean;
  reason: string;
  bufferMs: number;
  levels: Levels;
  droppedMs: number;
  lastError?: string | undefined;
  /** Receiving slower than real time: the measured fraction and input rate. */
  slow?: { rate: number; kbps: number | null } | undefined;
  /** Never fit for air and giving up hope: why (audio.source-failed). */
  failure?: SourceFailure | undefined;
  detail: Record<string, unknown>;
}

/** Why a source never became healthy (the alarm's cause). */
export type FailureCause = 'refused' | 'dns' | 'http-status' | 'not-http' | 'not-audio' | 'timeout' | 'other';

export interface SourceFailure {
  cause: FailureCause;
  attempts: number;
  error: string;
}

export abstract class BufferedSource {
  readonly buffer: JitterBuffer;
  readonly health: Health;
  readonly meter = new LevelMeter();
  private lastState: HealthState = { healthy: false, reason: 'starting' };

  constructor(
    readonly key: string,
    readonly kind: SourceSpec['kind'],
    readonly live: boolean,
    protected readonly clock: Clock,
    limits: HealthLimits,
    protected readonly sizes: BufferSizes,
  ) {
    // on-demand sources pause their decoder at 90 % instead of dropping audio: leave room for
    // the pipe chunk already in flight (up to 64 KiB from ffmpeg) past the full mark
    const slack = live ? 0 : IN_FLIGHT_BYTES;
    this.buffer = new JitterBuffer(Math.round(sizes.maxMs * BYTES_PER_MS) + slack);
    // each source its own copy of the limits: a transport may retune them (HLS)
    this.health = new Health({ ...limits }, live, clock.monotonic(), live ? sizes.prerollMs : 0);
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  /** Source-specific facts for the status (url, item, restarts …). */
  detail(): Record<string, unknown> {
    return {};
  }

  /** The engine's monotonic time (ms). */
  get nowMs(): number {
    return this.clock.monotonic();
  }

  /** Why this source has never become healthy, once it is clear it will not soon. */
  failure(): SourceFailure | undefined {
    return undefined;
  }

  /** Called after every read; decoders resume a paused child here. */
  protected afterRead(): void {}

  /** Decoded PCM arrives. */
  protected feed(chunk: Buffer): void {
    this.buffer.push(chunk);
    this.health.onPcm(this.clock.monotonic(), chunk.length / BYTES_PER_MS);
    if (this.buffer.bytes >= this.sizes.prerollMs * BYTES_PER_MS) this.health.onPrerolled();
  }

  /** The health as last evaluated (once per output frame). */
  get current(): HealthState {
    return this.lastState;
  }

  get hasFrame(): boolean {
    return this.buffer.bytes >= FRAME_BYTES;
  }

  state(now: number): HealthState {
    this.lastState = this.health.evaluate(now, bytesToMs(this.buffer.bytes));
    return this.lastState;
  }

  read(): Buffer | undefined {
    const f = this.buffer.read();
    if (f) {
      const l = measure(f);
      this.meter.update(l);
      this.health.onLevel(msToDb(l.meanSquare));
    }
    this.afterRead();
    return f;
  }

  /** Finished for good and drained, or failed: the request can end. */
  get done(): 'ended' | 'failed' | undefined {
    const r = this.lastState.reason;
    return r === 'ended' || r === 'failed' ? r : undefined;
  }

  status(): SourceStatus {
    const now = this.clock.monotonic();
    const slow = this.health.slow;
    return {
      key: this.key,
      kind: this.kind,
      live: this.live,
      healthy: this.lastState.healthy,
      reason: this.lastState.reason,
      bufferMs: Math.round(bytesToMs(this.buffer.bytes)),
      levels: this.meter.levels(),
      droppedMs: Math.round(bytesToMs(this.buffer.dropped)),
      lastError: this.health.lastError,
      slow:
        slow === undefined
          ? undefined
          : { rate: Math.round(slow * 100) / 100, kbps: this.health.inputKbps(now) ?? null },
      failure: this.failure(),
      detail: this.detail(),
    };
  }
}
