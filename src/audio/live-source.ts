/**
 * Sources for live voice (src/audio/live-inputs.ts). Both are live (read every frame, at the
 * live edge) and end their request when the input is over, so the emergency runner releases
 * the power chain and the programme is heard again — never a stuck transmitter:
 * - CaptureSource: an ALSA capture device through ffmpeg; the noise gate ends it after the
 *   quiet timeout; a device that stops delivering (unplugged) fails it.
 * - FeedSource: encoded bytes pushed by the live module (the district's feed) into an ffmpeg
 *   decoder's stdin; the end of the feed plays out, a feed with no byte for `dropMs` is
 *   dropped: what is buffered plays out (≤ the jitter buffer) and the request ends.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Children } from './children.js';
import { Decoder, type DecoderInput } from './decoder.js';
import type { HealthLimits } from './health.js';
import type { GateSettings, LiveInput } from './live-inputs.js';
import { NoiseGate } from './noise-gate.js';
import { BYTES_PER_MS, FRAME_BYTES, FRAME_MS } from './pcm.js';
import { BufferedSource } from './source.js';

export interface LiveSourceDeps {
  clock: Clock;
  children: Children;
  limits: HealthLimits;
}

/** A microphone delivers PCM steadily; nothing for this long is a device that failed. */
const CAPTURE_STALL_MS = 1500;
/** A capture device's buffer: it is local, so a short pre-roll (what ffmpeg's ALSA read adds). */
const CAPTURE_SIZES = { prerollMs: 300, maxMs: 800 };
/**
 * A feed's buffer above its pre-roll by more than this is cut back to the pre-roll: the backlog
 * that arrived during the power-up and the chime (decoded in a burst when the voice starts)
 * would otherwise stay as latency for the whole session (measured: +1 s); a burst after a 4G
 * pause is covered by the slack.
 */
const FEED_SLACK_MS = 300;

abstract class LiveSource extends BufferedSource {
  protected decoder: Decoder | undefined;
  protected stopped = false;
  protected watch: Timer | undefined;

  constructor(
    key: string,
    protected readonly input: LiveInput,
    protected readonly d: LiveSourceDeps,
    limits: Partial<HealthLimits>,
    sizes: { prerollMs: number; maxMs: number },
  ) {
    // a live voice never waits out a hold-off: it is on air or it is over
    super(key, 'live', true, d.clock, { ...d.limits, holdoffMs: 0, ...limits }, sizes);
    input.levels = () => this.meter.levels();
  }

  override detail(): Record<string, unknown> {
    return { input: this.input.id, via: this.input.spec.kind, bytesIn: this.input.bytesIn };
  }

  protected startDecoder(input: DecoderInput, onExit: (code: number | null, err?: string) => void): Decoder {
    const dec = new Decoder(this.d.children, input, true, {
      pcm: (chunk) => {
        // once the input is over (gate, stopped, stalled) what is buffered plays out and nothing
        // more is taken: a capture device keeps delivering in real time, so the buffer would
        // otherwise never run dry and the session (chain, transmitter) never end
        if (dec !== this.decoder || this.input.cause) return;
        this.health.onInput(this.clock.monotonic());
        this.feed(chunk);
        this.trim();
      },
      error: (line) => this.health.onDecodeError(this.clock.monotonic(), line),
      exit: (code, err) => {
        if (dec === this.decoder && !this.stopped) onExit(code, err);
      },
    });
    this.decoder = dec;
    return dec;
  }

  /** Keeps the buffer near the live edge (feeds: see FEED_SLACK_MS). */
  protected trim(): void {}

  /** Over: what is buffered plays out, then the request ends. */
  protected finish(cause: 'gate' | 'ended' | 'stalled' | 'failed', detail?: string): void {
    this.input.close(cause, detail);
    if (cause === 'failed') this.health.onFailed(detail ?? 'live input failed');
    else this.health.onEnded();
    this.watch?.cancel();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.cancel();
    this.input.detach();
    await this.decoder?.kill();
  }
}

export class CaptureSource extends LiveSource {
  private gate: NoiseGate | undefined;

  constructor(key: string, input: LiveInput, d: LiveSourceDeps) {
    // a sound card's clock is not ours: a few % off is drift, not a starving link (slowRate 0)
    super(key, input, d, { stallMs: CAPTURE_STALL_MS, slowRate: 0, silenceMs: 600_000 }, CAPTURE_SIZES);
  }

