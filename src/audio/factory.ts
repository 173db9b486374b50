/**
 * Makes the real sources: network streams (live) and ffmpeg-decoded files, playlists, tones
 * and silence (on demand), with the buffer sizes and health limits from the audio config.
 */
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Children } from './children.js';
import type { SourceFactory } from './engine.js';
import type { HealthLimits } from './health.js';
import { HlsSource, isHls } from './hls-source.js';
import type { LiveInputs } from './live-inputs.js';
import { CaptureSource, FeedSource } from './live-source.js';
import type { SourceSpec } from './port.js';
import { type BridgeResolver, type MediaResolver, SequenceSource } from './sequence-source.js';
import type { BufferedSource, BufferSizes } from './source.js';
import { StreamSource } from './stream-source.js';

export interface FactoryDeps {
  clock: Clock;
  children: Children;
  limits: HealthLimits;
  live: BufferSizes;
  onDemand: BufferSizes;
  reconnectMs: number;
  resolve: MediaResolver;
  /** PCM bridges for bridged playlists (the fallback's); off air that long, they re-arm. */
  bridge?: BridgeResolver | undefined;
  rearmMs?: number | undefined;
  skipped?: (path: string, why: string) => void;
  /** The live voice's inputs (microphone, district feed). */
  liveInputs?: LiveInputs | undefined;
}

export class FfmpegSourceFactory implements SourceFactory {
  constructor(private readonly d: FactoryDeps) {}

  create(spec: SourceSpec, key: string): BufferedSource {
    const { clock, children, limits } = this.d;
    // HLS is fetched segment by segment by us (src/audio/hls-source.ts), other URLs as one stream
    const stream = {
      clock,
      children,
      limits,
      sizes: this.d.live,
      reconnectMs: this.d.reconnectMs,
    };
    if (spec.kind === 'live') return this.live(spec.input, key);
    if (spec.kind === 'stream')
      return isHls(spec.url) ? new HlsSource(key, spec.url, stream) : new StreamSource(key, spec.url, stream);
    return new SequenceSource(key, spec, {
      clock,
      children,
      limits,
      sizes: this.d.onDemand,
      resolve: this.d.resolve,
      bridge: this.d.bridge,
      rearmMs: this.d.rearmMs,
      ...(this.d.skipped ? { skipped: this.d.skipped } : {}),
    });
  }

  private live(id: string, key: string): BufferedSource {
    const input = this.d.liveInputs?.get(id);
    if (!input) throw new LoaError('NOT_FOUND', `live input ${id} is not open`);
    const deps = { clock: this.d.clock, children: this.d.children, limits: this.d.limits };
    return input.spec.kind === 'capture'
      ? new CaptureSource(key, input, deps)
      : new FeedSource(key, input, deps);
  }
}
