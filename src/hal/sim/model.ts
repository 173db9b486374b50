/**
 * The station's physics, simulated: relays with switching time and feedback contacts, the
 * amplifier's current draw, the transmitter's forward/reflected power and temperature, and
 * each zone's 100 V speaker line as an impedance with earth leakage. Everything is computed
 * from the injected clock, so tests drive hours of plant behaviour in milliseconds.
 */
import type { Clock } from '../../core/clock.js';
import type { ZoneSpec } from '../profile.js';
import { type Fault, faultKey } from './faults.js';

export interface SimOptions {
  relaySwitchMs: number;
  ambientC: number;
  txRatedW: number;
  /** Temperature rise of the transmitter at full power, and its thermal time constant. */
  txRiseC: number;
  txThermalTauS: number;
  /** The amplifier rack's rise when on and its time constant (a 1U class-D rack with a fan). */
  ampRiseC: number;
  ampThermalTauS: number;
  ampIdleA: number;
  ampPerZoneA: number;
  /** Sense pilot voltage on every line (inaudible, always present). */
  pilotV: number;
  /** The sense board's audible test tone (1 kHz) while `lines.test_tone` is energised, V rms. */
  testToneV: number;
  /** Programme level on a zone line that is on air (amplifier on, unmuted, zone relay closed), V rms. */
  programmeV: number;
  /** Resolution of the line-current ADC, A (0: exact). A 10-bit ADC over ~1 A full scale ≈ 1 mA. */
  lineAdcStepA: number;
  /** Insulation of a healthy line to earth, kΩ. */
  healthyEarthKohm: number;
}

export const defaultSimOptions: SimOptions = {
  relaySwitchMs: 15,
  ambientC: 30,
  txRatedW: 50,
  txRiseC: 25,
  txThermalTauS: 120,
  ampRiseC: 15,
  ampThermalTauS: 90,
  ampIdleA: 0.8,
  ampPerZoneA: 0.6,
  pilotV: 1.0,
  testToneV: 10,
  programmeV: 20,
  lineAdcStepA: 0.001,
  healthyEarthKohm: 2000,
};

interface Relay {
  commanded: boolean;
  settled: boolean;
  pending?: { cancel(): void } | undefined;
}

/** Short-circuit impedance of a shorted line (Ω), and leakage of an earth fault (kΩ). */
const SHORT_OHM = 0.4;
const EARTH_FAULT_KOHM = 12;
/** The amplifier's output current limit (into a short). */
const AMP_LIMIT_A = 12;
/** The relay that switches the sense board's test oscillator onto the lines. */
export const TEST_TONE_CHANNEL = 'lines.test_tone';

export class SimStation {
  readonly options: SimOptions;
  private readonly relays = new Map<string, Relay>();
  private readonly faults = new Map<string, Fault>();
  private readonly buttons = new Map<string, boolean>();
  private readonly watchers = new Set<() => void>();
  private txTempC: number;
  private ampTempC: number;
  private thermalAt: number;
  private noise = 0;
  private rng = 0x2545f491;
  private drift = new Map<number, number>();

  constructor(
    private readonly clock: Clock,
    private readonly zones: ZoneSpec[],
    options: Partial<SimOptions> = {},
  ) {
    this.options = { ...defaultSimOptions, ...options };
    this.txTempC = this.options.ambientC;
    this.ampTempC = this.options.ambientC;
    this.thermalAt = clock.monotonic();
  }

  // --- relays -------------------------------------------------------------------------
  setRelay(channel: string, energised: boolean): void {
    this.updateThermal();
    const r = this.relay(channel);
    r.commanded = energised;
    r.pending?.cancel();
    r.pending = this.clock.setTimeout(() => {
      this.updateThermal();
      if (!this.faults.has(`relay-stuck:${channel}`)) r.settled = energised;
      r.pending = undefined;
      this.changed();
    }, this.options.relaySwitchMs);
  }

  /** The relay's contact as its feedback wire reads it. */
  contact(channel: string): boolean {
    const stuck = this.faults.get(`relay-stuck:${channel}`);
    const r = this.relay(channel);
    if (stuck) return r.settled; // frozen where it was when the fault appeared
    return r.settled && this.mainsPresent();
  }

  // --- the plant ----------------------------------------------------------------------
  mainsPresent(): boolean {
    return !this.faults.has('mains-lost');
  }

  txOn(): boolean {
    return this.contact('tx.power');
  }

  txForwardW(): number {
    return this.txOn() ? this.jitter(this.options.txRatedW) : 0;
  }

  txReflectedW(): number {
    const ratio = this.faults.has('antenna-open') ? 0.85 : 0.02;
    return this.txForwardW() * ratio;
  }

  txTemperatureC(): number {
    this.updateThermal();
    return this.txTempC;
  }

  /** The amplifier's heatsink sensor (optional in a profile: `amp.temperature_c`). */
  ampTemperatureC(): number {
    this.updateThermal();
    return this.ampTempC;
  }

  ampCurrentA(): number {
    if (!this.contact('amp.power')) return 0;
    let a = this.options.ampIdleA;
    for (const z of this.zones) {
      if (!this.contact(z.relay)) continue;
      const ohm = this.lineOhm(z.id);
      if (ohm < 2) return AMP_LIMIT_A; // into a short: the amplifier's protection limit
      if (Number.isFinite(ohm) && !this.contact('amp.mute')) a += this.options.ampPerZoneA;
    }
    return this.jitter(a);
  }

