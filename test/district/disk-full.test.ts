/**
 * The hub with its disk full, on a real 12 MB tmpfs in a private mount namespace: the real
 * hub daemon inside it, a real station dialling in over gRPC. With the disk full the hub
 * refuses new writes (districtctl db status, the metric, an error log line, a command
 * refused with the reason), the station's session stays up and reads keep working; when space
 * returns the hub stores again and the station sends what was not acknowledged: every event
 * arrives once, in order, and the database passes SQLite's integrity check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { openSmallFs, type SmallFs } from '../helpers/small-fs.js';
import {
  expectDelivered,
  HUB_ENV,
  LINK_ENV,
  type Rig,
  startStation,
  toggles,
  uplink,
} from '../link/helpers.js';

const require = createRequire(import.meta.url);
const fs = await openSmallFs(12);
const skip = 'skip' in fs ? fs.skip : undefined;

interface DbStatus {
  writesRefused: boolean;
  refusedReason: string;
  usedBytes: number;
  tables: { name: string; rows: number }[];
}

describe.skipIf(skip)('hub disk full (tmpfs in a private mount namespace)', () => {
  let rig: Rig | undefined;
  let hub: HubProc | undefined;
  afterEach(async () => {
    await rig?.station.stop();
    await hub?.stop();
    await rig?.relay.close();
    if (!skip) await (fs as SmallFs).close();
  });

  it('refuses writes with an alarm, keeps sessions and reads, recovers with nothing lost or corrupted', async () => {
    const small = fs as SmallFs;
    const hubDir = join(small.path, 'hub');
    mkdirSync(join(small.outside, 'hub'), { mode: 0o750 });
    // minFreeMB 0: only a write that fails for want of space trips the guard (SQLITE_FULL)
    writeFileSync(join(small.outside, 'hub', 'retention.json'), JSON.stringify({ minFreeMB: 0 }));
    hub = await startHub(hubDir, HUB_ENV, (cmd, args, opts) => small.ns.spawn(cmd, args, opts));
    const relay = new Relay(hub.port);
    await relay.listen();
    const dir = tempDir();
    const station = await startStation(dir, 'xa-full', relay, LINK_ENV);
    rig = { hub, relay, station, dir, id: 'xa-full', env: LINK_ENV };
    const r = rig;
    await pollUntil(async () => (await uplink(r)).link === 'up', 20_000);
    await toggles(r, 2);
    await expectDelivered(r);

    small.fill();
    await toggles(r, 6); // each a "command" event the hub cannot store now
    const full = await pollUntil(async () => {
      const s = await districtJson<DbStatus>(hub?.port ?? 0, 'db', 'status');
      return s.writesRefused && s;
    }, 30_000);
    expect(full.refusedReason).toMatch(/database or disk is full/); // SQLITE_FULL from a real write
    expect(hub.output.some((l) => /"level":"error".*storage full: new writes refused/.test(l))).toBe(true);
    const human = await districtctl(hub.port, 'db', 'status');
    expect(human.stdout).toMatch(/WRITES REFUSED since .*the disk is full/);
    const vi = await districtctl(hub.port, '--lang', 'vi', 'db', 'status');
    expect(vi.stdout).toMatch(/ĐANG TỪ CHỐI GHI/);
    const metricsUrl = hub.output.map((l) => /"msg":"ready".*"metrics":"([^"]+)"/.exec(l)?.[1]).find(Boolean);
    const metrics = await (await fetch(metricsUrl as string)).text();
    expect(metrics).toMatch(/^loa_hub_storage_full 1$/m);
    // the session stays up and reads work; a change is refused with the reason
    const stations = await districtJson<{ stationId: string; online: boolean }[]>(hub.port, 'stations');
    expect(stations).toEqual([expect.objectContaining({ stationId: 'xa-full', online: true })]);
    expect((await districtctl(hub.port, 'events', '--station', 'xa-full')).code).toBe(0);
    const cmd = await districtctl(
      hub.port,
      'command',
      'zone',
      '--stations',
      'xa-full',
      '--params',
      '{"zone":1,"on":true}',
    );
    expect(cmd.code).toBe(1);
    expect(cmd.stderr).toMatch(/Refused: the hub's disk is full/);
    expect((await uplink(r)).outbox.items).toBeGreaterThan(0); // the station keeps what was not acknowledged

    small.free();
    await pollUntil(async () => {
      const s = await districtJson<DbStatus>(hub?.port ?? 0, 'db', 'status');
      return !s.writesRefused && s;
    }, 30_000);
    await toggles(r, 2);
    await expectDelivered(r); // every event once, in order, none lost
    expect(hub.output.some((l) => /session ended.*the hub stores again/.test(l))).toBe(true);
    expect(
      (
        await districtctl(
          hub.port,
          'command',
          'zone',
          '--stations',
          'xa-full',
          '--params',
          '{"zone":1,"on":false}',
        )
      ).code,
    ).toBe(0);
    const ok = await fetch(metricsUrl as string).then((x) => x.text());
    expect(ok).toMatch(/^loa_hub_storage_full 0$/m);
    expect(await hub.stop()).toBe(0);
    hub = undefined;
    // inside the namespace: SQLite resolves /proc/PID/root to the test's own root
    const check = await small.ns.exec(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); process.stdout.write(String(new D(${JSON.stringify(join(hubDir, 'district.sqlite'))}).pragma('integrity_check', { simple: true })))`,
    ]);
    expect(check).toMatchObject({ code: 0, stdout: 'ok' });
  });
});
