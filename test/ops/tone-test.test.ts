/**
 * `stationctl test tone ZONE` against the real daemon (sim profile, real ffmpeg tone): only
 * that zone's relay is on, the amplifier is up, the transmitter never keys, the tone reaches
 * the output, and power and zones return to their commanded state afterwards.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

interface Status {
  power: { state: string; commandedOn: boolean };
  transmitter: { state: string };
  amplifier: { on: boolean; muted: boolean };
  zones: Array<{ id: number; commanded: boolean; relay: boolean }>;
}

async function status(d: Daemon): Promise<Status> {
  const r = await d.ctl('status', '--json');
  return JSON.parse(r.stdout) as Status;
}

describe('stationctl test tone', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('plays on one zone only with the transmitter off, then restores the commanded state', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    await d.ctl('zone', '1', 'on');
    await d.ctl('zone', '3', 'on');
    const run = d.ctl('test', 'tone', '2', '--seconds', '4', '--hz', '800', '--yes', '--json');
    let txSeen = new Set<string>();
    const during = await pollUntil(async () => {
      const s = await status(d as Daemon);
      txSeen.add(s.transmitter.state);
      return s.power.state === 'on' && !s.amplifier.muted ? s : undefined;
    });
    expect(during.zones.filter((z) => z.relay).map((z) => z.id)).toEqual([2]);
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    const end = JSON.parse(r.stdout);
    expect(end).toMatchObject({ running: false, zone: 2, hz: 800, ended: { reason: 'finished' } });
    // ffmpeg's sine is −18 dBFS, × level 0.5 → about −24 dBFS; silence is below −50
    expect(end.outputPeakDbfs).toBeGreaterThan(-40);
    expect(end.ampCurrentA).toBeGreaterThan(0);
    const after = await status(d);
    expect(after.power.state).toBe('off');
    expect(after.zones.filter((z) => z.commanded).map((z) => z.id)).toEqual([1, 3]);
    txSeen = new Set([...txSeen, after.transmitter.state]);
    expect([...txSeen]).toEqual(['off']);
    const ev = await d.ctl('events', '--json');
    const tx = JSON.parse(ev.stdout).filter((e: { kind: string }) => e.kind.startsWith('tx.'));
    expect(tx).toEqual([]);
  });

  it('refuses while powered, a bad zone or frequency names what is allowed; vi messages', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const zone = await d.ctl('test', 'tone', '9', '--yes');
    expect(zone.code).toBe(1);
    expect(zone.stderr).toMatch(/zone: allowed 1, 2, 3, 4 \(got 9\)/);
    const hz = await d.ctl('test', 'tone', '1', '--hz', '5', '--yes');
    expect(hz.stderr).toMatch(/--hz: a whole number from 20 to 20000 \(got "5"\)/);
    const noYes = await d.ctl('test', 'tone', '1');
    expect(noYes.stderr).toMatch(/add --yes to confirm/);
    await d.ctl('power', 'on');
    const on = await d.ctl('test', 'tone', '1', '--yes');
    expect(on.code).toBe(1);
    expect(on.stderr).toMatch(/power chain is on; run stationctl power off first/);
    await d.ctl('power', 'off');
    await d.ctl('sim', 'fault', 'line-short', '--zone', '3');
    await pollUntil(async () => {
      const r = await d?.ctl('lines', 'status', '--json');
      return JSON.parse(r?.stdout ?? '{}').zones?.find((z: { id: number }) => z.id === 3)?.isolated;
    });
    const isolated = await d.ctl('test', 'tone', '3', '--yes');
    expect(isolated.code).toBe(1);
    expect(isolated.stderr).toMatch(/zone 3 is isolated: its line reads short/);
    const idle = await d.ctl('--lang', 'vi', 'test', 'tone', 'stop');
    expect(idle.stdout).toMatch(/Không có lần thử âm nào đang chạy/);
  });

  it('a programme that takes over ends the test and keeps its power', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const file = makeTone(join(tempDir(), 'prog.wav'), { hz: 440, seconds: 30 });
    const run = d.ctl('test', 'tone', '1', '--seconds', '60', '--yes', '--json');
    await pollUntil(async () => (await status(d as Daemon)).power.state === 'on');
    const play = await d.ctl('play', file);
    expect(play.code, play.stderr).toBe(0);
    const r = await run;
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).ended.reason).toBe('pre-empted');
    expect((await status(d)).power.state).toBe('on');
  });

  it('test tone stop ends a running test early and powers back down', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const run = d.ctl('test', 'tone', '4', '--seconds', '60', '--yes');
    await pollUntil(async () => (await status(d as Daemon)).power.state === 'on');
    const stop = await d.ctl('test', 'tone', 'stop');
    expect(stop.stdout).toMatch(/Tone test stopped/);
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tone 1000 Hz on zone 4 \(Chợ và UBND xã\) for 60 s/);
    expect((await status(d)).power.state).toBe('off');
  });
});