  /** Line impedance of a zone, Ω (Infinity when open). */
  lineOhm(zoneId: number): number {
    const z = this.zone(zoneId);
    if (this.faults.has(`line-open:zone.${zoneId}`)) return Number.POSITIVE_INFINITY;
    if (this.faults.has(`line-short:zone.${zoneId}`)) return SHORT_OHM;
    const missing = this.faults.get(`speaker-missing:zone.${zoneId}`)?.count ?? 0;
    const present = Math.max(0, z.speakers.count - missing);
    if (present === 0) return Number.POSITIVE_INFINITY;
    const nominal = (z.speakers.lineV * z.speakers.lineV) / (present * z.speakers.tapW);
    return nominal * (this.drift.get(zoneId) ?? 1);
  }

  /**
   * RMS voltage at the zone's sense point: the pilot, plus the test tone while it is switched
   * on, plus the programme while the zone is on air (limited by the amplifier into a short).
   */
  lineVoltage(zoneId: number): number {
    if (this.faults.has(`sensor-fault:zone.${zoneId}`)) return 0;
    return this.jitter(this.trueLineVoltage(zoneId));
  }

  lineCurrent(zoneId: number): number {
    if (this.faults.has(`sensor-fault:zone.${zoneId}`)) return 0;
    const ohm = this.lineOhm(zoneId);
    const a = Number.isFinite(ohm) ? this.jitter(this.trueLineVoltage(zoneId) / ohm) : 0;
    const step = this.options.lineAdcStepA;
    return step > 0 ? Math.round(a / step) * step : a;
  }

  /** Whether the programme reaches this zone's line now. */
  zoneOnAir(zoneId: number): boolean {
    const z = this.zone(zoneId);
    return this.contact(z.relay) && this.contact('amp.power') && !this.contact('amp.mute');
  }

  earthKohm(zoneId: number): number {
    this.zone(zoneId);
    return this.jitter(
      this.faults.has(`earth-fault:zone.${zoneId}`) ? EARTH_FAULT_KOHM : this.options.healthyEarthKohm,
    );
  }

  button(name: string): boolean {
    return this.buttons.get(name) ?? false;
  }

  // --- stimulus: tests and `stationctl sim` -------------------------------------------
  inject(f: Fault): void {
    this.updateThermal();
    if (f.name === 'relay-stuck' && f.channel) {
      // freeze the contact where it is now
      const r = this.relay(f.channel);
      r.settled = this.contact(f.channel);
      r.pending?.cancel();
    }
    this.faults.set(faultKey(f), f);
    this.changed();
  }

  clear(key?: string): void {
    this.updateThermal();
    if (key === undefined) this.faults.clear();
    else this.faults.delete(key);
    for (const [ch, r] of this.relays) if (!this.faults.has(`relay-stuck:${ch}`)) r.settled = r.commanded;
    this.changed();
  }

  activeFaults(): Fault[] {
    return [...this.faults.values()];
  }

  pressButton(name: string, down: boolean): void {
    this.buttons.set(name, down);
    this.changed();
  }

  /** Reading noise as a fraction of the value (deterministic PRNG), for debounce tests. */
  setNoise(fraction: number): void {
    this.noise = fraction;
  }

  /** Multiplies a zone's impedance (slow drift such as water ingress). */
  setLineDrift(zoneId: number, factor: number): void {
    this.drift.set(zoneId, factor);
  }

  onChange(cb: () => void): () => void {
    this.watchers.add(cb);
    return () => this.watchers.delete(cb);
  }

  // --- internals ----------------------------------------------------------------------
  private trueLineVoltage(zoneId: number): number {
    const o = this.options;
    let v2 = o.pilotV * o.pilotV;
    if (this.contact(TEST_TONE_CHANNEL)) v2 += o.testToneV * o.testToneV;
    if (this.zoneOnAir(zoneId)) {
      const prog = Math.min(o.programmeV, AMP_LIMIT_A * this.lineOhm(zoneId));
      v2 += prog * prog;
    }
    return Math.sqrt(v2);
  }

  private relay(channel: string): Relay {
    let r = this.relays.get(channel);
    if (!r) {
      r = { commanded: false, settled: false };
      this.relays.set(channel, r);
    }
    return r;
  }

  private zone(id: number): ZoneSpec {
    const z = this.zones.find((x) => x.id === id);
    if (!z) throw new Error(`sim: no zone ${id}`);
    return z;
  }

  /** First-order thermal model: T → target with time constant tau. */
  private updateThermal(): void {
    const now = this.clock.monotonic();
    const dt = (now - this.thermalAt) / 1000;
    this.thermalAt = now;
    if (dt <= 0) return;
    const o = this.options;
    const target =
      o.ambientC + (this.txOn() ? o.txRiseC : 0) + (this.faults.has('over-temperature') ? 60 : 0);
    this.txTempC = target + (this.txTempC - target) * Math.exp(-dt / o.txThermalTauS);
    // a dead fan or a blocked vent: the rack heats towards +60 °C over ambient
    const ampTarget =
      o.ambientC +
      (this.contact('amp.power') ? o.ampRiseC : 0) +
      (this.faults.has('amp-over-temperature') ? 60 : 0);
    this.ampTempC = ampTarget + (this.ampTempC - ampTarget) * Math.exp(-dt / o.ampThermalTauS);
  }

  private jitter(v: number): number {
    if (this.noise === 0) return v;
    // xorshift32: deterministic, so a test's noise is the same on every run
    this.rng ^= this.rng << 13;
    this.rng ^= this.rng >>> 17;
    this.rng ^= this.rng << 5;
    const u = ((this.rng >>> 0) / 0xffffffff) * 2 - 1;
    return v * (1 + u * this.noise);
  }

  private changed(): void {
    for (const w of this.watchers) w();
  }
}
