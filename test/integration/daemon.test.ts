import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinProfileDir } from '../../src/hal/profile.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

/** The sim profile with short re-arm and warm-up times, so a real-time test stays short. */
function fastProfile(dir: string): string {
  const p = JSON.parse(readFileSync(join(builtinProfileDir(), 'sim.json'), 'utf8'));
  p.name = 'sim-fast';
  Object.assign(p.timings, { ampWarmupMs: 300, txSettleMs: 100, zoneStaggerMs: 50, txRearmMs: 300 });
  const file = join(dir, 'sim-fast.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

describe('station daemon on the sim profile, driven by stationctl', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('powers on, trips on antenna-open, locks out, keeps the lockout over a restart, and stops cleanly', async () => {
    const dir = tempDir();
    const profile = fastProfile(dir);
    const dataDir = join(dir, 'data');
    d = await startDaemon(['--profile', profile, '--data-dir', dataDir, '--station-id', 'xa-test']);
    expect((await d.ctl('zone', '2', 'on')).code).toBe(0);
    const on = await d.ctl('power', 'on');
    expect(on).toMatchObject({ code: 0 });
    expect(on.stdout).toMatch(/Power chain is now on/);
    let st = JSON.parse((await d.ctl('status', '--json')).stdout);
    expect(st).toMatchObject({ stationId: 'xa-test', power: { state: 'on' }, transmitter: { state: 'on' } });
    expect(st.zones[1]).toMatchObject({ id: 2, commanded: true, relay: true, feedback: true });

    expect((await d.ctl('sim', 'fault', 'antenna-open')).code).toBe(0);
    st = await pollUntil(async () => {
      const s = JSON.parse((await d?.ctl('status', '--json'))?.stdout ?? '{}');
      return s.transmitter?.state === 'lockout' && s;
    });
    expect(st.transmitter.trips).toBe(3);
    expect(st.alarms.map((a: { key: string }) => a.key)).toContain('tx.lockout');
    const human = await d.ctl('status');
    expect(human.stdout).toMatch(/LOCKED OUT/);
    const ev = await d.ctl('events', '--kind', 'tx.trip', '--json');
    expect(JSON.parse(ev.stdout)).toHaveLength(3);

    expect(await d.stop('SIGTERM')).toBe(0);
    expect(d.output.some((l) => l.includes('"event":"station.stop"'))).toBe(true);

    d = await startDaemon(['--profile', profile, '--data-dir', dataDir, '--station-id', 'xa-test']);
    st = JSON.parse((await d.ctl('status', '--json')).stdout);
    expect(st.transmitter.state).toBe('lockout'); // only a technician clears it
    expect(st.power.commandedOn).toBe(true);
    expect((await d.ctl('sim', 'clear')).code).toBe(0);
    const reset = await d.ctl('reset-lockout');
    expect(reset.stdout).toMatch(/Lockout cleared/);
    st = await pollUntil(async () => {
      const s = JSON.parse((await d?.ctl('status', '--json'))?.stdout ?? '{}');
      return s.transmitter?.state === 'on' && s.power?.state === 'on' && s;
    });
    expect(st.zones[1].feedback).toBe(true);
  });

  it('refuses bad input with the reason and exit 1, and reports an absent daemon with exit 2', async () => {
    const dir = tempDir();
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')]);
    const bad = await d.ctl('zone', '7', 'on');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/zone: allowed 1, 2, 3, 4 \(got 7\)/);
    const badFault = await d.ctl('sim', 'fault', 'line-open');
    expect(badFault.code).toBe(1);
    expect(badFault.stderr).toMatch(/zone: line-open needs a zone/);
    const before = JSON.parse((await d.ctl('status', '--json')).stdout);
    expect(before.sim.faults).toEqual([]);
    await d.stop();
    const gone = await d.ctl('status');
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(
      /Cannot reach the station service at .*station\.sock: it is not running or not answering/,
    );
  });

  it('comes back from truncated store files between runs, keeping the damaged copies aside', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    d = await startDaemon(['--profile', 'sim', '--data-dir', dataDir]);
    await d.ctl('zone', '1', 'on');
    await d.stop();
    truncateSync(join(dataDir, 'state.json'), 9);
    truncateSync(join(dataDir, 'events.jsonl'), 40);
    d = await startDaemon(['--profile', 'sim', '--data-dir', dataDir]);
    const st = JSON.parse((await d.ctl('status', '--json')).stdout);
    expect(st.power.state).toBe('off');
    const rec = JSON.parse((await d.ctl('events', '--kind', 'store.recovered', '--json')).stdout);
    expect(rec.length).toBeGreaterThanOrEqual(2);
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.bad')).length).toBe(2);
  });

  it('fails at start on a broken profile, naming the file, key and allowed values', async () => {
    const dir = tempDir();
    const p = JSON.parse(readFileSync(join(builtinProfileDir(), 'sim.json'), 'utf8'));
    p.timings.maxTrips = 0;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(p));
    await expect(
      startDaemon(['--profile', join(dir, 'bad.json'), '--data-dir', join(dir, 'data')]),
    ).rejects.toThrow(/bad\.json: timings\.maxTrips: Too small: expected number to be >=1 \(got 0\)/);
  });
});

describe('a broken uplink configuration', () => {
  it('does not keep the station off air: it broadcasts without the uplink and raises an alarm', async () => {
    const d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')], {
      LOA_DISTRICT: '127.0.0.1:9', // a district, but no certificate and no lab override
      LOA_INSECURE_LAB: '',
    });
    try {
      const st = JSON.parse((await d.ctl('status', '--json')).stdout);
      const alarm = st.alarms.find((a: { key: string }) => a.key === 'uplink.config');
      expect(alarm?.message).toMatch(/district uplink disabled: .*no certificate configured; set LOA_TLS_CA/);
      expect((await d.ctl('power', 'on')).code).toBe(0);
    } finally {
      await d.stop();
    }
  });
});
