/**
 * Every driver this build can run; the board profile picks among them. Each is loaded only when
 * a profile names it: firmata brings johnny-five and serialport, onoff its epoll addon, and a
 * station pays for them in memory from start to stop (measured on Node 24: importing
 * johnny-five alone takes the process from 43 to 60 MB RSS, serialport to 61 MB; docs/operations.md
 * "Memory"), so a GPIO board does not carry the Arduino stack and the reverse.
 */
import type { DriverFactory } from './hal.js';
import type { Profile } from './profile.js';
import type { DriverKind } from './types.js';

const LOADERS: Record<DriverKind, () => Promise<DriverFactory>> = {
  sim: async () => (await import('./sim/index.js')).simFactory,
  onoff: async () => (await import('./onoff/index.js')).onoffFactory,
  firmata: async () => (await import('./firmata/index.js')).firmataFactory,
};

/** The factories of the drivers the profile names (each kind loaded once). */
export async function driverFactoriesFor(profile: Profile): Promise<DriverFactory[]> {
  const kinds = new Set(Object.values(profile.drivers).map((d) => d.kind));
  return Promise.all([...kinds].map((k) => LOADERS[k]()));
}

/** Every driver kind (a test or a tool that builds several boards). */
export async function driverFactories(): Promise<DriverFactory[]> {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}
