/**
 * A cluster station (the built daemon, cluster profile, modem on the emulated modem's pty)
 * through a real hub: its signal, data use, stream health and last contact reach
 * DistrictService and `districtctl clusters` / `status`, in English and Vietnamese.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationSummary__Output } from '../../src/gen/loa/district/v1/StationSummary.js';
import { builtinProfileDir } from '../../src/hal/profile.js';
import { Deadband } from '../../src/uplink/deadband.js';
import { flatten } from '../../src/wire/flatten.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { ModemEmulator } from '../helpers/modem-emulator.js';
import { HUB_ENV, LINK_ENV } from '../link/helpers.js';

type Cluster = Pick<StationSummary__Output, 'stationId' | 'online' | 'lastContactMs' | 'link'>;

describe('deadbands on the modem section', () => {
  it('a still cell wandering a few dB sends nothing; a real change, a quality change or a new cell does', () => {
    const st = (rsrpDbm: number, quality = 'good', cellId = 'A1') => ({
      modules: {
        modem: { signal: { rsrpDbm, rsrqDb: -9, sinrDb: 14, quality, cellId }, data: { monthMb: 120.4 } },
      },
    });
    const d = new Deadband();
    d.reset(flatten(st(-88)));
    expect(d.diff(flatten(st(-86)))).toEqual({});
    expect(d.diff(flatten(st(-91)))).toEqual({});
    expect(d.diff(flatten(st(-95, 'fair')))).toEqual({
      'modules.modem.signal.rsrpDbm': -95,
      'modules.modem.signal.quality': 'fair',
    });
    expect(d.diff(flatten(st(-95, 'fair', 'B2')))).toEqual({ 'modules.modem.signal.cellId': 'B2' });
  });
});

describe('a cluster through a real hub', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('reports its 4G signal, data and stream health; districtctl clusters and status show them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-cluster-hub-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const netDir = join(dir, 'net');
    const emu = await ModemEmulator.start({ dir, netDir, vendor: 'quectel' });
    cleanups.push(() => emu.stop());
    const profile = JSON.parse(readFileSync(join(builtinProfileDir(), 'cluster-sim.json'), 'utf8'));
    delete profile.$schema;
    profile.modem = {
      source: 'at',
      port: emu.path,
      vendor: 'quectel',
      netDir,
      pollMs: 200,
      planMbPerMonth: 3072,
      powerRelay: 'modem.power_cut',
      thresholds: { weakForMs: 0 },
    };
    const file = join(dir, 'cluster.json');
    writeFileSync(file, JSON.stringify(profile));
    const hub: HubProc = await startHub(join(dir, 'hub'), HUB_ENV);
    cleanups.push(() => hub.stop());
    const relay = new Relay(hub.port);
    await relay.listen();
    cleanups.push(() => relay.close());
    const station: Daemon = await startDaemon(
      [
        '--profile',
        file,
        '--data-dir',
        join(dir, 'c1'),
        '--station-id',
        'cum-loa-cho',
        '--district',
        relay.address,
      ],
      LINK_ENV,
    );
    cleanups.push(() => station.stop());

    const clusters = () => districtJson<Cluster[]>(hub.port, 'clusters');
    let seen: Cluster | undefined;
    await pollUntil(async () => {
      seen = (await clusters())[0];
      return seen?.link?.rsrpDbm === -88;
    }, 30_000);
    expect(seen).toMatchObject({
      stationId: 'cum-loa-cho',
      online: true,
      link: {
        quality: 'good',
        operator: 'Viettel',
        tech: 'lte',
        cellId: '0A1B2C3D',
        registration: 'home',
        dataState: 'connected',
        modemPresent: true,
        planMb: 3072,
      },
    });

    emu.set({ rsrpDbm: -117, sinrDb: -3 });
    await pollUntil(async () => (await clusters())[0]?.link?.quality === 'poor', 30_000);
    const all = await districtJson<StationSummary__Output[]>(hub.port, 'stations');
    expect(all[0]?.alarms).toContain('modem.weak-signal');
    expect(all[0]?.link?.rsrpDbm).toBe(-117);

    const en = await districtctl(hub.port, 'clusters', '--lang', 'en');
    expect(en.stdout).toMatch(/^CLUSTER\s+SIGNAL\s+RSRP/m);
    expect(en.stdout).toMatch(
      /^cum-loa-cho\s+POOR\s+-117 dBm\s+Viettel LTE\s+connected\s+\d+\/3072\s+0\/0\/0s/m,
    );
    const vi = await districtctl(hub.port, 'clusters', '--lang', 'vi');
    expect(vi.stdout).toMatch(/^CỤM LOA\s+SÓNG/m);
    expect(vi.stdout).toMatch(/^cum-loa-cho\s+YẾU\s+-117 dBm/m);
    const status = await districtctl(hub.port, 'status', 'cum-loa-cho', '--lang', 'en');
    expect(status.stdout).toMatch(
      /4G signal\s+POOR {2}RSRP -117 dBm {2}RSRQ -9 dB {2}SINR -3 dB {2}Viettel LTE {2}cell 0A1B2C3D/,
    );
    expect(status.stdout).not.toMatch(/Transmitter/);

    // the modem goes away: the district sees it (and the station keeps its cached programmes)
    await emu.unplug();
    await pollUntil(async () => (await clusters())[0]?.link?.modemPresent === false, 30_000);
    const gone = await districtctl(hub.port, 'clusters', '--lang', 'vi');
    expect(gone.stdout).toMatch(/cum-loa-cho\s+MẤT MODEM/);
  });
});
