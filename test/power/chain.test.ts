import { afterEach, describe, expect, it } from 'vitest';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

/** Records every relay command with its simulated time. */
function recordRelays(h: SimHarness): Array<{ t: number; name: string; on: boolean }> {
  const log: Array<{ t: number; name: string; on: boolean }> = [];
  for (const out of h.station.hal.outputs.values()) {
    const orig = out.set.bind(out);
    (out as { set: (on: boolean) => Promise<void> }).set = async (on: boolean) => {
      log.push({ t: h.clock.monotonic(), name: out.name, on });
      await orig(on);
    };
  }
  return log;
}

describe('power chain sequencing', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  it('powers up transmitter, then amplifier muted for its warm-up, then zones staggered, then unmutes', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(1, true);
    await h.station.chain.setZone(3, true);
    const log = recordRelays(h);
    const t0 = h.clock.monotonic();
    await drive(h.clock, h.station.chain.powerOn());
    const seq = log.map((e) => `${e.name}=${e.on ? 1 : 0}@${e.t - t0}`);
    expect(seq).toEqual([
      'amp.mute=1@0',
      'tx.power=1@0',
      'amp.power=1@500',
      'zone.1=1@2500',
      'zone.3=1@2750',
      'amp.mute=0@3000',
    ]);
    expect(h.station.chain.state).toBe('on');
    expect(await h.station.hal.feedback('amp.power')).toBe(true);
    expect(await h.station.hal.feedback('zone.3')).toBe(true);
    expect(await h.station.hal.feedback('zone.2')).toBe(false);
  });

  it('a transmitter-less power-up (tone test) never keys the transmitter; a plain powerOn then does', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(2, true);
    const log = recordRelays(h);
    await drive(h.clock, h.station.chain.powerOn({ transmitter: false }));
    expect(log.map((e) => `${e.name}=${e.on ? 1 : 0}`)).toEqual([
      'amp.mute=1',
      'amp.power=1',
      'zone.2=1',
      'amp.mute=0',
    ]);
    expect(h.station.tx.state).toBe('off');
    await drive(h.clock, h.station.chain.powerOn());
    expect(h.station.tx.state).toBe('on');
    await drive(h.clock, h.station.chain.powerOff());
    expect(h.station.tx.state).toBe('off');
  });

  it('powers down muting first, zones in reverse, amplifier, then transmitter', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(1, true);
    await h.station.chain.setZone(2, true);
    await drive(h.clock, h.station.chain.powerOn());
    const log = recordRelays(h);
    await drive(h.clock, h.station.chain.powerOff());
    expect(log.map((e) => `${e.name}=${e.on ? 1 : 0}`)).toEqual([
      'amp.mute=1',
      'zone.2=0',
      'zone.1=0',
      'amp.power=0',
      'tx.power=0',
    ]);
    expect(log[1]?.t).toBeGreaterThan(log[0]?.t ?? Number.POSITIVE_INFINITY); // mute settles before any zone drops
    expect(h.station.chain.state).toBe('off');
  });

  it('an off command during warm-up cancels the power-up and ends fully off', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(1, true);
    const up = h.station.chain.powerOn();
    await h.clock.advance(1000); // amplifier warming up
    const down = h.station.chain.powerOff();
    await drive(h.clock, Promise.all([up, down]));
    expect(h.station.chain.state).toBe('off');
    for (const name of ['tx.power', 'amp.power', 'zone.1'])
      expect(h.station.hal.output(name).commanded).toBe(false);
    expect(h.station.hal.output('amp.mute').commanded).toBe(true);
  });

  it('switches a zone at once while the chain is on, and remembers it while off', async () => {
    h = await startSimStation();
    await drive(h.clock, h.station.chain.powerOn());
    await h.station.chain.setZone(4, true);
    await h.clock.advance(20);
    expect(await h.station.hal.feedback('zone.4')).toBe(true);
    await drive(h.clock, h.station.chain.powerOff());
    expect(h.station.chain.commanded.zones).toEqual([4]);
    expect(h.station.hal.output('zone.4').commanded).toBe(false);
  });
});
