/**
 * lines.report_{open,short,earth}_s — fault-to-report time in simulated time: the fault is
 *   injected on zone 2 of the sim station at 10 phases spread over one full-check interval
 *   (default settings); the figure is the worst of the 10, from injection to its alarm.
 * lines.isolate_short_ms — zones 1–4 on air, a short on zone 2 injected at 10 phases spread
 *   over one fast-check period; worst time until zone 2's relay feedback contact opens.
 * lines.cpu_percent_8_zones — the supervisor alone (default settings: fast check every 200 ms,
 *   full check every 30 s) on an 8-zone sim board with the real system clock: process CPU
 *   time (user + system, process.cpuUsage) over one 30 s real-time window that holds one full
 *   check and 150 fast checks, minus the same process idling for the same window, in % of one
 *   core. Includes the sim driver's reads and the history writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, ManualClock, SystemClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { Hal } from '../../src/hal/hal.js';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import type { FaultName } from '../../src/hal/sim/faults.js';
import type { SimStation } from '../../src/hal/sim/model.js';
import { HistoryLog } from '../../src/lines/history.js';
import { LinesModule, zoneSenses } from '../../src/lines/module.js';
import { defaultSettings } from '../../src/lines/settings.js';
import { LinesSupervisor } from '../../src/lines/supervisor.js';
import { Station } from '../../src/station/station.js';
import type { Figure } from '../figures.js';

const PHASES = 10;

async function simStation(clock: ManualClock, dir: string): Promise<{ station: Station; sim: SimStation }> {
  const station = new Station({
    profile: loadProfile('sim'),
    dataDir: dir,
    stationId: 'bench-lines',
    clock,
    log: memoryLogger('bench').log,
    drivers: await driverFactories(),
    modules: [new LinesModule({ dataDir: dir })],
  });
  await station.start();
  return { station, sim: station.sim as SimStation };
}

async function stopStation(clock: ManualClock, station: Station): Promise<void> {
  const p = station.stop();
  let done = false;
  void p.finally(() => {
    done = true;
  });
  for (let i = 0; !done && i < 20_000; i++) {
    await clock.advance(50);
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 5));
  }
  await p;
}

/** Simulated ms from injecting `fault` on zone 2 until `done()` holds, after `phaseMs` of running. */
async function timeToReport(
  fault: FaultName,
  phaseMs: number,
  onAirZones: number[],
  stepMs: number,
  done: (s: Station) => Promise<boolean>,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-lines-'));
  const clock = new ManualClock();
  const { station, sim } = await simStation(clock, dir);
  try {
    for (const z of onAirZones) await station.chain.setZone(z, true);
    if (onAirZones.length) void station.chain.powerOn();
    await clock.advance(10_000 + phaseMs); // start-up check done, chain up
    sim.inject({ name: fault, zone: 2 });
    const t0 = clock.monotonic();
    for (let t = 0; t < 300_000; t += stepMs) {
      if (await done(station)) return clock.monotonic() - t0;
      await clock.advance(stepMs);
    }
    throw new Error(`${fault} not reported within 300 s`);
  } finally {
    await stopStation(clock, station);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function worstReport(fault: FaultName, state: string): Promise<number> {
  const every = defaultSettings().checkEveryMs;
  const times: number[] = [];
  for (let k = 0; k < PHASES; k++)
    times.push(
      await timeToReport(fault, (k * every) / PHASES, [], 100, async (s) =>
        s.alarms.has(`lines.${state}:zone.2`),
      ),
    );
  return Math.max(...times);
}

async function worstIsolation(): Promise<number> {
  const fast = defaultSettings().fastMs;
  const times: number[] = [];
  for (let k = 0; k < PHASES; k++)
    times.push(
      await timeToReport('line-short', (k * fast) / PHASES, [1, 2, 3, 4], 5, async (s) => {
        return (await s.hal.feedback('zone.2')) === false;
      }),
    );
  return Math.max(...times);
}

/** The sim profile with zones 5–8 added, like 1–4. */
function eightZones(): Profile {
  const p = loadProfile('sim');
  for (let id = 5; id <= 8; id++) {
    p.outputs[`zone.${id}`] = { driver: 'sim', channel: `zone.${id}`, activeLow: false, safe: false };
    for (const [k, unit] of [
      ['line_v', 'V'],
      ['line_i', 'A'],
      ['earth_kohm', 'kΩ'],
    ] as const)
      p.analog[`zone.${id}.${k}`] = {
        driver: 'sim',
        channel: `zone.${id}.${k}`,
        unit,
        calibration: { scale: 1, offset: 0 },
        window: 1,
      };
    p.zones.push({
      id,
      name: `Thôn ${id}`,
      relay: `zone.${id}`,
      sense: {
        voltage: `zone.${id}.line_v`,
        current: `zone.${id}.line_i`,
        earthKohm: `zone.${id}.earth_kohm`,
      },
      speakers: { count: 10, tapW: 15, lineV: 100 },
    });
  }
  return p;
}

async function cpuMs(windowMs: number): Promise<number> {
  const c0 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, windowMs));
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function cpuPercent8Zones(): Promise<number> {
  const WINDOW_MS = 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-lines-cpu-'));
  const clock: Clock = new SystemClock();
  const profile = eightZones();
  const hal = await Hal.open(profile, await driverFactories(), { clock, log: memoryLogger('bench').log });
  const events = new MemoryEvents();
  const settings = defaultSettings();
  const sup = new LinesSupervisor({
    clock,
    zones: zoneSenses(hal, profile),
    events,
    alarms: new Alarms(events, () => clock.now()),
    history: new HistoryLog({ file: join(dir, 'lines-history.jsonl'), perZone: settings.historyPerZone }),
    settings: () => settings,
    baseline: () => undefined,
    saveBaselines: () => undefined,
    tone: hal.output('lines.test_tone'),
    programmeOnAir: () => false,
    localHour: () => 12,
  });
  try {
    const idle = await cpuMs(2_000);
    sup.start();
    const busy = await cpuMs(WINDOW_MS);
    return ((busy - (idle * WINDOW_MS) / 2_000) / WINDOW_MS) * 100;
  } finally {
    await sup.stop();
    await hal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  const s = (ms: number) => Math.round(ms / 100) / 10;
  const note = `worst of ${PHASES} phases over the check interval, simulated`;
  return [
    { name: 'lines.report_open_s', value: s(await worstReport('line-open', 'open')), unit: 's', note },
    { name: 'lines.report_short_s', value: s(await worstReport('line-short', 'short')), unit: 's', note },
    {
      name: 'lines.report_earth_s',
      value: s(await worstReport('earth-fault', 'earth-fault')),
      unit: 's',
      note,
    },
    {
      name: 'lines.isolate_short_ms',
      value: await worstIsolation(),
      unit: 'ms',
      note: `short to relay contact open, 4 zones on air, worst of ${PHASES}, simulated`,
    },
    {
      name: 'lines.cpu_percent_8_zones',
      value: Math.round((await cpuPercent8Zones()) * 100) / 100,
      unit: '%',
      note: 'process CPU over 30 s real time (1 full + 150 fast checks), minus idle, one core',
    },
  ];
}
