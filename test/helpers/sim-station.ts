/** A station on the simulator with a manual clock and a temporary data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import type { SimStation } from '../../src/hal/sim/model.js';
import type { StationModule } from '../../src/module/module.js';
import { Station } from '../../src/station/station.js';

export interface SimHarness {
  clock: ManualClock;
  station: Station;
  sim: SimStation;
  dataDir: string;
  lines: string[];
  restart(): Promise<SimHarness>;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'loa-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startSimStation(
  opts: {
    dataDir?: string;
    clock?: ManualClock;
    tweak?: (p: Profile) => void;
    modules?: StationModule[];
    profile?: string;
  } = {},
): Promise<SimHarness> {
  const clock = opts.clock ?? new ManualClock();
  const dataDir = opts.dataDir ?? tempDir();
  const profile = loadProfile(opts.profile ?? 'sim');
  opts.tweak?.(profile);
  const { log, lines } = memoryLogger('sim-test');
  const station = new Station({
    profile,
    dataDir,
    stationId: 'sim-test',
    clock,
    log,
    drivers: await driverFactories(),
    ...(opts.modules ? { modules: opts.modules } : {}),
  });
  await station.start();
  const sim = station.sim;
  if (!sim) throw new Error('sim profile without a sim driver');
  const h: SimHarness = {
    clock,
    station,
    sim,
    dataDir,
    lines,
    async restart() {
      await drive(clock, station.stop());
      return startSimStation({ ...opts, dataDir, clock });
    },
    async cleanup() {
      await drive(clock, station.stop());
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Advances the manual clock in steps until the promise settles (bounded: 10 min of sim time). */
export async function drive<T>(clock: ManualClock, p: Promise<T>, stepMs = 50, maxMs = 600_000): Promise<T> {
  let done = false;
  let value: T | undefined;
  let error: unknown;
  p.then(
    (v) => {
      done = true;
      value = v;
    },
    (e) => {
      done = true;
      error = e ?? new Error('rejected');
    },
  );
  for (let t = 0; !done && t < maxMs; t += stepMs) {
    await clock.advance(stepMs);
    // the awaited work may also wait on real I/O (fsync of the store): give it real time too,
    // so a loaded machine cannot make simulated time run out first
    await new Promise((r) => setTimeout(r, 1));
  }
  if (!done) throw new Error(`did not settle within ${maxMs} ms of simulated time`);
  if (error) throw error;
  return value as T;
}
