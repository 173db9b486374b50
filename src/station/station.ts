/**
 * The station: one composition root that wires the store, the hardware (by the board
 * profile), the transmitter guard, the power chain and the supervisor. Starts in the safe
 * state, restores what was commanded before a restart (a lockout survives), and powers down
 * in order on stop.
 */

import type { Clock } from '../core/clock.js';
import { Alarms } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { CommandRegistry } from '../core/registry.js';
import { type DriverFactory, Hal } from '../hal/hal.js';
import type { Profile } from '../hal/profile.js';
import { SimDriver } from '../hal/sim/index.js';
import type { SimStation } from '../hal/sim/model.js';
import type { DigitalOut } from '../hal/types.js';
import type { StationModule } from '../module/module.js';
import { type Commanded, PowerChain } from '../power/chain.js';
import { type SupervisedRelay, Supervisor } from '../power/supervisor.js';
import { TransmitterGuard } from '../power/transmitter.js';
import { CommandGate } from '../security/gate.js';
import { RateLimiter, type RateLimits } from '../security/ratelimit.js';
import { Store } from '../store/store.js';

export interface StationOptions {
  profile: Profile;
  dataDir: string;
  stationId: string;
  clock: Clock;
  log: Logger;
  drivers: DriverFactory[];
  modules?: StationModule[];
  maxEvents?: number;
  /** Commands per identity from outside (StationService, district); none: unlimited. */
  limits?: RateLimits;
}

/** Something that holds the power chain on behalf of the schedule or an emergency. */
export interface PowerHolder {
  /** The commanded state to persist while the chain is held: what it returns to afterwards. */
  baseline(current: Commanded): Commanded;
  /** A technician's explicit power on/off while held: the chain stays that way afterwards. */
  manualPower(on: boolean): void;
}

export class Station {
  readonly store: Store;
  readonly alarms: Alarms;
  /** Every command by name (core and modules): served by StationService, run by the uplink. */
  readonly commands = new CommandRegistry();
  /** How callers from outside run those commands: role, rate limit, validation, audit. */
  readonly gate: CommandGate;
  hal!: Hal;
  tx!: TransmitterGuard;
  chain!: PowerChain;
  supervisor!: Supervisor;
  readonly startedAt: number;
  private stopping: Promise<void> | undefined;
  private readonly started: StationModule[] = [];

  constructor(readonly o: StationOptions) {
    this.store = new Store({
      dataDir: o.dataDir,
      clock: o.clock,
      stationId: o.stationId,
      maxEvents: o.maxEvents ?? 5000,
    });
    this.alarms = new Alarms(this.store.events, () => o.clock.now());
    this.gate = new CommandGate(this.commands, {
      events: this.store.events,
      limiter: o.limits ? new RateLimiter(o.limits, o.clock) : undefined,
    });
    this.startedAt = o.clock.now();
    this.store.events.onEvent((e) => {
      const level = e.severity === 'alarm' ? 'warn' : 'info';
      o.log.child(e.sub)[level](e.message, { event: e.kind, seq: e.seq, ...e.details });
    });
  }

  get modules(): readonly StationModule[] {
    return this.o.modules ?? [];
  }

  get profile(): Profile {
    return this.o.profile;
  }

  get stationId(): string {
    return this.store.config.data.stationId;
  }

  /** The simulated plant, when the profile runs on the simulator (fault injection). */
  get sim(): SimStation | undefined {
    for (const d of this.hal.drivers.values()) if (d instanceof SimDriver) return d.station;
    return undefined;
  }

  async start(): Promise<void> {
    const { clock, log } = this.o;
    await this.store.open();
    this.hal = await Hal.open(this.o.profile, this.o.drivers, { clock, log: log.child('hal') });
    await this.hal.safeState();
    await this.selfTest();
    this.buildPower();
    const st = this.store.state.data;
    this.store.state.update((s) => {
      s.boots++;
    });
    this.chain.restore(st.power);
    this.supervisor.start();
    for (const m of this.modules) {
      await m.start(this);
      this.started.push(m);
    }
    this.store.events.emit({
      kind: 'station.start',
      severity: 'info',
      sub: 'station',
      message: `station ${this.stationId} started on profile ${this.o.profile.name}`,
      details: { profile: this.o.profile.name, restored: st.power, lockout: st.tx.lockout, boots: st.boots },
    });
    if (st.power.on) void this.chain.powerOn();
  }

