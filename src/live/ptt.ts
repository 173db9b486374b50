/**
 * Push-to-talk from a digital input (through the HAL): pressed → the live session starts,
 * released → it ends. A level counts only once it has held for the debounce time (contact
 * bounce of a hand or foot switch is 1–20 ms; the default 50 ms is well past it and well
 * under what a person notices). On the injected Clock.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { DigitalIn } from '../hal/types.js';

export class PushToTalk {
  private settled = false;
  private pending: Timer | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly input: DigitalIn,
    private readonly clock: Clock,
    private readonly debounceMs: number,
    private readonly onChange: (pressed: boolean) => void,
  ) {}

  start(): boolean {
    if (!this.input.watch) return false;
    this.unwatch = this.input.watch((v) => this.changed(v));
    return true;
  }

  stop(): void {
    this.unwatch?.();
    this.pending?.cancel();
  }

  get pressed(): boolean {
    return this.settled;
  }

  private changed(v: boolean): void {
    this.pending?.cancel();
    this.pending = undefined;
    if (v === this.settled) return;
    this.pending = this.clock.setTimeout(() => {
      this.pending = undefined;
      void this.input.read().then(
        (now) => {
          if (now !== v || now === this.settled) return;
          this.settled = now;
          this.onChange(now);
        },
        () => undefined,
      );
    }, this.debounceMs);
  }
}
