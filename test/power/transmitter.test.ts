import { afterEach, describe, expect, it } from 'vitest';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

describe('transmitter interlocks', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  async function onAir(): Promise<void> {
    h = await startSimStation();
    await drive(h.clock, h.station.chain.powerOn());
    expect(h.station.tx.state).toBe('on');
  }

  it('trips when reflected power stays high for 50 ms, not before', async () => {
    await onAir();
    h.sim.inject({ name: 'antenna-open' });
    await h.clock.advance(40);
    expect(h.station.tx.state).toBe('on');
    await h.clock.advance(30);
    expect(h.station.tx.state).toBe('tripped');
    await h.clock.advance(20); // the relay contact opens after its switching time
    expect(await h.station.hal.feedback('tx.power')).toBe(false);
    expect(h.station.store.events.query({ kinds: ['tx.trip'] })).toHaveLength(1);
  });

  it('ignores a reflected-power spike shorter than the trip time', async () => {
    await onAir();
    h.sim.inject({ name: 'antenna-open' });
    await h.clock.advance(30);
    h.sim.clear('antenna-open');
    await h.clock.advance(200);
    expect(h.station.tx.state).toBe('on');
    expect(h.station.store.events.query({ kinds: ['tx.trip'] })).toHaveLength(0);
  });

  it('re-arms after the delay once the antenna is fixed', async () => {
    await onAir();
    h.sim.inject({ name: 'antenna-open' });
    await h.clock.advance(100);
    h.sim.clear('antenna-open');
    await h.clock.advance(29_000);
    expect(h.station.tx.state).toBe('tripped');
    await h.clock.advance(1_100);
    expect(h.station.tx.state).toBe('on');
    expect(h.station.store.events.query({ kinds: ['tx.rearm'] })).toHaveLength(1);
  });

  it('locks out after 3 trips within 10 minutes; the lockout survives a restart until reset', async () => {
    await onAir();
    h.sim.inject({ name: 'antenna-open' });
    await h.clock.advance(100); // trip 1
    await h.clock.advance(30_100); // re-arm, trip 2
    await h.clock.advance(30_100); // re-arm, trip 3 → lockout
    expect(h.station.tx.state).toBe('lockout');
    expect(h.station.alarms.has('tx.lockout')).toBe(true);
    await h.clock.advance(120_000);
    expect(h.station.tx.state).toBe('lockout'); // no automatic re-arm
    expect(h.station.hal.output('tx.power').commanded).toBe(false);
    h.sim.clear();
    h = await h.restart();
    expect(h.station.tx.state).toBe('lockout');
    await drive(h.clock, h.station.chain.powerOn());
    expect(h.station.hal.output('tx.power').commanded).toBe(false);
    expect(h.station.chain.state).toBe('on'); // the amplifier and wired zones still work
    await h.station.tx.resetLockout();
    expect(h.station.tx.state).toBe('on');
    expect(h.station.alarms.has('tx.lockout')).toBe(false);
  });

  it('does not lock out when trips are spread wider than the window', async () => {
    await onAir();
    for (let i = 0; i < 4; i++) {
      h.sim.inject({ name: 'antenna-open' });
      await h.clock.advance(100);
      h.sim.clear('antenna-open');
      await h.clock.advance(330_000); // 5.5 min between trips: at most 2 in any 10 min
    }
    expect(h.station.store.events.query({ kinds: ['tx.trip'] })).toHaveLength(4);
    expect(h.station.tx.state).toBe('on');
  });

  it('turns off when over temperature and comes back once cooled', async () => {
    await onAir();
    h.sim.inject({ name: 'over-temperature' });
    await h.clock.advance(120_000);
    expect(h.station.tx.state).toBe('overtemp');
    expect(h.station.hal.output('tx.power').commanded).toBe(false);
    h.sim.clear('over-temperature');
    await h.clock.advance(600_000);
    expect(h.station.tx.state).toBe('on');
    expect(h.station.alarms.has('tx.overtemp')).toBe(false);
  });
});
