/** Every driver this build can run; the board profile picks among them. */
import type { DriverFactory } from './hal.js';
import { simFactory } from './sim/index.js';

export function driverFactories(): DriverFactory[] {
  return [simFactory];
}
