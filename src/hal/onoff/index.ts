/** The `onoff` driver factory: options validated like every other profile section. */
import { z } from 'zod';
import { LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';
import type { DriverFactory } from '../hal.js';
import { OnoffDriver } from './driver.js';

const onoffOptions = z.strictObject({
  kind: z.literal('onoff'),
  /** udev may take a moment to give gpioN/ its permissions (raspberrypi/linux#553). */
  exportTimeoutMs: z.number().int().min(10).max(30_000).default(2000),
  pollMs: z.number().int().min(5).max(1000).default(20),
});

export const onoffFactory: DriverFactory = {
  kind: 'onoff',
  create(id, config, ctx) {
    const r = onoffOptions.safeParse(config, { reportInput: true });
    if (!r.success) throw new LoaError('CONFIG', `drivers."${id}": ${formatIssues(r.error.issues)}`);
    return new OnoffDriver(id, r.data, ctx.profile, ctx.clock, ctx.log.child('gpio'));
  },
};

export { OnoffDriver } from './driver.js';
