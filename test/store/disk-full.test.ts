/**
 * A station whose data disk fills up, on a real 16 MB tmpfs in a private mount namespace: the
 * real station daemon inside it, reporting to a real hub. With the disk full it goes on
 * broadcasting (the programme stays on air, the transmitter interlock trips, power commands
 * work), raises store.full (stationctl status, and at the hub), and once space returns it
 * writes what it held: the alarm clears, the events of the full spell are in the event log on
 * disk, and the power-off it could not save holds after a restart.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { openSmallFs, type SmallFs } from '../helpers/small-fs.js';
import { makeTone } from '../helpers/tone-files.js';
import { HUB_ENV, LINK_ENV } from '../link/helpers.js';

const fs = await openSmallFs(16);
const skip = 'skip' in fs ? fs.skip : undefined;

interface Status {
  alarms: { key: string; message: string }[];
  transmitter: { state: string };
  power: { state: string; commandedOn: boolean };
}

const status = async (d: Daemon): Promise<Status> => JSON.parse((await d.ctl('status', '--json')).stdout);
const onAir = async (d: Daemon): Promise<{ slot: string; id?: string }> =>
  JSON.parse((await d.ctl('audio', 'status', '--json')).stdout).onAir;

describe.skipIf(skip)('station with a full data disk (tmpfs in a private mount namespace)', () => {
  let station: Daemon | undefined;
  let hub: HubProc | undefined;
  let relay: Relay | undefined;
  afterEach(async () => {
    await station?.stop();
    await hub?.stop();
    await relay?.close();
    if (!skip) await (fs as SmallFs).close();
  });

  it('broadcasts on with the alarm raised, and writes what it held when space returns', async () => {
    const small = fs as SmallFs;
    const outside = tempDir();
    hub = await startHub(join(outside, 'hub'), HUB_ENV);
    relay = new Relay(hub.port);
    await relay.listen();
    mkdirSync(join(small.outside, 'st'));
    const args = [
      ...['--profile', 'sim', '--data-dir', join(small.path, 'st'), '--station-id', 'xa-card'],
      ...['--socket', join(outside, 'st.sock'), '--district', relay.address],
    ];
    const spawnIn = small.ns.spawn;
    station = await startDaemon(args, LINK_ENV, spawnIn);
    const d = station;
    const tone = makeTone(join(outside, 'long.wav'), { hz: 500, seconds: 300 });
    const play = JSON.parse((await d.ctl('play', tone, '--json')).stdout) as { id: string };
    await pollUntil(async () => (await onAir(d)).id === play.id, 20_000);
    expect((await d.ctl('power', 'on')).code).toBe(0);

    small.fill();
    expect((await d.ctl('zone', '2', 'on')).code).toBe(0); // state.json and the event log must write now
    const full = await pollUntil(async () => {
      const s = await status(d);
      return s.alarms.find((a) => a.key === 'store.full');
    }, 60_000);
    expect(full.message).toMatch(/the data disk is full.*broadcasting goes on/);
    // the programme stays on air, the interlock still trips, commands still work
    expect((await onAir(d)).id).toBe(play.id);
    expect((await d.ctl('sim', 'fault', 'antenna-open')).code).toBe(0);
    await pollUntil(async () => (await status(d)).alarms.some((a) => a.key === 'tx.tripped'), 30_000);
    expect((await onAir(d)).id).toBe(play.id);
    expect((await d.ctl('power', 'off')).code).toBe(0); // commanded off: state.json cannot take it now
    await pollUntil(async () => (await status(d)).power.state === 'off', 30_000);
    expect(d.proc.exitCode).toBeNull();
    // the alarm reaches the hub through the session (the outbox holds it in memory)
    const port = hub.port;
    await pollUntil(async () => {
      const list = await districtJson<{ stationId: string; alarms: string[] }[]>(port, 'stations');
      return list.find((s) => s.stationId === 'xa-card')?.alarms.includes('store.full');
    }, 30_000);

    small.free();
    await pollUntil(async () => !(await status(d)).alarms.some((a) => a.key === 'store.full'), 60_000);
    const log = join(small.outside, 'st', 'events.jsonl');
    await pollUntil(async () => /"kind":"tx\.trip"/.test(readFileSync(log, 'utf8')), 30_000);
    expect(readFileSync(log, 'utf8')).toMatch(/"kind":"store\.full".*"alarm":"raised"/);
    expect(await d.stop('SIGTERM')).toBe(0);
    station = await startDaemon(args, LINK_ENV, spawnIn);
    // the power-off it could not save at once was saved when space returned
    expect((await status(station)).power).toMatchObject({ state: 'off', commandedOn: false });
  });
});
