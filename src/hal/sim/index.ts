/** The `sim` driver factory: options validated like every other profile section. */
import { z } from 'zod';
import { LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';
import type { DriverFactory } from '../hal.js';
import { SimDriver } from './driver.js';
import { defaultSimOptions, SimStation } from './model.js';

const simOptions = z.strictObject({
  kind: z.literal('sim'),
  relaySwitchMs: z.number().int().min(0).max(1000).default(defaultSimOptions.relaySwitchMs),
  ambientC: z.number().min(-20).max(60).default(defaultSimOptions.ambientC),
  txRatedW: z.number().positive().max(10_000).default(defaultSimOptions.txRatedW),
  txRiseC: z.number().min(0).max(100).default(defaultSimOptions.txRiseC),
  txThermalTauS: z.number().positive().max(3600).default(defaultSimOptions.txThermalTauS),
  ampIdleA: z.number().min(0).max(50).default(defaultSimOptions.ampIdleA),
  ampPerZoneA: z.number().min(0).max(50).default(defaultSimOptions.ampPerZoneA),
  pilotV: z.number().positive().max(50).default(defaultSimOptions.pilotV),
  testToneV: z.number().positive().max(100).default(defaultSimOptions.testToneV),
  programmeV: z.number().min(0).max(200).default(defaultSimOptions.programmeV),
  lineAdcStepA: z.number().min(0).max(1).default(defaultSimOptions.lineAdcStepA),
  healthyEarthKohm: z.number().positive().max(100_000).default(defaultSimOptions.healthyEarthKohm),
});

export const simFactory: DriverFactory = {
  kind: 'sim',
  create(id, config, ctx) {
    const r = simOptions.safeParse(config, { reportInput: true });
    if (!r.success) throw new LoaError('CONFIG', `drivers."${id}": ${formatIssues(r.error.issues)}`);
    const { kind: _kind, ...options } = r.data;
    return new SimDriver(id, new SimStation(ctx.clock, ctx.profile.zones, options));
  },
};

export { SimDriver } from './driver.js';
export { FAULT_NAMES, type Fault, type FaultName, faultKey, parseFault } from './faults.js';
export { SimStation, TEST_TONE_CHANNEL } from './model.js';
