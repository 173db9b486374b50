/**
 * The amplifier and transmitter chain. On: transmitter, then the amplifier warming up while
 * muted, then the zones one by one, then unmute. Off: mute first (no thump in the
 * loudspeakers), zones in reverse, amplifier, transmitter. A newer request cancels the
 * sequence in progress at its next step, so an "off" during power-up is never lost.
 */
import type { Clock } from '../core/clock.js';
import type { EventSink } from '../core/events.js';
import type { Timings } from '../hal/profile.js';
import type { DigitalOut } from '../hal/types.js';
import type { Transmitter } from './transmitter.js';

export type ChainState = 'off' | 'powering-up' | 'on' | 'powering-down';

/** Optional audio hook: ramp the programme down before mute and up after unmute. */
export interface Fader {
  fadeOut(ms: number): Promise<void>;
  fadeIn(ms: number): Promise<void>;
}

export interface ChainDeps {
  clock: Clock;
  events: EventSink;
  timings: Timings;
  tx: Transmitter;
  ampPower: DigitalOut;
  ampMute: DigitalOut;
  zones: Map<number, DigitalOut>;
  fader?: Fader | undefined;
}

export interface Commanded {
  on: boolean;
  zones: number[];
}

class Cancelled extends Error {}

export class PowerChain {
  private stateValue: ChainState = 'off';
  private gen = 0;
  private wantOn = false;
  /** False only for a local check (`stationctl test tone`): amplifier and zones, no transmitter. */
  private wantTx = true;
  private readonly wantZones = new Set<number>();
  private running: Promise<void> = Promise.resolve();
  private blocked: string | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly d: ChainDeps) {}

  get state(): ChainState {
    return this.stateValue;
  }

  /** The audio engine attaches its fader so power-down ramps the programme before muting. */
  setFader(f: Fader | undefined): void {
    this.d.fader = f;
  }

  get commanded(): Commanded {
    return { on: this.wantOn, zones: [...this.wantZones].sort((a, b) => a - b) };
  }

  /** Why the chain cannot be on now (mains lost), if anything. */
  get blockedBy(): string | undefined {
    return this.blocked;
  }

  /** Sets the commanded zones without switching (used when restoring persisted state). */
  restore(c: Commanded): void {
    this.wantZones.clear();
    for (const z of c.zones) if (this.d.zones.has(z)) this.wantZones.add(z);
    this.wantOn = c.on;
  }

  /**
   * `transmitter: false` brings up the amplifier and zones only (an on-site tone test must not
   * go out over the air). Any later plain powerOn() keys the transmitter as usual.
   */
  async powerOn(o: { transmitter?: boolean } = {}): Promise<void> {
    this.wantOn = true;
    this.wantTx = o.transmitter ?? true;
    if (this.blocked) return;
    if (this.stateValue === 'on' && this.wantTx) await this.d.tx.request(true);
    if (this.stateValue === 'on' || this.stateValue === 'powering-up') return this.running;
    return this.run((g) => this.sequenceUp(g));
  }

  async powerOff(): Promise<void> {
    this.wantOn = false;
    this.wantTx = true;
    if (this.stateValue === 'off' || this.stateValue === 'powering-down') return this.running;
    return this.run((g) => this.sequenceDown(g));
  }

  async setZone(id: number, on: boolean): Promise<void> {
    const relay = this.d.zones.get(id);
    if (!relay) throw new Error(`no zone ${id}`);
    if (on) this.wantZones.add(id);
    else this.wantZones.delete(id);
    // while the chain is up, switch now; a sequence in progress picks the change up itself
    if (this.stateValue === 'on') await relay.set(on);
  }

  /** Mains lost (or any condition that forbids power): safe state now, remember what was wanted. */
  async block(reason: string): Promise<void> {
    this.blocked = reason;
    return this.run(async () => {
      await this.safeOutputs();
      this.stateValue = 'off';
    });
  }

  /** The blocking condition has gone: bring back what was commanded. */
  async unblock(): Promise<void> {
    this.blocked = undefined;
    if (this.wantOn) await this.run((g) => this.sequenceUp(g));
  }

  /** Shutdown: the full ordered power-down, whatever was commanded (the commanded state is kept). */
  async shutdown(): Promise<void> {
    const keep = this.wantOn;
    await this.powerOff();
    this.wantOn = keep;
  }

  /**
   * Sequences never overlap: a new one cancels the one in progress (waking it from its wait)
   * and starts when that one has stopped at its next step.
   */
  private run(seq: (g: number) => Promise<void>): Promise<void> {
    const g = ++this.gen;
    this.wake?.();
    const p = this.running.then(() => {
      this.check(g);
      return seq(g);
    });
    const settled = p.catch((e) => {
      if (!(e instanceof Cancelled)) throw e;
    });
    this.running = settled.catch(() => undefined);
    return settled;
  }

  private check(g: number): void {
    if (g !== this.gen) throw new Cancelled();
  }

  private async wait(g: number, ms: number): Promise<void> {
    if (ms > 0)
      await new Promise<void>((resolve) => {
        const timer = this.d.clock.setTimeout(resolve, ms);
        this.wake = () => {
          timer.cancel();
          resolve();
        };
      });
    this.wake = undefined;
    this.check(g);
  }

  private async sequenceUp(g: number): Promise<void> {
    const t = this.d.timings;
    this.stateValue = 'powering-up';
    const started = this.d.clock.monotonic();
    await this.d.ampMute.set(true);
    if (this.wantTx) {
      await this.d.tx.request(true);
      await this.wait(g, t.txSettleMs);
    }
    await this.d.ampPower.set(true);
    await this.wait(g, t.ampWarmupMs);
    for (const [id, relay] of this.d.zones) {
      if (!this.wantZones.has(id)) continue;
      await relay.set(true);
      await this.wait(g, t.zoneStaggerMs);
    }
    // zones switched on while we were sequencing (and not reached above) — and any switched off
    for (const [id, relay] of this.d.zones)
      if (relay.commanded !== this.wantZones.has(id)) await relay.set(this.wantZones.has(id));
    // a plain powerOn() arrived while a transmitter-less power-up was in progress
    if (this.wantTx) await this.d.tx.request(true);
    await this.d.ampMute.set(false);
    this.stateValue = 'on';
    await this.d.fader?.fadeIn(t.unmuteRampMs);
    this.d.events.emit({
      kind: 'power.on',
      severity: 'info',
      sub: 'power',
      message: 'power chain on',
      text: { key: 'ev.power.on' },
      details: {
        ms: Math.round(this.d.clock.monotonic() - started),
        zones: this.commanded.zones,
        tx: this.d.tx.state,
      },
    });
  }

  private async sequenceDown(g: number): Promise<void> {
    const t = this.d.timings;
    const wasOn = this.stateValue !== 'off';
    this.stateValue = 'powering-down';
    await this.d.fader?.fadeOut(t.unmuteRampMs);
    await this.d.ampMute.set(true);
    await this.wait(g, t.unmuteRampMs);
    const zones = [...this.d.zones.values()].reverse();
    for (const relay of zones) {
      if (!relay.commanded) continue;
      await relay.set(false);
      await this.wait(g, t.zoneStaggerMs);
    }
    await this.d.ampPower.set(false);
    await this.d.tx.request(false);
    this.stateValue = 'off';
    if (wasOn)
      this.d.events.emit({
        kind: 'power.off',
        severity: 'info',
        sub: 'power',
        message: 'power chain off',
        text: { key: 'ev.power.off' },
      });
  }

  private async safeOutputs(): Promise<void> {
    await this.d.ampMute.set(true);
    for (const relay of this.d.zones.values()) await relay.set(false);
    await this.d.ampPower.set(false);
    await this.d.tx.forceOff();
  }
}
