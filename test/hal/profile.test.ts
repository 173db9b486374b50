import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinProfileDir, loadProfile } from '../../src/hal/profile.js';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate raw profile JSON freely to break it
type Json = any;

function broken(mutate: (p: Json) => void): string {
  const p = JSON.parse(readFileSync(join(builtinProfileDir(), 'sim.json'), 'utf8'));
  mutate(p);
  const file = join(mkdtempSync(join(tmpdir(), 'loa-prof-')), 'broken.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

describe('board profiles', () => {
  it('the built-in sim profile is valid: one transmitter, one amplifier, four zones', () => {
    const p = loadProfile('sim');
    expect(p.zones.map((z) => z.id)).toEqual([1, 2, 3, 4]);
    for (const ch of ['tx.power', 'amp.power', 'amp.mute', 'zone.1', 'zone.4'])
      expect(p.outputs[ch]).toBeDefined();
    for (const ch of ['amp.feedback', 'mains.present']) expect(p.inputs[ch]).toBeDefined();
    for (const ch of ['tx.forward_w', 'tx.reflected_w', 'tx.temperature_c', 'zone.2.line_i'])
      expect(p.analog[ch]).toBeDefined();
  });

  it.each([
    [
      (p: Json) => {
        p.outputs['tx.power'].activeLow = 'yes';
      },
      /broken\.json: outputs\."tx\.power"\.activeLow: .*expected boolean.*\(got "yes"\)/,
    ],
    [
      (p: Json) => {
        p.timings.vswrTripMs = 5;
      },
      /timings\.vswrTripMs: .*>=\s?10.*\(got 5\)/,
    ],
    [
      (p: Json) => {
        p.drivers.sim.kind = 'gpio';
      },
      /drivers\.sim\.kind: allowed: "sim", "onoff", "firmata" \(got "gpio"\)/,
    ],
    [
      (p: Json) => {
        delete p.outputs['amp.mute'];
      },
      /outputs\."amp\.mute": required channel "amp\.mute" is missing/,
    ],
    [
      (p: Json) => {
        p.zones[1].relay = 'zone.9';
      },
      /zones\[1\]\.relay: output "zone\.9" is not defined under outputs/,
    ],
    [
      (p: Json) => {
        p.outputs['zone.1'].feedback = 'nope';
      },
      /outputs\."zone\.1"\.feedback: feedback input "nope" is not defined/,
    ],
    [
      (p: Json) => {
        p.outputs['zone.1'].pin = 4;
      },
      /outputs\."zone\.1": unknown key\(s\) "pin"/,
    ],
    [
      (p: Json) => {
        p.zones[2].id = 1;
      },
      /zones\[2\]\.id: zone id 1 is used twice/,
    ],
  ])('a broken profile fails with the file, key, value and what is allowed (%#)', (mutate, message) => {
    const file = broken(mutate);
    expect(() => loadProfile(file)).toThrow(message);
  });

  it('names the file when it is not JSON or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-prof-'));
    writeFileSync(join(dir, 'x.json'), '{ nope');
    expect(() => loadProfile(join(dir, 'x.json'))).toThrow(/x\.json: not valid JSON/);
    expect(() => loadProfile('no-such-board')).toThrow(/no-such-board\.json cannot be read/);
  });
});
