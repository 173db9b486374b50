import { describe, expect, it } from 'vitest';
import { Backoff } from '../../src/uplink/backoff.js';
import { Deadband } from '../../src/uplink/deadband.js';
import { flatten } from '../../src/wire/flatten.js';

describe('deadband', () => {
  it('flattens the status, leaving out what changes by itself', () => {
    const f = flatten({
      uptimeS: 5,
      power: { state: 'on' },
      events: { lastSeq: 9 },
      zones: [
        { id: 1, relay: true, readAt: 1000 },
        { id: 2, relay: false, readAt: 1000 },
      ],
      alarms: [{ key: 'tx.trip', since: 1796011950910, level: 0.123456 }],
      modules: {
        uplink: { link: 'up' },
        audio: {
          onAir: { slot: 'programme' },
          sources: [
            { id: 'p', bufferMs: 180 },
            { id: 'p', bufferMs: 20 },
          ],
        },
        lines: { checks: 41, lastCheckAt: 5 },
      },
    });
    expect(f).toEqual({
      'power.state': 'on',
      'zones.1.relay': true,
      'zones.2.relay': false,
      alarms: [{ key: 'tx.trip', since: 1796011950910, level: 0.123 }],
      'modules.audio.onAir.slot': 'programme',
      'modules.audio.sources': [{ id: 'p' }, { id: 'p' }], // ids repeat: sent whole, buffer fill left out
    });
  });

  it('sends a number only when it moves past its band, and every other change', () => {
    const d = new Deadband();
    d.reset({ 'transmitter.temperatureC': 30, 'amplifier.currentA': 1.0, 'power.state': 'off', gone: 1 });
    expect(
      d.diff({ 'transmitter.temperatureC': 30.6, 'amplifier.currentA': 1.05, 'power.state': 'off' }),
    ).toEqual({
      gone: null,
    });
    expect(
      d.diff({ 'transmitter.temperatureC': 31.1, 'amplifier.currentA': 1.12, 'power.state': 'on' }),
    ).toEqual({
      'transmitter.temperatureC': 31.1,
      'amplifier.currentA': 1.12,
      'power.state': 'on',
    });
    // the band is measured from what was last sent, so a slow drift is still reported
    expect(
      d.diff({ 'transmitter.temperatureC': 31.6, 'amplifier.currentA': 1.12, 'power.state': 'on' }),
    ).toEqual({});
    expect(
      d.diff({ 'transmitter.temperatureC': 32.2, 'amplifier.currentA': 1.12, 'power.state': 'on' }),
    ).toEqual({
      'transmitter.temperatureC': 32.2,
    });
  });
});

describe('reconnect backoff', () => {
  it('doubles from min to max with jitter in [d/2, d], and starts again after a reset', () => {
    const lo = new Backoff(1000, 60_000, () => 0);
    const hi = new Backoff(1000, 60_000, () => 1);
    const los = Array.from({ length: 9 }, () => lo.next());
    const his = Array.from({ length: 9 }, () => hi.next());
    expect(his).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(los).toEqual(his.map((d) => d / 2));
    hi.reset();
    expect(hi.next()).toBe(1000);
  });
});
