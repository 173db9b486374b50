/**
 * The amplifier's temperature on the simulated plant (a dead fan: +60 °C over ambient):
 * supervised like the transmitter's — muted, then off above the profile's limit, with the
 * alarm; back once it has cooled below the resume point; doctor says which. A profile without
 * the sensor has no supervision (it is optional).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/ops/doctor/run.js';
import { StationControl } from '../../src/station/control.js';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

const probe = { run: async () => ({ code: 0, out: 'yes\n' }) };

describe('amplifier temperature', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  it('mutes and powers off above the limit, with an alarm; comes back below the resume point', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(1, true);
    await drive(h.clock, h.station.chain.powerOn());
    h.sim.inject({ name: 'amp-over-temperature' });
    await h.clock.advance(300_000);
    expect(h.station.alarms.has('amp.overtemp')).toBe(true);
    expect(h.station.hal.output('amp.mute').commanded).toBe(true);
    expect(h.station.hal.output('amp.power').commanded).toBe(false);
    expect(h.station.chain.state).toBe('off');
    const st = await new StationControl(h.station).status();
    expect(st.amplifier.overTemp).toBe(true);
    expect(st.amplifier.temperatureC).toBeGreaterThan(75);
    const fs = await runDoctor({ status: st, dataDir: h.dataDir, probe });
    expect(fs.filter((f) => f.id === 'amp.temp')).toEqual([
      expect.objectContaining({ status: 'fault', key: 'doc.amp.overtemp' }),
    ]);
    expect(fs.some((f) => f.id === 'alarm.amp.overtemp')).toBe(false); // explained once

    h.sim.clear('amp-over-temperature');
    await h.clock.advance(600_000);
    expect(h.station.alarms.has('amp.overtemp')).toBe(false);
    expect(h.station.chain.state).toBe('on');
    expect(h.station.hal.output('amp.power').commanded).toBe(true);
    expect(h.station.hal.output('amp.mute').commanded).toBe(false);
  });

  it('is optional: a profile without the sensor is not supervised', async () => {
    h = await startSimStation({ tweak: (p) => delete p.analog['amp.temperature_c'] });
    expect(h.station.ampThermal).toBeUndefined();
    const st = await new StationControl(h.station).status();
    expect(st.amplifier.temperatureC).toBeUndefined();
  });
});
