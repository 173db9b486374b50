import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { Hal } from '../../src/hal/hal.js';
import { loadProfile } from '../../src/hal/profile.js';
import type { SimDriver } from '../../src/hal/sim/index.js';
import { HistoryLog } from '../../src/lines/history.js';
import { zoneSenses } from '../../src/lines/module.js';
import { type Baseline, defaultSettings } from '../../src/lines/settings.js';
import { LinesSupervisor } from '../../src/lines/supervisor.js';
import { drive, tempDir } from '../helpers/sim-station.js';

const HOUR = 3_600_000;

/** The supervisor alone on the sim's hardware (no power chain): days of checks run in seconds. */
async function bareSupervisor(dir: string, perZone: number) {
  const clock = new ManualClock();
  const profile = loadProfile('sim');
  const hal = await Hal.open(profile, await driverFactories(), { clock, log: memoryLogger().log });
  const sim = (hal.drivers.get('sim') as SimDriver).station;
  const events = new MemoryEvents();
  const history = new HistoryLog({ file: join(dir, 'lines-history.jsonl'), perZone });
  const baselines: Record<number, Baseline> = {};
  const settings = defaultSettings({ fastMs: 60_000, checkEveryMs: 60_000, historyEveryMs: HOUR });
  const sup = new LinesSupervisor({
    clock,
    zones: zoneSenses(hal, profile),
    events,
    alarms: new Alarms(events, () => clock.now()),
    history,
    settings: () => settings,
    baseline: (id) => baselines[id],
    saveBaselines: (b) => Object.assign(baselines, b),
    tone: hal.output('lines.test_tone'),
    programmeOnAir: () => false,
    localHour: () => 12,
  });
  return { clock, hal, sim, sup, history, events };
}

describe('measurement history and trend', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('shows a slow drift over days as % per day, keeps a bounded history, and reloads it', async () => {
    const dir = tempDir('loa-lines-hist-');
    dirs.push(dir);
    const b = await bareSupervisor(dir, 60);
    await drive(b.clock, b.sup.calibrate([1, 2, 3, 4]));
    b.sup.start();
    for (let h = 1; h <= 4 * 24; h++) {
      b.sim.setLineDrift(1, 1 + (0.01 * h) / 24); // +1 % a day: water creeping into a junction box
      await b.clock.advance(HOUR);
    }
    await b.clock.advance(5_000); // let the check in progress finish: stop then waits only on the disk
    await b.sup.stop();
    const now = b.clock.now();
    const z1 = b.history.trend(1, now, 7 * 24 * HOUR, 41.67);
    const z2 = b.history.trend(2, now, 7 * 24 * HOUR, 66.67);
    expect(z1?.ohmPctPerDay).toBeGreaterThan(0.8);
    expect(z1?.ohmPctPerDay).toBeLessThan(1.2);
    expect(Math.abs(z2?.ohmPctPerDay ?? 99)).toBeLessThan(0.2);
    expect(b.history.list(1)).toHaveLength(60); // bounded per zone
    const fileLines = readFileSync(join(dir, 'lines-history.jsonl'), 'utf8').trim().split('\n').length;
    expect(fileLines).toBeLessThanOrEqual(2 * 4 * 60); // compacted, not growing without end
    const again = new HistoryLog({ file: join(dir, 'lines-history.jsonl'), perZone: 60 });
    await again.load();
    expect(again.list(1)).toEqual(b.history.list(1));
    await b.hal.close();
  });

  it('skips a damaged line in the history file instead of failing', async () => {
    const dir = tempDir('loa-lines-hist-');
    dirs.push(dir);
    const file = join(dir, 'lines-history.jsonl');
    const good = { zone: 1, t: 1, ohm: 41.7, earthKohm: 2000, state: 'ok', method: 'tone' };
    writeFileSync(file, `${JSON.stringify(good)}\n{"zone":1,"t":2,"oh\n`);
    const h = new HistoryLog({ file, perZone: 10 });
    expect(await h.load()).toEqual({ entries: 1, badLines: 1 });
    expect(h.list(1)).toEqual([good]);
  });

  it('reports no trend from less than 12 hours of readings', () => {
    const h = new HistoryLog({ file: '/nonexistent/never-written', perZone: 10 });
    expect(h.trend(1, 0, HOUR, 40)).toBeUndefined();
  });
});
