import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Reading } from '../../src/lines/measure.js';
import { drive } from '../helpers/sim-station.js';
import { type LinesHarness, onAir, startLines, zoneOf } from './harness.js';

/** Records every switch of the test tone with whether the power chain was up at the time. */
function recordTone(h: LinesHarness): Array<{ on: boolean; chain: string; t: number }> {
  const out = h.station.hal.output('lines.test_tone');
  const orig = out.set.bind(out);
  const log: Array<{ on: boolean; chain: string; t: number }> = [];
  out.set = async (on: boolean) => {
    log.push({ on, chain: h.station.chain.state, t: h.clock.monotonic() });
    await orig(on);
  };
  return log;
}

describe('when the audible test tone may sound', () => {
  let h: LinesHarness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  it('never during a programme; passive checks go on meanwhile; the tone comes back after it', async () => {
    h = await startLines();
    await h.until(() => h?.lines.sup.checks === 1);
    expect(h.lines.status().tone.lastAt).not.toBeNull(); // the start-up check used the tone
    const tone = recordTone(h);
    await onAir(h, [1, 2]);
    const before = h.lines.sup.checks;
    await h.clock.advance(90 * 60_000); // a 90-minute programme; the hourly tone falls due inside it
    expect(tone.filter((e) => e.on)).toEqual([]);
    expect(h.lines.sup.checks - before).toBeGreaterThanOrEqual(170); // every 30 s, passively
    expect(zoneOf(h, 1).method).toBe('passive');
    expect(h.lines.status().tone.blockedBy).toBe('a programme is on air');
    await drive(h.clock, h.station.chain.powerOff());
    await h.clock.advance(31_000);
    const on = tone.filter((e) => e.on);
    expect(on.length).toBe(1);
    expect(on[0]?.chain).toBe('off');
    expect(zoneOf(h, 1).method).toBe('tone');
  });

  it('another module can hold the tone off (e.g. a schedule pre-roll) while the chain is still off', async () => {
    h = await startLines({ settings: { toneEveryMs: 60_000 } });
    await h.until(() => h?.lines.sup.checks === 1);
    const tone = recordTone(h);
    h.lines.setProgrammeOnAir('schedule', true);
    await h.clock.advance(5 * 60_000);
    expect(tone.filter((e) => e.on)).toEqual([]);
    await expect(drive(h.clock, h.lines.sup.calibrate([1]))).rejects.toThrow(/programme is on air/);
    h.lines.setProgrammeOnAir('schedule', false);
    await h.clock.advance(61_000);
    expect(tone.filter((e) => e.on).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps scheduled tones to daytime hours; a technician may still run one', async () => {
    // 15:00 UTC = 22:00 in Asia/Ho_Chi_Minh, outside the default 7–21 h
    h = await startLines({ clock: new ManualClock(Date.UTC(2026, 0, 5, 15, 0, 0)) });
    const tone = recordTone(h);
    await h.until(() => h?.lines.sup.checks === 1);
    expect(tone.filter((e) => e.on)).toEqual([]);
    expect(h.lines.status().tone.blockedBy).toBe('outside the tone hours 7–21');
    const r = await drive(h.clock, h.lines.sup.check({ command: true }));
    expect(r.method).toBe('tone');
    expect(tone.filter((e) => e.on).length).toBe(1);
  });

  it('tone "never": every check is passive, and says why', async () => {
    h = await startLines({ settings: { tone: 'never' } });
    const r = await drive(h.clock, h.lines.sup.check({ command: true }));
    expect(r).toMatchObject({ method: 'passive', toneSkipped: 'the test tone is disabled (tone: never)' });
  });
});

describe('debounce and hysteresis', () => {
  let h: LinesHarness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  it('a reading bouncing across the tolerance does not flap the state', async () => {
    h = await startLines();
    await h.until(() => h?.lines.sup.checks === 1);
    await drive(h.clock, h.lines.sup.calibrate([1, 2, 3, 4]));
    const z1 = h.lines.sup.zone(1);
    if (!z1) throw new Error('no zone 1');
    const readings: Reading[] = [];
    const apply = z1.apply.bind(z1);
    z1.apply = (r) => {
      readings.push(r);
      return apply(r);
    };
    const seq0 = h.station.store.events.lastSeq;
    h.sim.setLineDrift(1, 1.2); // right on the ±20 % tolerance
    h.sim.setNoise(0.03); // ±3 % on every voltage and current reading
    await h.clock.advance(30 * 60_000);
    const outside = readings.map(
      (r) => Math.abs(r.ohm / (zoneOf(h as LinesHarness, 1).baselineOhm ?? 0) - 1) > 0.2,
    );
    let flips = 0;
    for (let i = 1; i < outside.length; i++) if (outside[i] !== outside[i - 1]) flips++;
    expect(readings.length).toBeGreaterThan(150);
    expect(flips).toBeGreaterThan(20); // a bare threshold would have flapped this often
    const changes = h.events('lines.state').filter((e) => e.details.zone === 1 && e.seq > seq0);
    expect(changes.map((e) => e.details.to)).toEqual(['degraded']); // once, and it stays
    for (const z of [2, 3, 4]) expect(zoneOf(h, z).state).toBe('ok');
  });
});
