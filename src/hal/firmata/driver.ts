/**
 * The `firmata` driver: analogue sensing, contacts and fail-safe relays on a Firmata board
 * (hw/firmware/LoaFirmata) over USB serial. Missing at start is fatal (the station refuses to
 * start, naming the port). Lost later (unplugged, re-enumerated, silent), the driver reports
 * it, keeps the station running — the board's watchdog has already dropped its relays — and
 * reconnects by itself, then writes back what the station commands.
 */
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { Profile } from '../profile.js';
import type {
  AnalogIn,
  AnalogSpec,
  DigitalIn,
  DigitalOut,
  Driver,
  DriverHealth,
  InputSpec,
  OutputSpec,
} from '../types.js';
import type { FirmataOptions } from './options.js';
import { type AnalogPlan, PinPlan } from './plan.js';
import { Session } from './session.js';

export class FirmataDriver implements Driver {
  readonly kind = 'firmata' as const;
  readonly plan: PinPlan;
  private session: Session | undefined;
  private readonly commanded = new Map<number, boolean>();
  private missingSince: number | undefined;
  private lastReason = '';
  private retry: Timer | undefined;
  private closed = false;
  private trips = 0;
  private reconnects = 0;

  constructor(
    readonly id: string,
    readonly o: FirmataOptions,
    profile: Profile,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.plan = PinPlan.fromProfile(id, profile, o.inputPullup);
    for (const out of this.plan.outputs) this.commanded.set(out.pin, out.safe);
  }

  async open(): Promise<void> {
    try {
      await this.connect();
    } catch (e) {
      const names = [...this.plan.outputs, ...this.plan.inputs, ...this.plan.analog].map((x) => x.name);
      throw new LoaError(
        'HARDWARE',
        `drivers."${this.id}" (Firmata board): ${(e as Error).message}; channels on it: ${names.join(', ')}`,
      );
    }
  }

  get connected(): boolean {
    return this.session?.alive === true;
  }

  digitalOut(spec: OutputSpec): DigitalOut {
    const out = this.plan.outputs.find((o) => o.name === spec.name);
    if (!out) throw new LoaError('INTERNAL', `outputs."${spec.name}" is not planned on driver ${this.id}`);
    const d = this;
    return {
      name: spec.name,
      get commanded() {
        return d.commanded.get(out.pin) ?? out.safe;
      },
      async set(on: boolean) {
        d.commanded.set(out.pin, on);
        const s = d.session;
        if (s?.alive) return s.write(out.pin, on);
        // off needs no board: a missing board has dropped its relays already (watchdog)
        if (on) throw d.missing(`outputs."${spec.name}"`);
      },
    };
  }

  digitalIn(spec: InputSpec): DigitalIn {
    const inp = this.plan.inputs.find((i) => i.name === spec.name);
    if (!inp) throw new LoaError('INTERNAL', `inputs."${spec.name}" is not planned on driver ${this.id}`);
    return {
      name: spec.name,
      read: async () => {
        const v = this.connected ? this.plan.digitalValue(inp.pin) : undefined;
        if (v === undefined) throw this.missing(`inputs."${spec.name}"`);
        return (v === 1) !== spec.activeLow;
      },
    };
  }

  analogIn(spec: AnalogSpec): AnalogIn {
    const a = this.plan.analog.find((x) => x.name === spec.name) as AnalogPlan | undefined;
    if (!a) throw new LoaError('INTERNAL', `analog."${spec.name}" is not planned on driver ${this.id}`);
    return {
      name: spec.name,
      unit: spec.unit,
      read: async () => {
        const v = this.connected ? this.plan.analogValue(a) : undefined;
        if (v === undefined) throw this.missing(`analog."${spec.name}"`);
        return v;
      },
    };
  }

  health(): DriverHealth {
    const base = { driver: this.id, kind: 'firmata' as const };
    if (this.connected)
      return {
        ...base,
        ok: true,
        detail: `board on ${this.o.port}; reconnects ${this.reconnects}, watchdog trips ${this.trips}`,
      };
    const since =
      this.missingSince === undefined
        ? ''
        : ` since ${new Date(this.wallAt(this.missingSince)).toISOString()}`;
    return {
      ...base,
      ok: false,
      detail: `board MISSING on ${this.o.port}${since} (${this.lastReason}); retrying`,
    };
  }

  /** Safe levels to every output, written out, then the port closed. */
  async close(): Promise<void> {
    this.closed = true;
    this.retry?.cancel();
    const s = this.session;
    this.session = undefined;
    if (!s?.alive) return;
    for (const out of this.plan.outputs) {
      this.commanded.set(out.pin, out.safe);
      s.write(out.pin, out.safe);
    }
    await s.drain();
    s.end();
  }

  private async connect(): Promise<void> {
    const s = await Session.open(this.id, this.o, this.clock, {
      analog: (ch, raw) => this.plan.pushAnalog(ch, raw),
      digital: (pin, level) => this.plan.setDigital(pin, level),
      tripped: (n) => this.onTripped(n),
      lost: (reason) => this.onLost(s, reason),
    });
    try {
      this.plan.clearReadings();
      await s.configure(this.plan, this.o.handshakeTimeoutMs);
      for (const out of this.plan.outputs) s.write(out.pin, this.commanded.get(out.pin) ?? out.safe);
    } catch (e) {
      s.end();
      throw e;
    }
    this.session = s;
    const f = s.io.firmware;
    this.log.info('Firmata board ready', {
      driver: this.id,
      port: this.o.port,
      firmware: `${f.name ?? '?'} ${f.version?.major ?? '?'}.${f.version?.minor ?? '?'}`,
    });
  }

  private onLost(s: Session, reason: string): void {
    if (this.session !== s || this.closed) return;
    this.session = undefined;
    this.missingSince = this.clock.monotonic();
    this.lastReason = reason;
    this.plan.clearReadings();
    this.log.error('Firmata board missing: its relays are off; retrying', { driver: this.id, reason });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.retry = this.clock.setTimeout(() => void this.tryReconnect(), this.o.reconnectMs);
  }

  private async tryReconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
    } catch (e) {
      this.lastReason = (e as Error).message;
      if (!this.closed) this.scheduleRetry();
      return;
    }
    if (this.closed) return void this.session?.end();
    this.reconnects++;
    this.missingSince = undefined;
    this.log.warn('Firmata board back; outputs restored to their commanded levels', { driver: this.id });
  }

  private onTripped(n: number): void {
    this.trips = n;
    this.log.warn('Firmata board dropped its relays: host heartbeats stopped; restoring commanded levels', {
      driver: this.id,
      trips: n,
    });
    const s = this.session;
    if (s?.alive)
      for (const out of this.plan.outputs) s.write(out.pin, this.commanded.get(out.pin) ?? out.safe);
  }

  private missing(what: string): LoaError {
    const reason = this.connected
      ? 'no reading yet'
      : `board missing on ${this.o.port} (${this.lastReason || 'not connected'})`;
    return new LoaError('HARDWARE', `${what}: ${reason}`);
  }

  private wallAt(mono: number): number {
    return this.clock.now() - (this.clock.monotonic() - mono);
  }
}
