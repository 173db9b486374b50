import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderStatus } from '../../src/cli/station/format.js';
import { renderFrame } from '../../src/cli/station/watch.js';
import { builtinProfileDir, loadProfile } from '../../src/hal/profile.js';
import { StationControl } from '../../src/station/control.js';
import { StationMetrics } from '../../src/station/metrics.js';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate raw profile JSON freely to break it
type Json = any;

function broken(mutate: (p: Json) => void): string {
  const p = JSON.parse(readFileSync(join(builtinProfileDir(), 'cluster-sim.json'), 'utf8'));
  mutate(p);
  const file = join(mkdtempSync(join(tmpdir(), 'loa-prof-')), 'cluster.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

describe('cluster profile', () => {
  it('the built-in cluster profiles are valid: an amplifier, two zones, a modem, no transmitter', () => {
    for (const name of ['cluster-sim', 'cluster-rpi4']) {
      const p = loadProfile(name);
      expect(p.role).toBe('cluster');
      expect(p.transmitter.present).toBe(false);
      expect(p.zones.map((z) => z.id)).toEqual([1, 2]);
      expect(Object.keys(p.outputs).filter((k) => k.startsWith('tx.'))).toEqual([]);
      expect(p.modem?.powerRelay).toBe('modem.power_cut');
    }
  });

  it.each([
    [(p: Json) => (p.transmitter.present = true), /transmitter\.present: a cluster has no transmitter/],
    [
      (p: Json) => {
        p.zones.push({ ...p.zones[1], id: 3 });
      },
      /zones: a cluster has 1 or 2 zones \(got 3\)/,
    ],
    [
      (p: Json) => (p.outputs['tx.power'] = { driver: 'sim', channel: 'tx.power' }),
      /outputs\."tx\.power": "tx\.power" is a transmitter channel but transmitter\.present is false/,
    ],
    [(p: Json) => delete p.modem, /modem: a cluster needs its 4G modem described/],
    [(p: Json) => (p.modem = { source: 'at' }), /modem\.port: source "at" needs the AT port/],
    [
      (p: Json) => (p.modem.powerRelay = 'modem.nope'),
      /modem\.powerRelay: output "modem\.nope" is not defined/,
    ],
    [
      (p: Json) => (p.outputs['modem.power_cut'].safe = true),
      /outputs\."modem\.power_cut"\.safe: the modem power relay cuts power when energised/,
    ],
    [(p: Json) => (p.modem.source = 'qmi'), /modem\.source: allowed: "mmcli", "at" \(got "qmi"\)/],
    [(p: Json) => (p.role = 'hub'), /role: allowed: "station", "cluster" \(got "hub"\)/],
  ])('a broken cluster profile is refused naming the key (%#)', (mutate, message) => {
    expect(() => loadProfile(broken(mutate))).toThrow(message);
  });
});

describe('a cluster station (simulator)', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  it('powers the amplifier and zones without a transmitter; status, watch and metrics have no transmitter rows', async () => {
    h = await startSimStation({ profile: 'cluster-sim' });
    await h.station.chain.setZone(2, true);
    await drive(h.clock, h.station.chain.powerOn());
    expect(h.station.chain.state).toBe('on');
    await h.clock.advance(100); // relay contacts settle
    expect(h.sim.zoneOnAir(2)).toBe(true);
    expect(h.station.tx.state).toBe('absent');
    const control = new StationControl(h.station);
    const s = await control.status();
    expect(s.transmitter).toBeUndefined();
    expect(s.amplifier.on).toBe(true);
    for (const lang of ['en', 'vi'] as const) {
      const text = renderStatus(s, lang);
      expect(text).not.toMatch(/Transmitter|Máy phát|fwd/);
      expect(text).toMatch(/Cụm loa thôn 3/);
      const frame = renderFrame(s, lang, new Date(h.clock.now())).join('\n');
      expect(frame).not.toMatch(/Transmitter|Máy phát/);
      expect(frame).toMatch(/4G/);
    }
    const metrics = new StationMetrics(control);
    await metrics.refresh();
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/loa_transmitter/);
    expect(text).toMatch(/^loa_amplifier_on\{station="sim-test"\} 1$/m);
    await expect(control.resetLockout()).rejects.toThrow(/cluster-sim has no transmitter/);
    await drive(h.clock, h.station.chain.powerOff());
    expect(h.station.chain.state).toBe('off');
    await h.clock.advance(100);
    expect(h.sim.contact('amp.power')).toBe(false);
  });

  it('mains lost and restored brings the amplifier chain back without a transmitter', async () => {
    h = await startSimStation({ profile: 'cluster-sim' });
    await h.station.chain.setZone(1, true);
    await drive(h.clock, h.station.chain.powerOn());
    h.sim.inject({ name: 'mains-lost' });
    await h.clock.advance(1000);
    expect(h.station.chain.state).toBe('off');
    h.sim.clear('mains-lost');
    await h.clock.advance(5000);
    expect(h.station.chain.state).toBe('on');
    expect(h.sim.zoneOnAir(1)).toBe(true);
  });
});
