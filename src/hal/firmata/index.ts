/** The `firmata` driver factory: options validated like every other profile section. */
import type { DriverFactory } from '../hal.js';
import { FirmataDriver } from './driver.js';
import { parseFirmataOptions } from './options.js';

export const firmataFactory: DriverFactory = {
  kind: 'firmata',
  create(id, config, ctx) {
    return new FirmataDriver(
      id,
      parseFirmataOptions(id, config),
      ctx.profile,
      ctx.clock,
      ctx.log.child('firmata'),
    );
  },
};

export { FirmataDriver } from './driver.js';
