import { afterEach, describe, expect, it } from 'vitest';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

describe('relay feedback and mains supervision', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  it('raises relay stuck when a contact disagrees with its command for more than 500 ms', async () => {
    h = await startSimStation();
    h.sim.inject({ name: 'relay-stuck', channel: 'amp.power' });
    await drive(h.clock, h.station.chain.powerOn());
    // the chain took 2.5 s to come up: the contact has disagreed for ~2 s already
    expect(h.station.alarms.has('relay.stuck:amp.power')).toBe(true);
    expect(h.station.store.events.query({ kinds: ['relay.stuck:amp.power'] })[0]?.details).toMatchObject({
      commanded: true,
      contact: false,
    });
  });

  it('does not raise relay stuck for the normal switching time', async () => {
    h = await startSimStation();
    await drive(h.clock, h.station.chain.powerOn());
    await h.station.chain.setZone(2, true);
    await h.clock.advance(400);
    await drive(h.clock, h.station.chain.powerOff());
    await h.clock.advance(2000);
    expect(h.station.alarms.list().filter((a) => a.key.startsWith('relay.stuck'))).toEqual([]);
  });

  it('clears relay stuck when the contact follows again', async () => {
    h = await startSimStation();
    h.sim.inject({ name: 'relay-stuck', channel: 'zone.1' });
    await h.station.chain.setZone(1, true);
    await drive(h.clock, h.station.chain.powerOn());
    await h.clock.advance(600);
    expect(h.station.alarms.has('relay.stuck:zone.1')).toBe(true);
    h.sim.clear('relay-stuck:zone.1');
    await h.clock.advance(300);
    expect(h.station.alarms.has('relay.stuck:zone.1')).toBe(false);
  });

  it('mains lost: outputs go safe and the alarm is raised; mains back: the commanded state returns', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(2, true);
    await drive(h.clock, h.station.chain.powerOn());
    h.sim.inject({ name: 'mains-lost' });
    await h.clock.advance(500);
    expect(h.station.alarms.has('mains.lost')).toBe(true);
    for (const n of ['tx.power', 'amp.power', 'zone.2'])
      expect(h.station.hal.output(n).commanded).toBe(false);
    expect(h.station.chain.commanded).toEqual({ on: true, zones: [2] });
    h.sim.clear('mains-lost');
    await h.clock.advance(4000);
    expect(h.station.alarms.has('mains.lost')).toBe(false);
    expect(h.station.chain.state).toBe('on');
    expect(await h.station.hal.feedback('zone.2')).toBe(true);
    expect(h.station.alarms.list()).toEqual([]);
  });
});
