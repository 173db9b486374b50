import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinProfileDir } from '../../src/hal/profile.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

/** The sim profile with short warm-up times, so a real-time test stays short. */
function fastProfile(dir: string): string {
  const p = JSON.parse(readFileSync(join(builtinProfileDir(), 'sim.json'), 'utf8'));
  p.name = 'sim-fast';
  Object.assign(p.timings, { ampWarmupMs: 200, txSettleMs: 100, zoneStaggerMs: 50 });
  const file = join(dir, 'sim-fast.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

interface ZoneJson {
  id: number;
  state: string;
  calibrated: boolean;
  isolated: boolean;
  output: string;
}

describe('stationctl lines against the built daemon', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('calibrates, refuses a shorted line, isolates a short on air, reports an open line, and keeps baselines and history over a restart', async () => {
    const dir = tempDir('loa-lines-d-');
    const args = ['--profile', fastProfile(dir), '--data-dir', join(dir, 'data')];
    d = await startDaemon(args);
    const daemon = d;
    const linesJson = async () =>
      JSON.parse((await daemon.ctl('lines', 'status', '--json')).stdout) as { zones: ZoneJson[] };
    const cal = await d.ctl('lines', 'calibrate');
    expect(cal).toMatchObject({ code: 0 });
    expect(cal.stdout).toMatch(/Zone 1: baseline 41\.\d Ω \(expected 41\.7 Ω from the speakers\)/);

    expect((await d.ctl('sim', 'fault', 'line-short', '--zone', '2')).code).toBe(0);
    const refused = await d.ctl('lines', 'calibrate', '2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/zone 2: short circuit: reads 0\.4 Ω, expected 66\.7 Ω/);
    expect((await d.ctl('sim', 'clear')).code).toBe(0);
    const again = JSON.parse((await d.ctl('lines', 'check', '2', '--json')).stdout);
    expect(again.zones[0]).toMatchObject({ id: 2, state: 'ok', isolated: false });

    for (const z of ['1', '2', '3']) expect((await d.ctl('zone', z, 'on')).code).toBe(0);
    expect((await d.ctl('power', 'on')).code).toBe(0);
    await d.ctl('sim', 'fault', 'line-short', '--zone', '2');
    const st = await pollUntil(async () => {
      const s = JSON.parse((await daemon.ctl('status', '--json')).stdout);
      return s.zones[1].feedback === false && s;
    });
    expect(st.zones.map((z: { relay: boolean }) => z.relay)).toEqual([true, false, true, false]);
    expect(st.alarms.map((a: { key: string }) => a.key)).toContain('lines.short:zone.2');
    const zs = (await linesJson()).zones;
    expect(zs[1]).toMatchObject({ state: 'short', isolated: true });
    expect(zs[0]).toMatchObject({ state: 'ok', output: 'present' });
    const ready = JSON.parse(await d.waitFor(/"msg":"ready"/));
    const metrics = await (await fetch(ready.metrics)).text();
    expect(metrics).toMatch(/^loa_line_state\{zone="2",state="short",station="[^"]+"\} 1$/m);
    expect(metrics).toMatch(/^loa_line_impedance_ohms\{zone="1",station="[^"]+"\} 4\d\.\d+$/m);

    await d.ctl('sim', 'fault', 'line-open', '--zone', '3');
    const chk = await d.ctl('lines', 'check', '3', '--json');
    expect(chk.code).toBe(0);
    expect(JSON.parse(chk.stdout)).toMatchObject({ method: 'passive', zones: [{ id: 3, state: 'open' }] });
    const vi = await d.ctl('--lang', 'vi', 'lines', 'status');
    expect(vi.stdout).toMatch(/HỞ MẠCH/);
    expect(vi.stdout).toMatch(/CHẬP MẠCH \[đã cách ly\]/);
    const hist = JSON.parse((await d.ctl('lines', 'history', '3', '--json')).stdout);
    expect(hist.entries.at(-1)).toMatchObject({ zone: 3, state: 'open', ohm: null });

    expect(await d.stop()).toBe(0);
    d = await startDaemon(args);
    const after = await linesJson();
    expect(after.zones.map((z) => z.calibrated)).toEqual([true, true, true, true]);
    const hist2 = JSON.parse((await d.ctl('lines', 'history', '3', '--json')).stdout);
    expect(hist2.entries.length).toBeGreaterThanOrEqual(hist.entries.length);
  });

  it('refuses bad input with the reason and exit 1', async () => {
    const dir = tempDir('loa-lines-d-');
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')]);
    const noZone = await d.ctl('lines', 'history');
    expect(noZone.code).toBe(1);
    expect(noZone.stderr).toMatch(/zone: a zone number such as 1 \(got nothing\)/);
    const bad = await d.ctl('lines', 'check', '9');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/zone: allowed 1, 2, 3, 4 \(got 9\)/);
    const sub = await d.ctl('lines', 'repair');
    expect(sub.stderr).toMatch(/lines: allowed status, check, calibrate, history \(got "repair"\)/);
  });
});
