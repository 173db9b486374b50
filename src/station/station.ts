/**
 * The station: one composition root that wires the store, the hardware (by the board
 * profile), the transmitter guard, the power chain and the supervisor. Starts in the safe
 * state, restores what was commanded before a restart (a lockout survives), and powers down
 * in order on stop.
 */

import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import { Alarms } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Port } from '../core/port.js';
import { CommandRegistry } from '../core/registry.js';
import { ClockWake, type WakeTimer } from '../core/wake.js';
import { type DriverFactory, Hal } from '../hal/hal.js';
import { HAL } from '../hal/port.js';
import type { Profile } from '../hal/profile.js';
import { SimDriver } from '../hal/sim/index.js';
import type { SimStation } from '../hal/sim/model.js';
import type { DigitalOut } from '../hal/types.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { PortBoard } from '../module/ports.js';
import { AmpThermal } from '../power/amp-thermal.js';
import { PowerChain } from '../power/chain.js';
import { NoTransmitter } from '../power/no-transmitter.js';
import { FADER, POWER, POWER_HOLDER, type PowerHolder } from '../power/ports.js';
import { type SupervisedRelay, Supervisor } from '../power/supervisor.js';
import { type Transmitter, TransmitterGuard } from '../power/transmitter.js';
import { CommandGate } from '../security/gate.js';
import { RateLimiter, type RateLimits } from '../security/ratelimit.js';
import { Store } from '../store/store.js';
import { StoreAlarm } from '../store/store-alarm.js';
import { registerCoreCommands, StationControl } from './control.js';

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
  /**
   * How the schedule wakes at a wall-clock instant: the daemon passes node-schedule (it
   * survives waits longer than a timer's 24.8 days and clock steps); by default the clock's
   * own timers (ManualClock in tests).
   */
  wake?: WakeTimer;
}

/** Ports the core provides to every module, before any module starts. */
const CORE_PORTS: readonly Port<unknown>[] = [HAL, POWER];

interface Power {
  tx: Transmitter;
  chain: PowerChain;
  supervisor: Supervisor;
  /** The amplifier's temperature supervision, when the profile has its sensor. */
  ampThermal: AmpThermal | undefined;
}

export class Station {
  readonly store: Store;
  readonly alarms: Alarms;
  /** Every command by name (core and modules): served by StationService, run by the uplink. */
  readonly commands = new CommandRegistry();
  /** How callers from outside run those commands: role, rate limit, validation, audit. */
  readonly gate: CommandGate;
  /** The core commands (status, power, zone, …), registered before any module starts. */
  readonly control: StationControl;
  readonly startedAt: number;
  private hw: Hal | undefined;
  private power: Power | undefined;
  /** Who holds the chain (the schedule's PowerLink), while its module runs. */
  private holder: PowerHolder | undefined;
  private readonly board = new PortBoard();
  private stopping: Promise<void> | undefined;
  private readonly started: StationModule[] = [];
  /** A full or failing data disk raises an alarm; the station broadcasts on (store-alarm.ts). */
  private readonly storeAlarm: StoreAlarm;

  constructor(private readonly o: StationOptions) {
    PortBoard.check(o.modules ?? [], CORE_PORTS);
    this.store = new Store({
      dataDir: o.dataDir,
      clock: o.clock,
      stationId: o.stationId,
      maxEvents: o.maxEvents ?? 5000,
    });
    this.alarms = new Alarms(this.store.events, () => o.clock.now());
    this.storeAlarm = new StoreAlarm({
      stats: this.store.stats,
      alarms: this.alarms,
      clock: o.clock,
      dataDir: o.dataDir,
    });
    this.gate = new CommandGate(this.commands, {
      events: this.store.events,
      limiter: o.limits ? new RateLimiter(o.limits, o.clock) : undefined,
    });
    this.startedAt = o.clock.now();
    this.control = new StationControl(this);
    this.board.watch(FADER, (f) => this.chain.setFader(f));
    this.board.watch(POWER_HOLDER, (h) => {
      this.holder = h;
    });
    this.store.events.onEvent((e) => {
      const level = e.severity === 'alarm' ? 'warn' : 'info';
      o.log.child(e.sub)[level](e.message, { event: e.kind, seq: e.seq, ...e.details });
    });
  }

  get modules(): readonly StationModule[] {
    return this.o.modules ?? [];
  }

  get clock(): Clock {
    return this.o.clock;
  }

  get hal(): Hal {
    if (!this.hw) throw new Error('station not started');
    return this.hw;
  }

  get tx(): Transmitter {
    return this.powered().tx;
  }

  get chain(): PowerChain {
    return this.powered().chain;
  }

  get supervisor(): Supervisor {
    return this.powered().supervisor;
  }

  /** The amplifier's temperature supervision, when the profile has its sensor. */
  get ampThermal(): AmpThermal | undefined {
    return this.power?.ampThermal;
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
    this.storeAlarm.start();
    this.hw = await Hal.open(this.o.profile, this.o.drivers, { clock, log: log.child('hal') });
    await this.hw.safeState();
    await this.selfTest();
    this.power = this.buildPower(this.hw);
    const st = this.store.state.data;
    this.store.state.update((s) => {
      s.boots++;
    });
    this.chain.restore(st.power);
    this.supervisor.start();
    this.ampThermal?.start();
    registerCoreCommands(this.commands, this.control);
    await this.startModules();
    this.store.events.emit({
      kind: 'station.start',
      severity: 'info',
      sub: 'station',
      message: `station ${this.stationId} started on profile ${this.o.profile.name}`,
      text: { key: 'ev.station.start', vars: { id: this.stationId, profile: this.o.profile.name } },
      details: { profile: this.o.profile.name, restored: st.power, lockout: st.tx.lockout, boots: st.boots },
    });
    if (st.power.on) void this.chain.powerOn();
  }

