/**
 * Transmitter interlocks. The guard owns the transmitter relay: the power chain only says
 * whether it wants the transmitter on; the guard decides whether it may be.
 *  - High reflected power sustained for vswrTripMs trips it [Bird Wattcher: 50 ms].
 *  - A trip re-arms after txRearmMs; maxTrips trips within tripWindowMs lock it out until a
 *    technician resets it [Burk Plus-X: 3 trips, then lockout]. The lockout is persisted.
 *  - Over-temperature turns it off until it cools below resumeTempC.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { Profile, Timings } from '../hal/profile.js';
import type { AnalogIn, DigitalOut } from '../hal/types.js';

export type TxState = 'off' | 'on' | 'tripped' | 'overtemp' | 'lockout' | 'absent';

export interface TxPersisted {
  lockout: boolean;
  /** Wall-clock times of recent trips (epoch ms). */
  trips: number[];
}

export interface TxReadings {
  forwardW: number;
  reflectedW: number;
  temperatureC: number;
}

export interface TxDeps {
  relay: DigitalOut;
  forward: AnalogIn;
  reflected: AnalogIn;
  temperature: AnalogIn;
  clock: Clock;
  events: EventSink;
  alarms: Alarms;
  timings: Timings;
  limits: Profile['transmitter'];
  persisted: TxPersisted;
  persist(state: TxPersisted): void;
}

/** What the power chain, the status and the technician's reset need of a transmitter. */
export interface Transmitter {
  readonly state: TxState;
  readonly readings: TxReadings;
  readonly tripCount: number;
  request(on: boolean): Promise<void>;
  resetLockout(): Promise<boolean>;
  forceOff(): Promise<void>;
  stop(): void;
}

export class TransmitterGuard implements Transmitter {
  private wanted = false;
  private stateValue: TxState;
  private highSince: number | undefined;
  private poll: Timer | undefined;
  private rearm: Timer | undefined;
  private trips: number[];
  private lockedOut: boolean;
  private last: TxReadings = { forwardW: 0, reflectedW: 0, temperatureC: Number.NaN };
  private busy = false;

  constructor(private readonly d: TxDeps) {
    this.trips = [...d.persisted.trips];
    this.lockedOut = d.persisted.lockout;
    this.stateValue = !d.limits.present ? 'absent' : this.lockedOut ? 'lockout' : 'off';
    if (this.lockedOut)
      d.alarms.raise(
        'tx.lockout',
        'power',
        'transmitter locked out after repeated trips; a technician must reset it',
        {
          trips: this.trips.length,
        },
      );
  }

  get state(): TxState {
    return this.stateValue;
  }

  get readings(): TxReadings {
    return this.last;
  }

  get tripCount(): number {
    return this.trips.length;
  }

  /** The power chain wants the transmitter on (true) or off (false). */
  async request(on: boolean): Promise<void> {
    this.wanted = on;
    if (this.stateValue === 'absent') return;
    if (!on) {
      this.rearm?.cancel();
      this.rearm = undefined;
      if (this.stateValue === 'on' || this.stateValue === 'tripped') this.stateValue = 'off';
      await this.d.relay.set(false);
      this.ensurePolling();
      return;
    }
    if (this.stateValue === 'off') await this.switchOn();
  }

  /** Technician reset: clears the lockout and the trip history. */
  async resetLockout(): Promise<boolean> {
    const was = this.lockedOut;
    this.lockedOut = false;
    this.trips = [];
    this.save();
    this.d.alarms.clear('tx.lockout', 'lockout reset by technician');
    if (this.stateValue === 'lockout' || this.stateValue === 'tripped') {
      this.rearm?.cancel();
      this.d.alarms.clear('tx.tripped', 'reset by technician');
      this.stateValue = 'off';
      if (this.wanted) await this.switchOn();
    }
    return was;
  }

  /** Immediate safe state (mains lost, shutdown): relay off, polling kept for temperature. */
  async forceOff(): Promise<void> {
    this.wanted = false;
    this.rearm?.cancel();
    this.rearm = undefined;
    if (this.stateValue === 'on' || this.stateValue === 'tripped') this.stateValue = 'off';
    await this.d.relay.set(false);
  }

  stop(): void {
    this.poll?.cancel();
    this.rearm?.cancel();
    this.poll = undefined;
  }

  private async switchOn(): Promise<void> {
    this.stateValue = 'on';
    this.highSince = undefined;
    await this.d.relay.set(true);
    this.ensurePolling();
  }

  private ensurePolling(): void {
    if (this.poll) return;
    this.poll = this.d.clock.setInterval(() => void this.tick(), this.d.timings.supervisionPollMs);
  }

