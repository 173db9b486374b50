/**
 * On-demand sources: a file, a playlist, a test tone or silence. One ffmpeg decoder at a
 * time feeds the jitter buffer; the next playlist item starts the moment the previous
 * decoder's output ends, while the buffer still covers the gap. The decoder is paused when
 * the buffer is full (the source is armed but not on air) and resumed as frames are read.
 * Files from the media cache are verified (sha256) before each start; a file that fails
 * verification is never aired: a playlist skips it, a single file fails the request.
 *
 * A bridged playlist (the fallback's, spec.bridge) arms its items without any ffmpeg child:
 * an item whose PCM bridge exists holds the first seconds of it and starts its decoder only
 * when it goes on air (bridge-play.ts). Off air for rearmMs with a decoder running, it
 * re-arms: the decoder is closed and the current item starts again from its bridge.
 */
import type { Clock } from '../core/clock.js';
import type { BridgeInfo } from '../media/bridges.js';
import { BridgePlay } from './bridge-play.js';
import type { Children } from './children.js';
import { Decoder, type DecoderInput } from './decoder.js';
import type { HealthLimits, HealthState } from './health.js';
import { BYTES_PER_MS } from './pcm.js';
import type { SourceSpec } from './port.js';
import { type Item, itemsOf } from './sequence-items.js';
import { BufferedSource, type BufferSizes } from './source.js';

/** Resolves a path (or media reference) to a file that may be aired, verifying it; throws if not. */
export type MediaResolver = (path: string) => Promise<string>;
/** The PCM bridge of a media reference with the file verified; undefined when it has none. */
export type BridgeResolver = (path: string) => Promise<BridgeInfo | undefined>;
/** Makes the decoder of an item (a real ffmpeg child; tests give a scripted one). */
export type DecoderFactory = (
  input: DecoderInput,
  ev: ConstructorParameters<typeof Decoder>[3],
) => DecoderLike;
export type DecoderLike = Pick<Decoder, 'pause' | 'resume' | 'kill' | 'running'>;

export interface SequenceDeps {
  clock: Clock;
  children: Children;
  limits: HealthLimits;
  sizes: BufferSizes;
  resolve: MediaResolver;
  /** Bridges for bridged playlists (spec.bridge); without it they play as plain playlists. */
  bridge?: BridgeResolver | undefined;
  /** Off air this long with a decoder running, a bridged playlist re-arms (default 2000 ms). */
  rearmMs?: number | undefined;
  decoder?: DecoderFactory | undefined;
  /** Reports an item skipped because it could not be aired. */
  skipped?: (path: string, why: string) => void;
  random?: () => number;
}

/** A fallback that could not re-arm (no bridge yet) tries again after this long. */
const REARM_RETRY_MS = 30_000;

export class SequenceSource extends BufferedSource {
  private decoder: DecoderLike | undefined;
  private order: Item[];
  private index = -1;
  private stopped = false;
  private played = 0;
  private failures = 0;
  private item = '';
  private bridged: BridgePlay | undefined;
  /** The current item's media reference (bridged playlists): what a re-arm starts again. */
  private currentRef: string | undefined;
  private rearmAfter = Number.NEGATIVE_INFINITY;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private rearming = false;
  private rearms = 0;
  private afterBridge: (() => void) | undefined;

  constructor(
    key: string,
    private readonly spec: Exclude<SourceSpec, { kind: 'stream' } | { kind: 'live' }>,
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
    await this.bridged?.close();
    await this.decoder?.kill();
  }

  override detail(): Record<string, unknown> {
    return {
      item: this.item,
      index: this.index,
      items: this.order.length,
      played: this.played,
      decoder: !!this.decoder?.running,
      bridge: this.bridged?.phase ?? null,
      rearms: this.rearms,
    };
  }

  override state(now: number): HealthState {
    const s = super.state(now);
    const idle = now - this.lastReadAt > (this.d.rearmMs ?? 2000);
    const ref = this.currentRef;
    if (idle && ref && this.decoder && !this.rearming && !this.stopped && now >= this.rearmAfter)
      void this.rearm(ref, now);
    return s;
  }

  protected override afterRead(): void {
    this.lastReadAt = this.clock.monotonic();
    const b = this.bridged;
    if (b?.phase === 'armed') this.takeover(b);
    else if (b?.phase === 'bridging') void b.pump();
    if (this.buffer.bytes < (this.sizes.maxMs / 2) * BYTES_PER_MS) this.decoder?.resume();
  }

  private get pauseMark(): number {
    return this.sizes.maxMs * BYTES_PER_MS * 0.9;
  }

  private items(): Item[] {
    return itemsOf(this.spec, this.d.random ?? Math.random);
  }

