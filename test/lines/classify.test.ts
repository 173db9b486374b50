import { describe, expect, it } from 'vitest';
import { classify, Debounce, type Thresholds } from '../../src/lines/classify.js';
import { detectability, expectedOhm, missingRise } from '../../src/lines/expected.js';
import { impedance, type Reading } from '../../src/lines/measure.js';

const t: Thresholds = {
  refOhm: 100,
  calibrated: true,
  tolerance: 0.2,
  hysteresis: 0.2,
  earthFaultKohm: 50,
  shortFraction: 0.2,
  openFactor: 4,
  currentStepA: 0.001,
};

/** A reading of `ohm` under 10 V with 1 mA resolution and the given insulation. */
function reading(ohm: number, earthKohm = 2000): Reading {
  const v = 10;
  const i = Number.isFinite(ohm) ? v / ohm : 0;
  return { v, i, earthKohm, method: 'tone', ...impedance(v, i, 0.0001) };
}

describe('classification of one reading', () => {
  it('names open, short, earth fault, degraded and ok by their thresholds', () => {
    expect(classify(reading(Number.POSITIVE_INFINITY), 'ok', t)).toBe('open');
    expect(classify(reading(450), 'ok', t)).toBe('open');
    expect(classify(reading(19), 'ok', t)).toBe('short');
    expect(classify(reading(100, 49), 'ok', t)).toBe('earth-fault');
    expect(classify(reading(100, 51), 'ok', t)).toBe('ok');
    expect(classify(reading(121), 'ok', t)).toBe('degraded');
    expect(classify(reading(79), 'ok', t)).toBe('degraded');
    expect(classify(reading(119), 'ok', t)).toBe('ok');
    expect(classify({ ...reading(100), sensorFault: 'no signal' }, 'ok', t)).toBe('sensor-fault');
  });

  it('leaves a state only once the reading is back inside by the hysteresis', () => {
    expect(classify(reading(118), 'degraded', t)).toBe('degraded'); // needs < +16 %
    expect(classify(reading(115), 'degraded', t)).toBe('ok');
    expect(classify(reading(100, 55), 'earth-fault', t)).toBe('earth-fault'); // needs > 60 kΩ
    expect(classify(reading(100, 61), 'earth-fault', t)).toBe('ok');
    expect(classify(reading(22), 'short', t)).toBe('short'); // needs > 24 Ω
    expect(classify(reading(370), 'open', t)).toBe('open'); // needs < 333 Ω
  });

  it('cannot tell ok from degraded when the reading is coarser than the margin', () => {
    const coarse = { ...reading(118), quantisation: 0.05 };
    expect(classify(coarse, 'ok', t)).toBe('unresolved');
    expect(classify({ ...reading(140), quantisation: 0.05 }, 'ok', t)).toBe('degraded');
    expect(classify({ ...reading(118), quantisation: 0.05 }, 'ok', { ...t, calibrated: false })).toBe('ok');
  });

  it('debounces: a fault needs 2 of the last 3 readings, a return to ok all 3', () => {
    const d = new Debounce();
    expect(d.push('ok', 'unknown')).toBeUndefined();
    expect(d.push('ok', 'unknown')).toBe('ok');
    expect(d.push('open', 'ok')).toBeUndefined(); // one bad reading changes nothing
    expect(d.push('ok', 'ok')).toBeUndefined(); // still ok
    expect(d.push('open', 'ok')).toBe('open'); // 2 of 3
    // an intermittent line alternating ok/open stays open
    expect(d.push('ok', 'open')).toBeUndefined();
    expect(d.push('open', 'open')).toBe('open');
    expect(d.push('ok', 'open')).toBeUndefined();
    expect(d.push('ok', 'open')).toBeUndefined();
    expect(d.push('ok', 'open')).toBe('ok'); // 3 of 3
  });
});

describe('what a line can show', () => {
  it('computes the expected impedance of a 100 V line from its speakers', () => {
    expect(expectedOhm({ count: 8, tapW: 30, lineV: 100 })).toBeCloseTo(41.667, 3);
    expect(expectedOhm({ count: 10, tapW: 15, lineV: 70 })).toBeCloseTo(32.667, 3);
  });

  it('one missing speaker of N shows as +1/(N−1): beyond ±10 % only for N ≤ 10 (11 is on the limit), ±20 % N ≤ 5', () => {
    expect(missingRise(11, 1)).toBeCloseTo(0.1, 9);
    expect(detectability(10, 0.1).detectsOneMissingSpeaker).toBe(true);
    expect(detectability(11, 0.1).detectsOneMissingSpeaker).toBe(false);
    expect(detectability(5, 0.2).detectsOneMissingSpeaker).toBe(true);
    expect(detectability(6, 0.2).detectsOneMissingSpeaker).toBe(false);
    expect(detectability(12, 0.2)).toMatchObject({ minMissingDetected: 3, oneMissingPct: 9.1 });
    expect(detectability(40, 0.2).minMissingDetected).toBe(7); // 40/33 = +21 %
  });
});
