/**
 * The switcher: for every 20 ms output frame, the highest-priority healthy source with a
 * frame ready goes on air (DESIGN.md decisions 4 and 5).
 *
 * - Failover is decided per frame, so a source that runs dry is replaced in the same frame
 *   by the next one (which is armed and buffered): no dead air. While the failing source
 *   still has buffered audio (a stall or garbage detected early), the change is a crossfade.
 * - Going back up to a source that failed and recovered waits for its hold-off, then
 *   crossfades (equal power), so a flapping link does not stutter. An underrun on air counts
 *   as a failure (refill, hold-off); a crossfade that must be abandoned fades back out.
 * - Live sources that are not on air are read and discarded in real time.
 */

import type { GainRamp } from './gain.js';
import type { HealthState } from './health.js';
import { crossfade, FRAME_MS, silentFrame } from './pcm.js';
import type { Slot } from './port.js';
import type { BufferedSource } from './source.js';

export interface Candidate {
  source: BufferedSource;
  slot: Slot;
  id: string;
  role: 'source' | 'fallback';
  /** The request's volume, ramped. */
  gain: GainRamp;
  /** Not on air before this monotonic instant (PlayRequest.startAt). */
  notBefore?: number;
  /** When it was first ready while held (monotonic), for the start-delay estimate. */
  readyAt?: number;
}

export type SwitchReason = 'start' | 'failover' | 'priority' | 'recovered' | 'ended' | 'silence';

export interface SwitchEvent {
  from: Candidate | undefined;
  to: Candidate | undefined;
  reason: SwitchReason;
  /** Why the outgoing source was dropped (health reason), for failovers. */
  cause?: string | undefined;
  crossfade: boolean;
}

interface Fade {
  from: Candidate;
  to: Candidate;
  done: number;
  frames: number;
}

export interface SwitcherOptions {
  crossfadeMs: number;
}

export class Switcher {
  current: Candidate | undefined;
  private fade: Fade | undefined;
  private readonly states = new Map<Candidate, HealthState>();
  /** The frame being made (monotonic ms): a held candidate is not ready before its instant. */
  private now = 0;
  /** Fade the next frame in (after a hard cut), so a cut mid-waveform does not click. */
  private fadeInNext = false;

  constructor(private readonly o: SwitcherOptions) {}

  get fading(): boolean {
    return this.fade !== undefined;
  }

  /** One output frame from the candidates (highest priority first). */
  next(cands: Candidate[], now: number, onSwitch: (e: SwitchEvent) => void): Buffer {
    // one map for every frame (50 a second), refilled rather than reallocated
    this.states.clear();
    this.now = now;
    for (const c of cands) this.states.set(c, c.source.state(now));
    if (this.current && !cands.includes(this.current)) this.current = undefined;
    if (this.fade && !(cands.includes(this.fade.from) && cands.includes(this.fade.to))) this.endFade();
    this.underruns(now);
    const target = this.choose(cands, now);
    const f = this.fade;
    if (f && target === f.from && f.to.source.hasFrame) this.reverse(f, onSwitch);
    else if (f && target !== f.to) this.endFade(target);
    if (!this.fade && target !== this.current) this.switchTo(target, onSwitch);
    const frame = this.produce();
    this.discardOthers(cands);
    return frame;
  }

  /**
   * On air (or coming on air), reported healthy, but nothing buffered: an underrun. It is a
   * health event: the source must refill its pre-roll and wait out the hold-off before it is
   * taken back, so a starving link is not let back on air one frame at a time.
   */
  private underruns(now: number): void {
    for (const c of [this.fade ? this.fade.to : this.current]) {
      if (!c || c.source.hasFrame || !this.states.get(c)?.healthy) continue;
      c.source.health.onUnderrun();
      this.states.set(c, c.source.state(now));
    }
  }

  /** An abandoned crossfade fades the incoming side back out (equal power, from where it was). */
  private reverse(f: Fade, onSwitch: (e: SwitchEvent) => void): void {
    const st = this.states.get(f.to);
    onSwitch({
      from: f.to,
      to: f.from,
      reason: 'failover',
      cause: st && !st.healthy ? st.reason : undefined,
      crossfade: true,
    });
    this.fade = { from: f.to, to: f.from, done: f.frames - f.done, frames: f.frames };
  }

  private ready(c: Candidate): boolean {
    if (!((this.states.get(c)?.healthy ?? false) && c.source.hasFrame)) return false;
    if (c.notBefore === undefined || this.now >= c.notBefore) return true;
    c.readyAt ??= this.now; // decoded, buffered, waiting for its instant
    return false;
  }

