/** A sim station with the lines module on a manual clock, and helpers to wait in simulated time. */
import { rmSync } from 'node:fs';
import { ManualClock } from '../../src/core/clock.js';
import type { StationEvent } from '../../src/core/events.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import type { SimStation } from '../../src/hal/sim/model.js';
import { LinesModule } from '../../src/lines/module.js';
import type { LinesSettings } from '../../src/lines/settings.js';
import { Station } from '../../src/station/station.js';
import { drive, tempDir } from '../helpers/sim-station.js';

export interface LinesHarness {
  clock: ManualClock;
  station: Station;
  sim: SimStation;
  lines: LinesModule;
  dataDir: string;
  events(kind?: string): StationEvent[];
  /** Advances in steps until pred() holds; returns the simulated ms it took (throws past maxMs). */
  until(pred: () => boolean | Promise<boolean>, maxMs?: number, stepMs?: number): Promise<number>;
  restart(): Promise<LinesHarness>;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<LinesSettings>;
  tweak?: (p: Profile) => void;
  dataDir?: string;
  clock?: ManualClock;
}

export async function startLines(o: HarnessOptions = {}): Promise<LinesHarness> {
  const clock = o.clock ?? new ManualClock();
  const dataDir = o.dataDir ?? tempDir('loa-lines-');
  const profile = loadProfile('sim');
  o.tweak?.(profile);
  const lines = new LinesModule({ dataDir, ...(o.settings ? { settings: o.settings } : {}) });
  const station = new Station({
    profile,
    dataDir,
    stationId: 'lines-test',
    clock,
    log: memoryLogger('lines-test').log,
    drivers: await driverFactories(),
    modules: [lines],
  });
  await station.start();
  const sim = station.sim as SimStation;
  const h: LinesHarness = {
    clock,
    station,
    sim,
    lines,
    dataDir,
    events: (kind) => station.store.events.query({ limit: 10_000, ...(kind ? { kinds: [kind] } : {}) }),
    async until(pred, maxMs = 200_000, stepMs = 50) {
      const t0 = clock.monotonic();
      for (let t = 0; t <= maxMs; t += stepMs) {
        if (await pred()) return clock.monotonic() - t0;
        await clock.advance(stepMs);
      }
      throw new Error(`condition not met within ${maxMs} ms of simulated time`);
    },
    async restart() {
      await driveWithIo(clock, station.stop());
      return startLines({ ...o, dataDir, clock });
    },
    async cleanup() {
      await driveWithIo(clock, station.stop());
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * Like `drive`, for promises that also wait on the disk (a stop flushes the store and the line
 * history): between simulated steps it gives real time to file I/O, so a loaded machine's slow
 * fsync does not exhaust the simulated-time bound (10 min simulated, ≤ 6 s real of waiting).
 */
export async function driveWithIo<T>(clock: ManualClock, p: Promise<T>): Promise<T> {
  let done = false;
  const settled = p.finally(() => {
    done = true;
  });
  settled.catch(() => undefined);
  for (let step = 0; !done && step < 12_000; step++) {
    await clock.advance(50);
    if (step % 20 === 19) await new Promise((r) => setTimeout(r, 10));
  }
  if (!done) throw new Error('did not settle within 10 min of simulated time');
  return settled;
}

export function zoneOf(h: LinesHarness, id: number) {
  const z = h.lines.status().zones.find((x) => x.id === id);
  if (!z) throw new Error(`no zone ${id}`);
  return z;
}

/** Powers the chain up with the given zones on air. */
export async function onAir(h: LinesHarness, zones: number[]): Promise<void> {
  for (const z of zones) await h.station.chain.setZone(z, true);
  await drive(h.clock, h.station.chain.powerOn());
}
