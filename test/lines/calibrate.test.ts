import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drive } from '../helpers/sim-station.js';
import { type LinesHarness, onAir, startLines, zoneOf } from './harness.js';

describe('commissioning: lines calibrate', () => {
  let h: LinesHarness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  it('records a baseline per zone under the test tone, checked against the configured speakers, and keeps it over a restart', async () => {
    h = await startLines();
    expect(zoneOf(h, 1).calibrated).toBe(false);
    const r = await drive(h.clock, h.lines.sup.calibrate([1, 2, 3, 4]));
    expect(r.map((x) => x.zone)).toEqual([1, 2, 3, 4]);
    // Z = 100² / (8 × 30 W) = 41.7 Ω on zone 1, 100² / (12 × 10 W) = 83.3 Ω on zone 4
    expect(r[0]?.baseline).toMatchObject({ method: 'tone', expectedOhm: 41.667 });
    expect(r[0]?.baseline.ohm).toBeCloseTo(41.67, 0);
    expect(r[3]?.baseline.ohm).toBeCloseTo(83.33, 0);
    expect(h.events('lines.calibrated')).toHaveLength(1);
    h = await h.restart();
    expect(zoneOf(h, 4)).toMatchObject({ calibrated: true, expectedOhm: 83.33 });
    expect(zoneOf(h, 4).baselineOhm).toBeCloseTo(83.33, 0);
    const doc = JSON.parse(readFileSync(join(h.dataDir, 'lines.json'), 'utf8'));
    expect(Object.keys(doc.baselines)).toEqual(['1', '2', '3', '4']);
  });

  it('refuses a shorted line with the reason and records nothing, for that zone or any other', async () => {
    h = await startLines();
    h.sim.inject({ name: 'line-short', zone: 2 });
    await expect(drive(h.clock, h.lines.sup.calibrate([1, 2, 3, 4]))).rejects.toThrow(
      /calibration refused, nothing recorded: zone 2: short circuit: reads 0\.4 Ω, expected 66\.7 Ω \(10 × 15 W at 100 V\)/,
    );
    for (const z of [1, 2, 3, 4]) expect(zoneOf(h, z).calibrated).toBe(false);
    expect(h.events('lines.calibrated')).toHaveLength(0);
  });

  it('refuses an open line (outside the measurable range), an earth fault, and a line far from its speakers', async () => {
    h = await startLines();
    h.sim.inject({ name: 'line-open', zone: 1 });
    await expect(drive(h.clock, h.lines.sup.calibrate([1]))).rejects.toThrow(
      /zone 1: outside the measurable range: 0 mA/,
    );
    h.sim.clear();
    h.sim.inject({ name: 'earth-fault', zone: 3 });
    await expect(drive(h.clock, h.lines.sup.calibrate([3]))).rejects.toThrow(
      /zone 3: earth fault: insulation 12 kΩ is below 50 kΩ/,
    );
    h.sim.clear();
    h.sim.inject({ name: 'speaker-missing', zone: 4, count: 7 }); // 5 of 12 left: 2.4 × expected
    await expect(drive(h.clock, h.lines.sup.calibrate([4]))).rejects.toThrow(
      /zone 4: reads 20\d Ω, far above the 83\.3 Ω expected from 12 × 10 W at 100 V/,
    );
    h.sim.clear();
    h.sim.inject({ name: 'sensor-fault', zone: 2 });
    await expect(drive(h.clock, h.lines.sup.calibrate([2]))).rejects.toThrow(/zone 2: sensor fault/);
    for (const z of [1, 2, 3, 4]) expect(zoneOf(h, z).calibrated).toBe(false);
  });

  it('refuses while a programme is on air (the check needs the audible test tone)', async () => {
    h = await startLines();
    await onAir(h, [1]);
    await expect(drive(h.clock, h.lines.sup.calibrate([1]))).rejects.toThrow(/a programme is on air/);
    expect(zoneOf(h, 1).calibrated).toBe(false);
  });

  it('without a test tone on the board, calibrates passively under the pilot and says so', async () => {
    h = await startLines({
      tweak: (p) => {
        delete p.outputs['lines.test_tone'];
      },
    });
    const r = await drive(h.clock, h.lines.sup.calibrate([1]));
    expect(r[0]?.baseline.method).toBe('passive');
    expect(h.lines.status().tone).toMatchObject({ available: false });
  });
});
