/**
 * On-demand sources: a file, a playlist, a test tone or silence. One ffmpeg decoder at a
 * time feeds the jitter buffer; the next playlist item starts the moment the previous
 * decoder's output ends, while the buffer still covers the gap. The decoder is paused when
 * the buffer is full (the source is armed but not on air) and resumed as frames are read.
 * Files from the media cache are verified (sha256) before each start; a file that fails
 * verification is never aired: a playlist skips it, a single file fails the request.
 */
import type { Clock } from '../core/clock.js';
import type { Children } from './children.js';
import { Decoder, type DecoderInput } from './decoder.js';
import type { HealthLimits } from './health.js';
import { BYTES_PER_MS } from './pcm.js';
import type { SourceSpec } from './port.js';
import { BufferedSource, type BufferSizes } from './source.js';

/** Resolves a path (or media reference) to a file that may be aired, verifying it; throws if not. */
export type MediaResolver = (path: string) => Promise<string>;

export interface SequenceDeps {
  clock: Clock;
  children: Children;
  limits: HealthLimits;
  sizes: BufferSizes;
  resolve: MediaResolver;
  /** Reports an item skipped because it could not be aired. */
  skipped?: (path: string, why: string) => void;
  random?: () => number;
}

type Item = { input: DecoderInput } | { path: string; offsetMs?: number | undefined };

export class SequenceSource extends BufferedSource {
  private decoder: Decoder | undefined;
  private order: Item[];
  private index = -1;
  private stopped = false;
  private played = 0;
  private failures = 0;
  private item = '';

  constructor(
    key: string,
    private readonly spec: Exclude<SourceSpec, { kind: 'stream' }>,
    private readonly d: SequenceDeps,
  ) {
    super(key, spec.kind, false, d.clock, d.limits, d.sizes);
    this.order = this.items();
  }

  async start(): Promise<void> {
    // a single file must be airable before the request is accepted
    if (this.spec.kind === 'file') {
      const path = await this.d.resolve(this.spec.path);
      this.order = [{ input: { kind: 'file', path, offsetMs: this.spec.offsetMs } }];
    }
    await this.next();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.decoder?.kill();
  }

  override detail(): Record<string, unknown> {
    return { item: this.item, index: this.index, items: this.order.length, played: this.played };
  }

  protected override afterRead(): void {
    if (this.buffer.bytes < (this.sizes.maxMs / 2) * BYTES_PER_MS) this.decoder?.resume();
  }

  private items(): Item[] {
    const s = this.spec;
    if (s.kind === 'tone')
      return [
        {
          input: {
            kind: 'lavfi',
            graph: `sine=frequency=${s.hz}:sample_rate=48000`,
            durationMs: s.durationMs,
          },
        },
      ];
    if (s.kind === 'silence')
      return [{ input: { kind: 'lavfi', graph: 'anullsrc=r=48000:cl=stereo', durationMs: s.durationMs } }];
    if (s.kind === 'file') return [{ path: s.path, offsetMs: s.offsetMs }];
    const paths = s.shuffle ? shuffled(s.paths, this.d.random ?? Math.random) : [...s.paths];
    return paths.map((path) => ({ path }));
  }

  /** Starts the next item, skipping ones that cannot be aired; ends or fails when none is left. */
  private async next(): Promise<void> {
    for (let tries = 0; tries < this.order.length + 1 && !this.stopped; tries++) {
      this.index++;
      if (this.index >= this.order.length) {
        if (this.spec.kind !== 'playlist' || !this.spec.loop || this.played === 0) return this.finished();
        this.index = 0;
        this.played = 0;
        if (this.spec.shuffle) this.order = this.items();
      }
      const item = this.order[this.index] as Item;
      const input = await this.inputFor(item);
      if (!input) continue;
      if (this.stopped) return;
      this.spawn(input);
      return;
    }
    if (!this.stopped) this.finished();
  }

  private async inputFor(item: Item): Promise<DecoderInput | undefined> {
    if ('input' in item) return item.input;
    try {
      return { kind: 'file', path: await this.d.resolve(item.path), offsetMs: item.offsetMs };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.d.skipped?.(item.path, why);
      this.health.lastError = why;
      return undefined;
    }
  }

  private spawn(input: DecoderInput): void {
    this.item = input.kind === 'file' ? input.path : input.kind;
    const dec = new Decoder(this.d.children, input, false, {
      pcm: (chunk) => {
        this.feed(chunk);
        if (this.buffer.bytes >= this.sizes.maxMs * BYTES_PER_MS * 0.9) dec.pause();
      },
      error: (line) => this.health.onDecodeError(this.clock.monotonic(), line),
      exit: (code, err) => void this.exited(dec, code, err),
    });
    this.decoder = dec;
  }

  private async exited(dec: Decoder, code: number | null, err: string | undefined): Promise<void> {
    if (this.stopped || dec !== this.decoder) return;
    if (code === 0) {
      this.played++;
      this.failures = 0;
    } else {
      this.failures++;
      const why = `decoder exited ${code}${err ? `: ${err}` : ''}`;
      this.d.skipped?.(this.item, why);
      this.health.lastError = why;
      if (this.spec.kind !== 'playlist' || this.failures >= this.order.length) {
        this.health.onFailed(why);
        return;
      }
    }
    await this.next();
  }

  private finished(): void {
    if (this.played === 0 && this.spec.kind === 'playlist')
      this.health.onFailed(this.health.lastError ?? 'no playable item');
    else this.health.onEnded();
    // whatever is buffered still plays out: the source reports 'ended' once drained
    this.health.onPrerolled();
  }
}

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