  private async tick(): Promise<void> {
    if (this.busy) return; // a slow driver read must not pile up ticks
    this.busy = true;
    try {
      const [forwardW, reflectedW, temperatureC] = await Promise.all([
        this.d.forward.read(),
        this.d.reflected.read(),
        this.d.temperature.read(),
      ]);
      this.last = { forwardW, reflectedW, temperatureC };
      await this.checkTemperature(temperatureC);
      await this.checkReflected(reflectedW);
      if (this.stateValue === 'off' || this.stateValue === 'lockout') {
        // nothing to watch while the relay is off and the transmitter is cool
        if (!this.d.alarms.has('tx.overtemp')) this.stopPolling();
      }
    } catch (e) {
      this.d.alarms.raise('tx.sensor', 'power', `transmitter sensors unreadable: ${(e as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  private stopPolling(): void {
    this.poll?.cancel();
    this.poll = undefined;
  }

  private async checkTemperature(t: number): Promise<void> {
    const { overTempC, resumeTempC } = this.d.limits;
    if (t >= overTempC && this.stateValue !== 'overtemp' && this.stateValue !== 'lockout') {
      this.stateValue = 'overtemp';
      this.rearm?.cancel();
      await this.d.relay.set(false);
      this.d.alarms.raise(
        'tx.overtemp',
        'power',
        `transmitter over temperature (${t.toFixed(1)} °C ≥ ${overTempC} °C): off`,
        {
          temperatureC: t,
        },
      );
    } else if (this.stateValue === 'overtemp' && t <= resumeTempC) {
      this.d.alarms.clear('tx.overtemp', `transmitter cooled to ${t.toFixed(1)} °C`);
      this.stateValue = 'off';
      if (this.wanted) await this.switchOn();
    }
  }

  private async checkReflected(reflectedW: number): Promise<void> {
    if (this.stateValue !== 'on') {
      this.highSince = undefined;
      return;
    }
    const now = this.d.clock.monotonic();
    if (reflectedW <= this.d.limits.reflectedTripW) {
      this.highSince = undefined;
      return;
    }
    this.highSince ??= now;
    if (now - this.highSince >= this.d.timings.vswrTripMs) await this.trip(reflectedW);
  }

  private async trip(reflectedW: number): Promise<void> {
    await this.d.relay.set(false);
    const now = this.d.clock.now();
    this.trips = [...this.trips.filter((t) => now - t < this.d.timings.tripWindowMs), now];
    this.highSince = undefined;
    const details = { reflectedW, limitW: this.d.limits.reflectedTripW, trips: this.trips.length };
    this.d.events.emit({
      kind: 'tx.trip',
      severity: 'alarm',
      sub: 'power',
      message: `transmitter tripped: reflected power ${reflectedW.toFixed(1)} W over ${this.d.limits.reflectedTripW} W`,
      text: {
        key: 'ev.tx.trip',
        vars: { reflectedW: Number(reflectedW.toFixed(1)), limit: this.d.limits.reflectedTripW },
      },
      details,
    });
    if (this.trips.length >= this.d.timings.maxTrips) {
      this.lockedOut = true;
      this.stateValue = 'lockout';
      this.d.alarms.clear('tx.tripped', 'locked out');
      this.d.alarms.raise(
        'tx.lockout',
        'power',
        `transmitter locked out after ${this.trips.length} trips within ${this.d.timings.tripWindowMs / 60000} min; check the antenna, then reset`,
        details,
      );
    } else {
      this.stateValue = 'tripped';
      // off air until it re-arms: an active alarm, so status and watch do not say "none"
      this.d.alarms.raise(
        'tx.tripped',
        'power',
        `transmitter tripped on reflected power (${reflectedW.toFixed(1)} W > ${this.d.limits.reflectedTripW} W); re-arms in ${Math.round(this.d.timings.txRearmMs / 1000)} s`,
        details,
      );
      this.rearm = this.d.clock.setTimeout(() => void this.rearmNow(), this.d.timings.txRearmMs);
    }
    this.save();
  }

  private async rearmNow(): Promise<void> {
    this.rearm = undefined;
    this.d.alarms.clear('tx.tripped', 'transmitter re-armed');
    if (this.stateValue !== 'tripped') return;
    this.stateValue = 'off';
    this.d.events.emit({
      kind: 'tx.rearm',
      severity: 'info',
      sub: 'power',
      message: 'transmitter re-armed after trip',
      text: { key: 'ev.tx.rearm' },
    });
    if (this.wanted) await this.switchOn();
  }

  private save(): void {
    this.d.persist({ lockout: this.lockedOut, trips: [...this.trips] });
  }
}
