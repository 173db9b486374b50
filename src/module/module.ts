/**
 * A subsystem that plugs into the station (media, audio, lines, schedule, diagnostics,
 * uplink, …). A module declares the ports it needs, may use and provides; the composition
 * root (station/station.ts) checks the order, starts modules one by one after the hardware,
 * the power chain and the core commands are up, and stops them in reverse before the ordered
 * power-down. A module sees only its context: never the whole station, never another module.
 */
import type { Registry } from 'prom-client';
import type { Clock } from '../core/clock.js';
import type { Alarms } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Port } from '../core/port.js';
import type { CommandRegistry, Handler } from '../core/registry.js';
import type { WakeTimer } from '../core/wake.js';
import type { Profile } from '../hal/profile.js';
import type { CommandGate } from '../security/gate.js';
import type { Store } from '../store/store.js';

/** What a module receives when it starts. */
export interface ModuleContext {
  readonly clock: Clock;
  readonly log: Logger;
  readonly stationId: string;
  /** The station's data directory (a module keeps its files there). */
  readonly dataDir: string;
  readonly profile: Profile;
  readonly store: Store;
  readonly alarms: Alarms;
  /** Every command by name (core commands are already registered when modules start). */
  readonly commands: CommandRegistry;
  /** How callers from outside run commands: role, rate limit, validation, audit. */
  readonly gate: CommandGate;
  /** Wakes at a wall-clock instant; the root chose it for the station's clock. */
  readonly wake: WakeTimer;
  /** A port this module declared in `needs`: provided before it starts (the root checked). */
  need<T>(port: Port<T>): T;
  /** A port this module declared in `wants`: undefined when no one provides it. */
  want<T>(port: Port<T>): T | undefined;
  /** Provides a port this module declared in `provides`. */
  provide<T>(port: Port<T>, value: T): void;
}

export interface StationModule {
  readonly name: string;
  /** Ports the module cannot start without: the station refuses to start, naming both. */
  readonly needs?: readonly Port<unknown>[];
  /** Ports the module uses when someone provides them. */
  readonly wants?: readonly Port<unknown>[];
  /** Ports the module provides while it runs (withdrawn before it stops). */
  readonly provides?: readonly Port<unknown>[];
  start(ctx: ModuleContext): Promise<void>;
  stop(): Promise<void>;
  /** Commands this module adds to the station's control API, by method name. */
  methods?(): Record<string, Handler>;
  /** This module's section of `status` (under its name). */
  status?(): unknown | Promise<unknown>;
  /**
   * Adds this module's Prometheus gauges to the station's registry; returns a function that
   * refreshes them before each scrape.
   */
  registerMetrics?(registry: Registry): (() => Promise<void> | void) | undefined;
}
