/**
 * On-site diagnostics as a station module ('diagnostics'): `stationctl test relays` and
 * `stationctl test tone`. It drives the power chain and the hardware, plays through the audio
 * engine when there is one, and asks line supervision whether a zone is isolated.
 */
import { ON_AIR, OUTPUT_METER } from '../audio/port.js';
import type { Handler } from '../core/registry.js';
import { HAL } from '../hal/port.js';
import { LINES } from '../lines/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { POWER } from '../power/ports.js';
import { testRelays } from './relay-test.js';
import { type ToneDeps, ToneTest } from './tone-test.js';

export class DiagnosticsModule implements StationModule {
  readonly name = 'diagnostics';
  readonly needs = [HAL, POWER];
  readonly wants = [ON_AIR, LINES, OUTPUT_METER];
  private deps: ToneDeps | undefined;
  private tone: ToneTest | undefined;

  async start(ctx: ModuleContext): Promise<void> {
    this.deps = {
      clock: ctx.clock,
      events: ctx.store.events,
      profile: ctx.profile,
      hal: ctx.need(HAL),
      chain: ctx.need(POWER).chain,
      onAir: ctx.want(ON_AIR),
      lines: ctx.want(LINES),
      meter: ctx.want(OUTPUT_METER),
    };
    this.tone = new ToneTest(this.deps);
  }

  /** A running tone ends when the audio engine stops (after this module, in reverse start order). */
  async stop(): Promise<void> {}

  methods(): Record<string, Handler> {
    const started = () => {
      if (!this.deps || !this.tone) throw new Error('diagnostics module not started');
      return { deps: this.deps, tone: this.tone };
    };
    return {
      'test.relays': () => testRelays(started().deps),
      'test.tone': (x) => started().tone.start(x),
      'test.toneStop': () => started().tone.stop(),
      'test.toneStatus': () => started().tone.status(),
    };
  }
}