  async start(): Promise<void> {
    const spec = this.input.spec;
    if (spec.kind !== 'capture') throw new Error('CaptureSource: not a capture input');
    this.startDecoder({ kind: 'alsa', device: spec.device }, (code, err) =>
      this.finish('failed', `capture device ${spec.device}: ffmpeg exited ${code}${err ? `: ${err}` : ''}`),
    );
    this.watch = this.clock.setInterval(() => this.check(), 250);
  }

  /** A device that stopped delivering: failed. */
  private check(): void {
    const st = this.current;
    if (st.reason === 'stalled' || st.reason === 'garbage')
      this.finish('failed', `capture device ${this.deviceName()}: ${st.reason}`);
  }

  protected override afterRead(): void {
    if (this.input.cause || this.meter.frames === 0) return;
    const now = this.clock.monotonic();
    // quiet is timed from the first audio played, not from start(): spawning ffmpeg, opening
    // the device and the 300 ms pre-roll are not a quiet room (measured: 0.7 s to the first
    // voice on a lightly loaded 2-core machine; with ffmpeg 1.2 s slower to start, as under
    // load, over 1.5 s, and a 1.5 s gate closed the session before anyone was heard)
    this.gate ??= new NoiseGate(this.gateSettings(), now);
    const g = this.gate;
    // the RMS over 300 ms, not one frame: a plosive's dip or a breath is not quiet
    if (g.observe(this.meter.levels().rmsDbfs, now))
      this.finish('gate', `quiet below ${this.gateDb()} dBFS for ${Math.round(g.quietMs(now) / 1000)} s`);
  }

  override detail(): Record<string, unknown> {
    const now = this.clock.monotonic();
    return { ...super.detail(), device: this.deviceName(), quietMs: this.gate?.quietMs(now) ?? 0 };
  }

  private deviceName(): string {
    return this.input.spec.kind === 'capture' ? this.input.spec.device : '';
  }

  private gateSettings(): GateSettings {
    return this.input.spec.kind === 'capture' ? this.input.spec.gate : { thresholdDb: 0, timeoutMs: 0 };
  }

  private gateDb(): number {
    return this.gateSettings().thresholdDb;
  }
}

export class FeedSource extends LiveSource {
  private lastByteAt = 0;

  constructor(key: string, input: LiveInput, d: LiveSourceDeps) {
    const spec = input.spec;
    const preroll = spec.kind === 'feed' ? spec.prerollMs : 600;
    const drop = spec.kind === 'feed' ? spec.dropMs : 1000;
    // a pause shorter than dropMs with audio still buffered is 4G jitter, not a stall
    super(
      key,
      input,
      d,
      { stallMs: drop, silenceMs: 600_000 },
      {
        prerollMs: preroll,
        maxMs: preroll + FEED_SLACK_MS,
      },
    );
  }

  protected override trim(): void {
    const { prerollMs, maxMs } = this.sizes;
    if (this.buffer.bytes > maxMs * BYTES_PER_MS)
      this.buffer.discard(
        Math.floor((this.buffer.bytes - prerollMs * BYTES_PER_MS) / FRAME_BYTES) * FRAME_BYTES,
      );
  }

  async start(): Promise<void> {
    const spec = this.input.spec;
    if (spec.kind !== 'feed') throw new Error('FeedSource: not a feed input');
    this.lastByteAt = this.clock.monotonic();
    const dec = this.startDecoder({ kind: 'pipe', format: spec.format, lowLatency: true }, (code, err) => {
      // the decoder finished after the end of the feed: what it made plays out
      if (this.input.ended) this.finish('ended');
      else this.finish('failed', `live feed decoder exited ${code}${err ? `: ${err}` : ''}`);
    });
    this.input.attach({
      onData: (b) => {
        this.lastByteAt = this.clock.monotonic();
        dec.write(b);
      },
      onEnd: () => dec.endInput(),
    });
    this.watch = this.clock.setInterval(() => this.check(spec.dropMs), FRAME_MS * 5);
  }

  private check(dropMs: number): void {
    if (this.input.ended || this.input.cause) return;
    const quiet = this.clock.monotonic() - this.lastByteAt;
    if (quiet >= dropMs) this.finish('stalled', `no audio from the district for ${Math.round(quiet)} ms`);
  }
}
