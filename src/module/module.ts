/**
 * A subsystem that plugs into the station (audio, schedule, lines, uplink, …). The station
 * starts modules in order after the hardware and the power chain are up, and stops them in
 * reverse before the ordered power-down. Each module may add local API methods and a
 * section to the status.
 */
import type { Handler } from '../core/registry.js';
import type { Station } from '../station/station.js';

export interface StationModule {
  readonly name: string;
  start(station: Station): Promise<void>;
  stop(): Promise<void>;
  /** Commands this module adds to the station's control API, by method name. */
  methods?(): Record<string, Handler>;
  /** This module's section of `status` (under its name). */
  status?(): unknown | Promise<unknown>;
  /**
   * Adds this module's Prometheus gauges to the station's registry; returns a function that
   * refreshes them before each scrape.
   */
  registerMetrics?(registry: import('prom-client').Registry): (() => Promise<void> | void) | undefined;
}
