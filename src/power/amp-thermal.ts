/**
 * The amplifier's temperature, when its profile has a heatsink sensor (`amp.temperature_c`):
 * supervised like the transmitter's. Above `overTempC` the chain mutes, then powers off (the
 * chain's block: mute first, zones, amplifier, transmitter) and the alarm `amp.overtemp` is
 * raised; once it has cooled to `resumeTempC` the chain comes back to what was commanded. The
 * gap between the two is the hysteresis that keeps a rack at its limit from cycling.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms } from '../core/events.js';
import type { AnalogIn } from '../hal/types.js';
import { AMP_OVER_TEMP } from './block-text.js';
import type { PowerChain } from './chain.js';

export const AMP_OVERTEMP = 'amp.overtemp';
const REASON = AMP_OVER_TEMP;
/** A heatsink changes over tens of seconds: once a second is plenty. */
const POLL_MS = 1000;

export interface AmpThermalDeps {
  clock: Clock;
  alarms: Alarms;
  chain: PowerChain;
  sensor: AnalogIn;
  limits: { overTempC: number; resumeTempC: number };
}

export class AmpThermal {
  private timer: Timer | undefined;
  private hot = false;
  private busy = false;
  /** The last reading (°C), for status; undefined until read or when unreadable. */
  temperatureC: number | undefined;

  constructor(private readonly d: AmpThermalDeps) {}

  get overTemp(): boolean {
    return this.hot;
  }

  start(): void {
    this.timer ??= this.d.clock.setInterval(() => void this.tick(), POLL_MS);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const t = await this.d.sensor.read().catch(() => undefined);
      this.temperatureC = t;
      if (t !== undefined) await this.check(t);
    } finally {
      this.busy = false;
    }
  }

  private async check(t: number): Promise<void> {
    const { overTempC, resumeTempC } = this.d.limits;
    const chain = this.d.chain;
    if (!this.hot && t >= overTempC) {
      this.hot = true;
      this.d.alarms.raise(
        AMP_OVERTEMP,
        'power',
        `amplifier over temperature (${t.toFixed(1)} °C ≥ ${overTempC} °C): muted and off until it cools to ${resumeTempC} °C`,
        { temperatureC: t, overTempC, resumeTempC },
      );
    }
    // another block (mains lost) may have ended meanwhile: still hot means still off
    if (this.hot && t > resumeTempC && !chain.blockedBy) await chain.block(REASON);
    if (this.hot && t <= resumeTempC) {
      this.hot = false;
      this.d.alarms.clear(AMP_OVERTEMP, `amplifier cooled to ${t.toFixed(1)} °C`);
      if (chain.blockedBy === REASON) await chain.unblock();
    }
  }
}
