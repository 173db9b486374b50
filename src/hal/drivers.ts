/** Every driver this build can run; the board profile picks among them. */
import { firmataFactory } from './firmata/index.js';
import type { DriverFactory } from './hal.js';
import { onoffFactory } from './onoff/index.js';
import { simFactory } from './sim/index.js';

export function driverFactories(): DriverFactory[] {
  return [simFactory, onoffFactory, firmataFactory];
}
