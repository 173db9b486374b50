/**
 * Makes the real sources: network streams (live) and ffmpeg-decoded files, playlists, tones
 * and silence (on demand), with the buffer sizes and health limits from the audio config.
 */
import type { Clock } from '../core/clock.js';
import type { Children } from './children.js';
import type { SourceFactory } from './engine.js';
import type { HealthLimits } from './health.js';
import type { SourceSpec } from './port.js';
import { type MediaResolver, SequenceSource } from './sequence-source.js';
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
  skipped?: (path: string, why: string) => void;
}

export class FfmpegSourceFactory implements SourceFactory {
  constructor(private readonly d: FactoryDeps) {}

  create(spec: SourceSpec, key: string): BufferedSource {
    const { clock, children, limits } = this.d;
    if (spec.kind === 'stream')
      return new StreamSource(key, spec.url, {
        clock,
        children,
        limits,
        sizes: this.d.live,
        reconnectMs: this.d.reconnectMs,
      });
    return new SequenceSource(key, spec, {
      clock,
      children,
      limits,
      sizes: this.d.onDemand,
      resolve: this.d.resolve,
      ...(this.d.skipped ? { skipped: this.d.skipped } : {}),
    });
  }
}