  private choose(cands: Candidate[], now: number): Candidate | undefined {
    const inPlay = (c: Candidate) => c === this.current || c === this.fade?.to;
    const eligible = cands.find((c) => this.ready(c) && (inPlay(c) || now >= c.source.health.holdoffUntil));
    // nothing past its hold-off: a recovering source still beats silence
    const any = eligible ?? cands.find((c) => this.ready(c));
    if (any) return any;
    // nothing else can play: a source whose buffer still holds audio plays it out (a slow,
    // stalled or closed link without an armed fallback), unless what it holds is corrupt
    const on = this.fade?.to ?? this.current;
    const st = on ? this.states.get(on) : undefined;
    return on?.source.hasFrame && st?.reason !== 'garbage' && st?.reason !== 'failed' ? on : undefined;
  }

  private switchTo(target: Candidate | undefined, onSwitch: (e: SwitchEvent) => void): void {
    const from = this.current;
    const st = from ? this.states.get(from) : undefined;
    // on air, reported healthy, but nothing buffered: an underrun; it must refill first
    const reason = this.reasonFor(from, target, st);
    const canFade = !!from && !!target && from.source.hasFrame && this.o.crossfadeMs > 0;
    onSwitch({
      from,
      to: target,
      reason,
      cause: st && !st.healthy ? st.reason : undefined,
      crossfade: canFade,
    });
    if (canFade && from && target) {
      this.fade = {
        from,
        to: target,
        done: 0,
        frames: Math.max(1, Math.round(this.o.crossfadeMs / FRAME_MS)),
      };
      return;
    }
    this.current = target;
    this.fadeInNext = !!target;
  }

  private reasonFor(
    from: Candidate | undefined,
    to: Candidate | undefined,
    st: HealthState | undefined,
  ): SwitchReason {
    if (!to) return 'silence';
    if (!from) return 'start';
    if (st?.reason === 'ended') return 'ended';
    if (!st?.healthy || !from.source.hasFrame) return 'failover';
    return to.source.health.holdoffUntil > Number.NEGATIVE_INFINITY ? 'recovered' : 'priority';
  }

  /** Stops a crossfade early: the incoming side wins if it can still play. */
  private endFade(target?: Candidate): void {
    const f = this.fade;
    this.fade = undefined;
    if (!f) return;
    this.current = target === f.from ? f.from : this.ready(f.to) ? f.to : f.from;
    this.fadeInNext = this.current === f.to && f.done < f.frames / 2;
  }

  private produce(): Buffer {
    const f = this.fade;
    if (f) return this.produceFade(f);
    const c = this.current;
    const frame = c?.source.read();
    if (!c || !frame) {
      c?.gain.advance();
      return silentFrame();
    }
    if (this.fadeInNext) {
      // a hard cut starts from zero gain across one frame (20 ms): no click, no audible gap
      this.fadeInNext = false;
      c.gain.apply(frame);
      return crossfade(silentFrame(), frame, 0, 1);
    }
    c.gain.apply(frame);
    return frame;
  }

  private produceFade(f: Fade): Buffer {
    const a = f.from.source.read();
    const b = f.to.source.read();
    if (!b) {
      this.endFade(f.from);
      if (a) f.from.gain.apply(a);
      return a ?? silentFrame();
    }
    f.to.gain.apply(b);
    if (!a) {
      // the outgoing side ran dry mid-fade: bring the incoming one up within this frame
      this.fade = undefined;
      this.current = f.to;
      return crossfade(silentFrame(), b, f.done / f.frames, 1);
    }
    f.from.gain.apply(a);
    const out = crossfade(a, b, f.done / f.frames, (f.done + 1) / f.frames);
    f.done++;
    if (f.done >= f.frames) {
      this.fade = undefined;
      this.current = f.to;
    }
    return out;
  }

  private discardOthers(cands: Candidate[]): void {
    for (const c of cands) {
      if (c === this.current || c === this.fade?.from || c === this.fade?.to) continue;
      const st = this.states.get(c);
      const monitored = c.source.live || st?.reason === 'silent';
      // a source refilling its pre-roll (starting, after an underrun, or starving) is left to fill
      const filling = st?.reason === 'starting' || st?.reason === 'underrun' || st?.reason === 'slow';
      if (monitored && !filling) c.source.read();
    }
  }
}