  /** In list order (PortBoard.check made sure every needed port comes first); methods as each starts. */
  private async startModules(): Promise<void> {
    this.board.provide(HAL, this.hal, 'station');
    this.board.provide(POWER, { ...this.powered(), saveCommanded: () => this.saveCommanded() }, 'station');
    const base = {
      clock: this.o.clock,
      log: this.o.log,
      stationId: this.stationId,
      dataDir: this.o.dataDir,
      profile: this.o.profile,
      store: this.store,
      alarms: this.alarms,
      commands: this.commands,
      gate: this.gate,
      wake: this.o.wake ?? new ClockWake(this.o.clock),
    } satisfies Omit<ModuleContext, 'need' | 'want' | 'provide'>;
    for (const m of this.modules) {
      await m.start(this.board.contextFor(m, base));
      this.started.push(m);
      const missing = this.board.missing(m);
      if (missing.length)
        throw new LoaError(
          'CONFIG',
          `module "${m.name}" declared port(s) ${missing.join(', ')} but did not provide them`,
        );
      for (const [name, h] of Object.entries(m.methods?.() ?? {})) this.commands.register(name, h);
    }
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
   * Persists the commanded state (called after every command). While someone holds the chain
   * for a scheduled programme or an emergency (the schedule's PowerLink, port POWER_HOLDER),
   * the chain's commanded state is theirs, and what is persisted is what the chain returns to
   * afterwards — so a crash mid-programme never restarts a station with its transmitter keyed
   * for nothing.
   */
  saveCommanded(): void {
    const c = this.holder?.baseline(this.chain.commanded) ?? this.chain.commanded;
    this.store.state.update((s) => {
      s.power = c;
    });
  }

  /** A technician's explicit power on/off: the power holder, if any, keeps it that way afterwards. */
  manualPower(on: boolean): void {
    this.holder?.manualPower(on);
  }

  private powered(): Power {
    if (!this.power) throw new Error('station not started');
    return this.power;
  }

  private async doStop(): Promise<void> {
    for (const m of [...this.started].reverse()) {
      this.board.withdraw(m.name);
      await m
        .stop()
        .catch((e) => this.o.log.error(`module ${m.name} did not stop cleanly`, { error: String(e) }));
    }
    this.storeAlarm.stop();
    this.power?.supervisor.stop();
    this.power?.ampThermal?.stop();
    if (this.power) await this.power.chain.shutdown();
    this.power?.tx.stop();
    if (this.hw) {
      await this.hw.safeState();
      await this.hw.close();
    }
    this.store.events.emit({
      kind: 'station.stop',
      severity: 'info',
      sub: 'station',
      message: 'station stopped, outputs safe',
      text: { key: 'ev.station.stop' },
    });
    await this.store.flush();
  }

  /** The transmitter guard on its relay and sensors (a profile without one: NoTransmitter). */
  private buildTransmitter(h: Hal): TransmitterGuard {
    const p = this.o.profile;
    return new TransmitterGuard({
      relay: h.output('tx.power'),
      forward: h.analogIn('tx.forward_w'),
      reflected: h.analogIn('tx.reflected_w'),
      temperature: h.analogIn('tx.temperature_c'),
      clock: this.o.clock,
      events: this.store.events,
      alarms: this.alarms,
      timings: p.timings,
      limits: p.transmitter,
      persisted: this.store.state.data.tx,
      persist: (tx) =>
        this.store.state.update((s) => {
          s.tx = tx;
        }),
    });
  }

  private buildPower(h: Hal): Power {
    const { clock } = this.o;
    const p = this.o.profile;
    const events = this.store.events;
    const tx = p.transmitter.present ? this.buildTransmitter(h) : new NoTransmitter(p.name);
    const zones = new Map<number, DigitalOut>();
    for (const z of [...p.zones].sort((a, b) => a.id - b.id)) zones.set(z.id, h.output(z.relay));
    const chain = new PowerChain({
      clock,
      events,
      timings: p.timings,
      tx,
      ampPower: h.output('amp.power'),
      ampMute: h.output('amp.mute'),
      zones,
    });
    const relays: SupervisedRelay[] = [];
    for (const [name, spec] of Object.entries(p.outputs))
      if (spec.feedback) relays.push({ out: h.output(name), feedback: h.input(spec.feedback) });
    const supervisor = new Supervisor({
      clock,
      alarms: this.alarms,
      timings: p.timings,
      relays,
      mains: h.input('mains.present'),
      chain,
    });
    const ampSensor = h.analog.get('amp.temperature_c');
    const ampThermal = ampSensor
      ? new AmpThermal({ clock, alarms: this.alarms, chain, sensor: ampSensor, limits: p.amplifier })
      : undefined;
    return { tx, chain, supervisor, ampThermal };
  }
}
