/**
 * A whole station on the simulator (real power chain, relays with feedback contacts, the
 * emergency button) with the schedule module, a fake audio engine and an injectable clock
 * probe, on a ManualClock. For spans of minutes to hours; weeks run on the runner harness.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { loadProfile } from '../../src/hal/profile.js';
import type { SimStation } from '../../src/hal/sim/model.js';
import type { SyncState } from '../../src/schedule/clock-gate.js';
import { ScheduleModule } from '../../src/schedule/module.js';
import type { ScheduleSettings } from '../../src/schedule/settings.js';
import { Station } from '../../src/station/station.js';
import { FakeOnAir } from '../helpers/fake-onair.js';
import { drive, tempDir } from '../helpers/sim-station.js';

export interface ScheduleStation {
  clock: ManualClock;
  station: Station;
  sim: SimStation;
  mod: ScheduleModule;
  port: FakeOnAir;
  dataDir: string;
  sync: { state: SyncState };
  call(method: string, params?: unknown): Promise<unknown>;
  restart(at?: number): Promise<ScheduleStation>;
  cleanup(): Promise<void>;
}

export interface Options {
  start?: number;
  dataDir?: string;
  settings?: Partial<ScheduleSettings>;
  lengths?: Record<string, number>;
  sync?: SyncState;
}

export async function scheduleStation(o: Options = {}): Promise<ScheduleStation> {
  const clock = new ManualClock(o.start);
  const dataDir = o.dataDir ?? tempDir('loa-sched-');
  mkdirSync(dataDir, { recursive: true });
  if (o.settings !== undefined || !o.dataDir)
    writeFileSync(
      join(dataDir, 'schedule-settings.json'),
      JSON.stringify({ schema: 1, startLeadMs: 0, ...o.settings }),
    );
  const profile = loadProfile('sim');
  profile.timings.supervisionPollMs = 1000; // fewer timer fires per simulated hour
  const port = new FakeOnAir(clock, { [join(dataDir, 'attention.wav')]: 1500, ...o.lengths });
  const sync = { state: o.sync ?? ('synchronised' as SyncState) };
  const mod = new ScheduleModule({ port, probe: async () => sync.state });
  const { log } = memoryLogger('sched-test');
  const station = new Station({
    profile,
    dataDir,
    stationId: 'sched-test',
    clock,
    log,
    drivers: await driverFactories(),
    modules: [mod],
  });
  await drive(clock, station.start(), 10);
  const sim = station.sim as SimStation;
  const methods = mod.methods();
  const h: ScheduleStation = {
    clock,
    station,
    sim,
    mod,
    port,
    dataDir,
    sync,
    async call(method, params) {
      const fn = methods[method];
      if (!fn) throw new Error(`no method ${method}`);
      return fn(params);
    },
    async restart(at) {
      await drive(clock, station.stop(), 10);
      const next = await scheduleStation({ ...o, dataDir, start: at ?? clock.now(), settings: undefined });
      const owned = !o.dataDir;
      const cleanup = next.cleanup;
      next.cleanup = async () => {
        await cleanup();
        if (owned) rmSync(dataDir, { recursive: true, force: true });
      };
      return next;
    },
    async cleanup() {
      await drive(clock, station.stop(), 10);
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
