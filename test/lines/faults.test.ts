import { afterEach, describe, expect, it } from 'vitest';
import { drive } from '../helpers/sim-station.js';
import { type LinesHarness, onAir, startLines, zoneOf } from './harness.js';

/** EN 54-16 §8.1.3 / §8.2.3: a line fault is indicated within 100 s. */
const REPORT_LIMIT_MS = 100_000;

describe('line faults on the sim: classified, reported within 100 s, only on their own zone', () => {
  let h: LinesHarness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  const cases = [
    { fault: { name: 'line-open' as const }, state: 'open' },
    { fault: { name: 'line-short' as const }, state: 'short' },
    { fault: { name: 'earth-fault' as const }, state: 'earth-fault' },
    { fault: { name: 'sensor-fault' as const }, state: 'sensor-fault' },
    { fault: { name: 'speaker-missing' as const, count: 3 }, state: 'degraded' },
  ];

  for (const c of cases)
    it(`${c.fault.name} on zone 2 reads ${c.state} and raises its alarm`, async () => {
      h = await startLines();
      await h.until(() => h?.lines.sup.checks === 1);
      await drive(h.clock, h.lines.sup.calibrate([1, 2, 3, 4]));
      await h.clock.advance(7_000); // somewhere inside the check cycle
      for (const z of [1, 2, 3, 4]) expect(zoneOf(h, z).state).toBe('ok');
      h.sim.inject({ ...c.fault, zone: 2 });
      const key = `lines.${c.state}:zone.2`;
      const took = await h.until(() => h?.station.alarms.has(key) ?? false, REPORT_LIMIT_MS);
      expect(took).toBeLessThanOrEqual(REPORT_LIMIT_MS);
      expect(zoneOf(h, 2).state).toBe(c.state);
      const ev = h.events('lines.state').at(-1);
      expect(ev?.details).toMatchObject({ zone: 2, from: 'ok', to: c.state });
      await h.clock.advance(35_000); // a further full check: the others stay ok
      for (const z of [1, 3, 4]) expect(zoneOf(h, z).state).toBe('ok');
      expect(h.station.alarms.list().map((a) => a.key)).toEqual([key]);

      h.sim.clear();
      await h.until(() => !h?.station.alarms.has(key), REPORT_LIMIT_MS);
      expect(zoneOf(h, 2).state).toBe('ok');
    });

  it('a short on zone 2 while zones 1, 3, 4 are on air isolates zone 2 within 1 s; the others keep playing', async () => {
    h = await startLines();
    await onAir(h, [1, 2, 3, 4]);
    await h.clock.advance(2_000);
    for (const z of [1, 2, 3, 4]) expect(zoneOf(h, z).output).toBe('present');
    h.sim.inject({ name: 'line-short', zone: 2 });
    const hal = h.station.hal;
    const took = await h.until(async () => (await hal.feedback('zone.2')) === false, 5_000, 10);
    expect(took).toBeLessThanOrEqual(1_000);
    expect(h.station.alarms.has('lines.short:zone.2')).toBe(true);
    await h.clock.advance(1_000);
    for (const name of ['zone.1', 'zone.3', 'zone.4']) {
      expect(hal.output(name).commanded).toBe(true);
      expect(await hal.feedback(name)).toBe(true);
    }
    expect(h.station.chain.state).toBe('on');
    expect(hal.output('amp.mute').commanded).toBe(false);
    expect(await hal.analogIn('amp.current_a').read()).toBeLessThan(5); // out of current limit (12 A)
    for (const z of [1, 3, 4]) expect(zoneOf(h, z)).toMatchObject({ state: 'ok', output: 'present' });
    expect(zoneOf(h, 2)).toMatchObject({ state: 'short', isolated: true });
    expect(h.station.chain.commanded.zones).toContain(2); // the operator's command is kept

    // the power chain re-sequencing does not close the isolated relay again
    await h.station.chain.setZone(2, true);
    await h.clock.advance(100);
    expect(await hal.feedback('zone.2')).toBe(false);

    h.sim.clear();
    await h.until(async () => (await hal.feedback('zone.2')) === true, 100_000);
    expect(zoneOf(h, 2)).toMatchObject({ state: 'ok', isolated: false });
    expect(h.station.alarms.has('lines.short:zone.2')).toBe(false);
  });

  it('an open line raises its fault and keeps the zone as commanded', async () => {
    h = await startLines();
    await onAir(h, [3]);
    h.sim.inject({ name: 'line-open', zone: 3 });
    await h.until(() => h?.station.alarms.has('lines.open:zone.3') ?? false, REPORT_LIMIT_MS);
    await h.clock.advance(5_000);
    expect(h.station.hal.output('zone.3').commanded).toBe(true);
    expect(await h.station.hal.feedback('zone.3')).toBe(true);
    expect(zoneOf(h, 3)).toMatchObject({ state: 'open', isolated: false, output: 'present' });
  });
});
