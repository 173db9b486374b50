import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, type EventInput } from '../../src/core/events.js';
import { modemSchema } from '../../src/hal/modem-profile.js';
import { type LadderActions, type Observation, RecoveryLadder } from '../../src/modem/recovery.js';
import { ModemAlarms } from '../../src/modem/thresholds.js';
import type { ModemReading } from '../../src/modem/types.js';

const MIN = 60_000;

/** A modem whose data stays dead until the step named `cure` (or never). */
class ScriptedModem implements LadderActions {
  rx = 1000;
  dead = true;
  readonly done: string[] = [];
  constructor(
    private readonly cure: 'reconnect' | 'reset' | 'power-cycle' | 'never',
    private readonly clock: ManualClock,
    hasRelay = true,
  ) {
    if (!hasRelay) this.powerCycle = undefined;
  }
  async reconnect() {
    this.step('reconnect');
  }
  async reset() {
    this.step('reset');
  }
  powerCycle: LadderActions['powerCycle'] = async (offMs) => {
    await this.clock.sleep(offMs);
    this.step('power-cycle');
  };
  private step(s: string) {
    this.done.push(s);
    if (s === this.cure) this.dead = false;
  }
  observation(): Observation {
    if (!this.dead) this.rx += 500;
    return { present: true, claimsConnected: true, rxBytes: this.rx };
  }
}

function setup(cure: ConstructorParameters<typeof ScriptedModem>[0], hasRelay = true) {
  const clock = new ManualClock();
  const events: EventInput[] = [];
  const alarms = new Alarms({ emit: (e) => events.push(e) }, () => clock.now());
  const modem = new ScriptedModem(cure, clock, hasRelay);
  const cfg = modemSchema.parse({ source: 'mmcli' }).recovery;
  const ladder = new RecoveryLadder(cfg, clock, { emit: (e) => events.push(e) }, alarms, modem);
  /** Polls every 10 s for `ms`, as the module does. */
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 10_000) {
      const p = ladder.observe(modem.observation());
      await clock.advance(10_000);
      await p;
    }
  };
  return { clock, events, alarms, modem, ladder, run, cfg };
}

describe('hung-modem recovery ladder', () => {
  it('stays put while data flows, however long the modem is idle otherwise', async () => {
    const h = setup('never');
    h.modem.dead = false;
    await h.run(60 * MIN);
    expect(h.modem.done).toEqual([]);
  });

  it('no data for stallMs while connected: reconnect fixes it, nothing more is done', async () => {
    const h = setup('reconnect');
    await h.run(4 * MIN);
    expect(h.modem.done).toEqual([]);
    await h.run(2 * MIN);
    expect(h.modem.done).toEqual(['reconnect']);
    await h.run(10 * MIN);
    expect(h.modem.done).toEqual(['reconnect']);
    const rec = h.events.find((e) => e.kind === 'modem.recovered');
    expect(rec?.details).toMatchObject({ step: 'reconnect' });
    expect(h.ladder.status()).toMatchObject({ state: 'watching', lastRecovery: { step: 'reconnect' } });
  });

  it('reconnect → reset → power cycle, each only after the previous step had its wait', async () => {
    const h = setup('power-cycle');
    await h.run(30 * MIN);
    expect(h.modem.done).toEqual(['reconnect', 'reset', 'power-cycle']);
    const steps = h.events.filter((e) => e.kind === 'modem.recovery').map((e) => e.details?.step);
    expect(steps).toEqual(['reconnect', 'reset', 'power-cycle']);
    expect(h.alarms.has('modem.hung')).toBe(false);
  });

  it('a ladder that does not help: modem.hung, then backoff doubling; power cycles capped per day', async () => {
    const h = setup('never');
    await h.run(16 * MIN);
    expect(h.modem.done).toEqual(['reconnect', 'reset', 'power-cycle']);
    expect(h.alarms.has('modem.hung')).toBe(true);
    expect(h.ladder.status().state).toBe('backoff');
    await h.run(25 * MIN); // backoff 30 min: nothing yet
    expect(h.modem.done).toHaveLength(3);
    await h.run(24 * 60 * MIN);
    const cycles = h.modem.done.filter((s) => s === 'power-cycle').length;
    expect(cycles).toBeLessThanOrEqual(h.cfg.maxPowerCyclesPerDay);
    // backoff 30, 60, 120, 240, 360 (max) min: a handful of ladders a day, never a loop
    expect(h.modem.done.filter((s) => s === 'reconnect').length).toBeLessThanOrEqual(8);
    h.modem.dead = false;
    await h.run(MIN);
    expect(h.alarms.has('modem.hung')).toBe(false);
  });

  it('without a power relay the ladder stops after the reset and says why', async () => {
    const h = setup('never', false);
    await h.run(16 * MIN);
    expect(h.modem.done).toEqual(['reconnect', 'reset']);
    expect(h.events.find((e) => e.kind === 'modem.hung')?.message).toMatch(/no power relay in the profile/);
  });
});

describe('modem alarms with hysteresis', () => {
  const reading = (
    rsrpDbm: number | null,
    registration: ModemReading['registration'] = 'home',
  ): ModemReading => ({
    registration,
    connected: true,
    tech: 'lte',
    operator: 'Viettel',
    cellId: null,
    tac: null,
    signal: { rssiDbm: null, rsrpDbm, rsrqDb: null, sinrDb: null },
  });

  it('weak signal is raised after weakForMs and cleared only above threshold + hysteresis', async () => {
    const clock = new ManualClock();
    const events: EventInput[] = [];
    const alarms = new Alarms({ emit: (e) => events.push(e) }, () => clock.now());
    const t = modemSchema.parse({ source: 'mmcli' }).thresholds;
    const a = new ModemAlarms(t, alarms, clock, 3000);
    a.reading(reading(-112));
    await clock.advance(60_000);
    a.reading(reading(-112));
    expect(alarms.has('modem.weak-signal')).toBe(false); // not yet 2 minutes
    await clock.advance(61_000);
    a.reading(reading(-113));
    expect(alarms.has('modem.weak-signal')).toBe(true);
    for (const v of [-108, -111, -107, -109]) a.reading(reading(v)); // flapping around -110
    expect(alarms.has('modem.weak-signal')).toBe(true);
    expect(events.filter((e) => e.kind === 'modem.weak-signal')).toHaveLength(1);
    a.reading(reading(-104));
    expect(alarms.has('modem.weak-signal')).toBe(false);
    a.reading(reading(null, 'searching'));
    await clock.advance(181_000);
    a.reading(reading(null, 'searching'));
    expect(alarms.has('modem.not-registered')).toBe(true);
    a.budget(2600);
    expect(alarms.has('modem.data-budget')).toBe(true);
    a.budget(2500); // 83 %: inside the 5-point hysteresis
    expect(alarms.has('modem.data-budget')).toBe(true);
    a.budget(100); // a new month
    expect(alarms.has('modem.data-budget')).toBe(false);
  });
});
