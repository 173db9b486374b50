/**
 * A gain that moves to its target in a straight line over a given time, frame by frame, and
 * is applied sample by sample inside each frame: no step, so no click on mute or unmute.
 */
import { applyRamp, FRAME_MS } from './pcm.js';

export class GainRamp {
  private v: number;
  private targetValue: number;
  private step = 0;
  private waiters: Array<() => void> = [];

  constructor(initial = 1) {
    this.v = initial;
    this.targetValue = initial;
  }

  get value(): number {
    return this.v;
  }

  get target(): number {
    return this.targetValue;
  }

  /** Moves to `target` over `ms`; resolves when it gets there (frames are what move it). */
  set(target: number, ms: number): Promise<void> {
    this.targetValue = Math.max(0, Math.min(4, target));
    const frames = Math.max(1, Math.round(ms / FRAME_MS));
    this.step = Math.abs(this.targetValue - this.v) / frames;
    if (this.v === this.targetValue) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Jumps to the target now and releases every waiter (the engine is stopping). */
  settle(): void {
    this.v = this.targetValue;
    this.release();
  }

  /** Applies this frame's share of the ramp to the frame, in place. */
  apply(frame: Buffer): void {
    const g0 = this.v;
    this.advance();
    applyRamp(frame, g0, this.v);
  }

  /** Moves one frame along without audio (nothing to scale this frame). */
  advance(): void {
    if (this.v === this.targetValue) return;
    const d = this.targetValue - this.v;
    this.v = Math.abs(d) <= this.step ? this.targetValue : this.v + Math.sign(d) * this.step;
    if (this.v === this.targetValue) this.release();
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}
