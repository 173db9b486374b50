/**
 * Which board pins serve which profile channels, and the latest readings from them.
 * Channels are "D7" (digital pin 7) or "A0" (analogue input 0); a bad one is a CONFIG error
 * naming the profile key. Analogue readings keep the last `window` samples per channel; the
 * reading is their median (robust to the single-sample spikes a relay switching nearby puts
 * on an unshielded ADC line), then `raw * scale + offset` in the channel's unit.
 */
import { LoaError } from '../../core/errors.js';
import type { Profile } from '../profile.js';
import type { Calibration } from '../types.js';
import { parseFirmataChannel } from './protocol.js';

export interface OutPlan {
  name: string;
  what: string;
  pin: number;
  activeLow: boolean;
  safe: boolean;
  /** Physical level of the safe state. */
  safeRaw: 0 | 1;
}

export interface InPlan {
  name: string;
  what: string;
  pin: number;
  pullup: boolean;
}

export interface AnalogPlan {
  name: string;
  what: string;
  channel: number;
  window: number;
  calibration: Calibration;
}

export class PinPlan {
  readonly outputs: OutPlan[] = [];
  readonly inputs: InPlan[] = [];
  readonly analog: AnalogPlan[] = [];
  private readonly digital = new Map<number, 0 | 1>();
  private readonly samples = new Map<number, number[]>();

  static fromProfile(id: string, p: Profile, pullup: boolean): PinPlan {
    const plan = new PinPlan();
    for (const [name, s] of Object.entries(p.outputs)) {
      if (s.driver !== id) continue;
      const what = `outputs."${name}"`;
      const pin = digitalPin(s.channel, what);
      const safeRaw = s.safe !== s.activeLow ? 1 : 0;
      plan.outputs.push({ name, what, pin, activeLow: s.activeLow, safe: s.safe, safeRaw });
    }
    for (const [name, s] of Object.entries(p.inputs))
      if (s.driver === id)
        plan.inputs.push({
          name,
          what: `inputs."${name}"`,
          pin: digitalPin(s.channel, `inputs."${name}"`),
          pullup,
        });
    for (const [name, s] of Object.entries(p.analog)) {
      if (s.driver !== id) continue;
      const what = `analog."${name}"`;
      const c = parseFirmataChannel(s.channel);
      if (c?.kind !== 'analog')
        throw new LoaError(
          'CONFIG',
          `${what}.channel: "${s.channel}" is not an analogue input; write A0, A1, …`,
        );
      plan.analog.push({ name, what, channel: c.index, window: s.window, calibration: s.calibration });
    }
    plan.checkDuplicates();
    return plan;
  }

  pushAnalog(channel: number, raw: number): void {
    const keep = Math.max(1, ...this.analog.filter((a) => a.channel === channel).map((a) => a.window));
    const ring = this.samples.get(channel) ?? [];
    ring.push(raw);
    if (ring.length > keep) ring.splice(0, ring.length - keep);
    this.samples.set(channel, ring);
  }

  /** Median of the last `window` samples, calibrated; undefined until the window is full. */
  analogValue(a: AnalogPlan): number | undefined {
    const ring = this.samples.get(a.channel);
    if (!ring || ring.length < a.window) return undefined;
    return median(ring.slice(-a.window)) * a.calibration.scale + a.calibration.offset;
  }

  setDigital(pin: number, level: 0 | 1): void {
    this.digital.set(pin, level);
  }

  digitalValue(pin: number): 0 | 1 | undefined {
    return this.digital.get(pin);
  }

  missingReadings(): string[] {
    return [
      ...this.inputs.filter((i) => !this.digital.has(i.pin)).map((i) => `${i.name} (D${i.pin})`),
      ...this.analog.filter((a) => this.analogValue(a) === undefined).map((a) => `${a.name} (A${a.channel})`),
    ];
  }

  /** Forgets every reading (the board went away: old values must not pass for new ones). */
  clearReadings(): void {
    this.digital.clear();
    this.samples.clear();
  }

  private checkDuplicates(): void {
    const seen = new Map<number, string>();
    for (const x of [...this.outputs, ...this.inputs]) {
      const other = seen.get(x.pin);
      if (other) throw new LoaError('CONFIG', `${x.what}.channel: D${x.pin} is already used by ${other}`);
      seen.set(x.pin, x.what);
    }
  }
}

function digitalPin(channel: string, what: string): number {
  const c = parseFirmataChannel(channel);
  if (c?.kind !== 'digital')
    throw new LoaError('CONFIG', `${what}.channel: "${channel}" is not a digital pin; write D2, D3, …`);
  return c.index;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