  /**
   * Reads every input and analogue channel once and asks each driver for its health. A
   * channel that cannot be read raises `hal.selftest` (the station still starts: emergency
   * paths must keep working with a dead sensor); a missing device already failed Hal.open.
   */
  async selfTest(): Promise<string[]> {
    const problems: string[] = [];
    const channels = [...this.hal.inputs.values(), ...this.hal.analog.values()];
    for (const ch of channels) await ch.read().catch((e: Error) => problems.push(`${ch.name}: ${e.message}`));
    for (const d of this.hal.health())
      if (!d.ok) problems.push(`driver ${d.driver}: ${d.detail ?? 'not healthy'}`);
    if (problems.length)
      this.alarms.raise('hal.selftest', 'hal', `hardware self-test: ${problems.join('; ')}`, { problems });
    else this.alarms.clear('hal.selftest', 'hardware self-test passed');
    return problems;
  }

  /** Ordered power-down, outputs to the safe state, everything written. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  /**
   * Who holds the chain for a scheduled programme or an emergency (the schedule's PowerLink),
   * if anyone: while it does, the chain's commanded state is theirs, and what is persisted is
   * what the chain returns to afterwards — so a crash mid-programme never restarts a station
   * with its transmitter keyed for nothing.
   */
  powerHolder: PowerHolder | undefined;

  /** Persists the commanded state (called after every command). */
  saveCommanded(): void {
    const c = this.powerHolder?.baseline(this.chain.commanded) ?? this.chain.commanded;
    this.store.state.update((s) => {
      s.power = c;
    });
  }

  private async doStop(): Promise<void> {
    for (const m of [...this.started].reverse())
      await m
        .stop()
        .catch((e) => this.o.log.error(`module ${m.name} did not stop cleanly`, { error: String(e) }));
    this.supervisor?.stop();
    if (this.chain) await this.chain.shutdown();
    this.tx?.stop();
    if (this.hal) {
      await this.hal.safeState();
      await this.hal.close();
    }
    this.store.events.emit({
      kind: 'station.stop',
      severity: 'info',
      sub: 'station',
      message: 'station stopped, outputs safe',
    });
    await this.store.flush();
  }

  private buildPower(): void {
    const { clock } = this.o;
    const p = this.o.profile;
    const h = this.hal;
    const events = this.store.events;
    this.tx = new TransmitterGuard({
      relay: h.output('tx.power'),
      forward: h.analogIn('tx.forward_w'),
      reflected: h.analogIn('tx.reflected_w'),
      temperature: h.analogIn('tx.temperature_c'),
      clock,
      events,
      alarms: this.alarms,
      timings: p.timings,
      limits: p.transmitter,
      persisted: this.store.state.data.tx,
      persist: (tx) =>
        this.store.state.update((s) => {
          s.tx = tx;
        }),
    });
    const zones = new Map<number, DigitalOut>();
    for (const z of [...p.zones].sort((a, b) => a.id - b.id)) zones.set(z.id, h.output(z.relay));
    this.chain = new PowerChain({
      clock,
      events,
      timings: p.timings,
      tx: this.tx,
      ampPower: h.output('amp.power'),
      ampMute: h.output('amp.mute'),
      zones,
    });
    const relays: SupervisedRelay[] = [];
    for (const [name, spec] of Object.entries(p.outputs))
      if (spec.feedback) relays.push({ out: h.output(name), feedback: h.input(spec.feedback) });
    this.supervisor = new Supervisor({
      clock,
      alarms: this.alarms,
      timings: p.timings,
      relays,
      mains: h.input('mains.present'),
      chain: this.chain,
    });
  }
}