  /** Starts the next item, skipping ones that cannot be aired; ends or fails when none is left. */
  private async next(): Promise<void> {
    this.currentRef = undefined;
    for (let tries = 0; tries < this.order.length + 1 && !this.stopped; tries++) {
      this.index++;
      if (this.index >= this.order.length) {
        if (this.spec.kind !== 'playlist' || !this.spec.loop || this.played === 0) return this.finished();
        this.index = 0;
        this.played = 0;
        if (this.spec.shuffle) this.order = this.items();
      }
      const item = this.order[this.index] as Item;
      if ('path' in item && this.spec.kind === 'playlist' && this.spec.bridge) this.currentRef = item.path;
      const armed = 'path' in item ? await this.tryArm(item.path, false) : 'no-bridge';
      if (armed === 'armed') return;
      if (armed === 'skip') continue;
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
      this.skip(item.path, e);
      return undefined;
    }
  }

  private skip(path: string, e: unknown): void {
    const why = e instanceof Error ? e.message : String(e);
    this.d.skipped?.(path, why);
    this.health.lastError = why;
  }

  /**
   * Arms `ref` from its bridge (verifying the file and the bridge). With `again`, the running
   * decoder is closed and the buffer refilled from the item's start, unless the source went
   * back on air meanwhile. 'skip': the file failed verification (reported).
   */
  private async tryArm(ref: string, again: boolean): Promise<'armed' | 'no-bridge' | 'skip' | 'busy'> {
    if (this.spec.kind !== 'playlist' || !this.spec.bridge || !this.d.bridge) return 'no-bridge';
    const readAt = this.lastReadAt;
    let info: BridgeInfo | undefined;
    try {
      info = await this.d.bridge(ref);
    } catch (e) {
      this.skip(ref, e);
      return again ? 'no-bridge' : 'skip';
    }
    if (!info || this.stopped) return 'no-bridge';
    const want = this.pauseMark - (again ? 0 : this.buffer.bytes);
    const host = {
      room: () => this.pauseMark - this.buffer.bytes,
      feed: (c: Buffer) => this.feed(c),
      bridgeEnded: (why: string | undefined) => this.bridgeEnded(why),
    };
    const armed = await BridgePlay.arm(info, host, Math.max(0, want));
    if (!armed) return 'no-bridge';
    if (this.stopped || (again && this.lastReadAt !== readAt)) {
      await armed.play.close();
      return 'busy';
    }
    if (again) {
      const dec = this.decoder;
      this.decoder = undefined;
      this.afterBridge = undefined;
      // a paused ffmpeg blocks in write(): let it drain so it sees SIGTERM (else SIGKILL in 2 s)
      dec?.resume();
      void dec?.kill();
      void this.bridged?.close();
      this.buffer.reset();
    }
    this.bridged = armed.play;
    this.item = info.media;
    armed.play.commit(armed.preload);
    return 'armed';
  }

  private async rearm(ref: string, now: number): Promise<void> {
    this.rearming = true;
    try {
      const r = await this.tryArm(ref, true);
      if (r === 'armed') this.rearms++;
      // no bridge (yet: one may be in the making) or the file failed: the decoder stays
      else if (r !== 'busy') this.rearmAfter = now + REARM_RETRY_MS;
    } finally {
      this.rearming = false;
    }
  }

  private takeover(b: BridgePlay): void {
    b.takeover();
    this.spawn({ kind: 'file', path: b.info.media }, b);
  }

  private bridgeEnded(why: string | undefined): void {
    if (why) this.health.lastError = why;
    const then = this.afterBridge;
    this.afterBridge = undefined;
    then?.();
  }

  private spawn(input: DecoderInput, bridge?: BridgePlay): void {
    if (!bridge) {
      this.bridged = undefined;
      this.item = input.kind === 'file' ? input.path : input.kind;
    }
    const make = this.d.decoder ?? ((i, ev) => new Decoder(this.d.children, i, false, ev));
    const dec: DecoderLike = make(input, {
      pcm: (chunk) => {
        if (dec !== this.decoder) return;
        const part = bridge ? bridge.fromDecoder(chunk) : chunk;
        if (!part) return;
        this.feed(part);
        if (this.buffer.bytes >= this.pauseMark) dec.pause();
      },
      error: (line) => this.health.onDecodeError(this.clock.monotonic(), line),
      exit: (code, err) => {
        if (dec !== this.decoder) return;
        // the file ended (or failed) before the bridge did: the bridge plays out first
        if (bridge?.feeding) this.afterBridge = () => void this.exited(dec, code, err);
        else void this.exited(dec, code, err);
      },
    });
    this.decoder = dec;
  }

  private async exited(dec: DecoderLike, code: number | null, err: string | undefined): Promise<void> {
    if (this.stopped || dec !== this.decoder) return;
    this.decoder = undefined;
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
