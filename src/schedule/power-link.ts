/**
 * One place that drives the power chain for scheduled items and emergencies. An emergency
 * overrides the schedule (all its zones, chain forced up); when neither wants power, the
 * chain returns to what it was before they took it — off if they powered it up, the manual
 * zones if a technician had it on.
 */
import type { Commanded, PowerChain } from '../power/chain.js';
import type { PowerHolder } from '../power/ports.js';

export interface PowerWant {
  on: boolean;
  zones: number[];
}

type ChainLike = Pick<PowerChain, 'state' | 'commanded' | 'powerOn' | 'powerOff' | 'setZone'>;

const OFF: PowerWant = { on: false, zones: [] };

export class PowerLink implements PowerHolder {
  private scheduleWant: PowerWant = OFF;
  private emergencyWant: PowerWant | undefined;
  /** Zones commanded before we took the chain, and whether it was off then. */
  private taken: { zones: number[]; wasOff: boolean } | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly chain: ChainLike,
    private readonly zoneIds: number[],
  ) {}

  /** The schedule's want; resolves when the chain has been commanded (not when it is up). */
  setSchedule(w: PowerWant): Promise<void> {
    this.scheduleWant = w;
    return this.apply().then(({ done }) => {
      done.catch(() => undefined); // the chain reports its own failures as events
    });
  }

  /** Forces the chain up for an emergency; resolves when the chain is on (amplifier unmuted). */
  async setEmergency(w: PowerWant | undefined): Promise<void> {
    this.emergencyWant = w;
    const { done } = await this.apply();
    await done;
  }

  /** While held, the chain returns to the pre-take zones, off if it was off: persist that. */
  baseline(current: Commanded): Commanded {
    const t = this.taken;
    return t ? { on: !t.wasOff, zones: t.zones } : current;
  }

  /** A technician's power on/off while held is what the chain keeps afterwards. */
  manualPower(on: boolean): void {
    if (this.taken) this.taken.wasOff = !on;
  }

  get state(): PowerChain['state'] {
    return this.chain.state;
  }

  private want(): PowerWant {
    return this.emergencyWant ?? this.scheduleWant;
  }

  /**
   * Serialised; the chain's own sequence (seconds) is not awaited in the queue, so an emergency
   * is never held up behind a power-down: the chain cancels that at its next step.
   */
  private apply(): Promise<{ done: Promise<void> }> {
    const step = this.queue.then(() => this.applyNow());
    this.queue = step.then(
      () => undefined,
      () => undefined,
    );
    return step;
  }

  private async applyNow(): Promise<{ done: Promise<void> }> {
    const w = this.want();
    if (w.on) {
      this.taken ??= { zones: this.chain.commanded.zones, wasOff: !this.chain.commanded.on };
      await this.setZones(w.zones);
      return { done: this.chain.powerOn() };
    }
    if (this.taken) {
      const t = this.taken;
      this.taken = undefined;
      await this.setZones(t.zones);
      if (t.wasOff) return { done: this.chain.powerOff() };
    }
    return { done: Promise.resolve() };
  }

  private async setZones(zones: number[]): Promise<void> {
    for (const z of this.zoneIds) {
      const on = zones.includes(z);
      if (this.chain.commanded.zones.includes(z) !== on) await this.chain.setZone(z, on);
    }
  }
}
