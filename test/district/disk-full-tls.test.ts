/**
 * The hub's disk full with mutual TLS, as in service: a station that reconnects while the
 * disk is full (a new TLS handshake, a new hello the hub cannot record) gets its session back
 * from what the hub holds, the hub stays up, and once space returns every event the station
 * logged arrives once. Real hub daemon on a 12 MB tmpfs in a private mount namespace, real
 * station, certificates from deploy/pki.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { openSmallFs, type SmallFs } from '../helpers/small-fs.js';
import {
  HUB_ENV,
  type HubEv,
  LINK_ENV,
  startStation,
  stationEvents,
  toggles,
  uplink,
} from '../link/helpers.js';
import { type Pair, TestCa } from '../security/pki.js';

const fs = await openSmallFs(12);
const skip = 'skip' in fs ? fs.skip : undefined;

describe.skipIf(skip)('hub disk full with mutual TLS (tmpfs in a private mount namespace)', () => {
  let station: Daemon | undefined;
  let hub: HubProc | undefined;
  let relay: Relay | undefined;
  afterEach(async () => {
    await station?.stop();
    await hub?.stop();
    await relay?.close();
    if (!skip) await (fs as SmallFs).close();
  });

  it('a station reconnecting while the disk is full keeps its session; nothing is lost after', async () => {
    const small = fs as SmallFs;
    const dir = tempDir('loa-full-tls-');
    const ca = await TestCa.create(join(dir, 'ca'));
    const viewer = await ca.operator('an-viewer', 'viewer');
    mkdirSync(join(small.outside, 'hub'), { mode: 0o750 });
    writeFileSync(join(small.outside, 'hub', 'retention.json'), JSON.stringify({ minFreeMB: 0 }));
    hub = await startHub(
      join(small.path, 'hub'),
      { ...HUB_ENV, ...ca.env(await ca.server('hub')) },
      (c, a, o) => small.ns.spawn(c, a, o),
    );
    const port = hub.port;
    const json = async <T>(...args: string[]): Promise<T> => {
      const r = await districtctl(port, ...ca.flags(viewer as Pair), ...args, '--json');
      if (r.code !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as T;
    };
    relay = new Relay(port);
    await relay.listen();
    station = await startStation(dir, 'xa-tls', relay, {
      ...LINK_ENV,
      ...ca.env(await ca.station('xa-tls')),
    });
    const r = { station };
    await pollUntil(async () => (await uplink(r)).link === 'up', 20_000);
    await toggles(r, 2);

    small.fill();
    await toggles(r, 3);
    await pollUntil(
      async () => (await json<{ writesRefused: boolean }>('db', 'status')).writesRefused,
      30_000,
    );
    const sessions = (await uplink(r)).sessions;
    relay.cut();
    await pollUntil(async () => (await uplink(r)).link !== 'up', 20_000);
    relay.restore();
    await pollUntil(async () => {
      const u = await uplink(r);
      return u.link === 'up' && u.sessions > sessions;
    }, 30_000);
    expect(hub.proc.exitCode).toBeNull();
    const online = await json<{ stationId: string; online: boolean }[]>('stations');
    expect(online).toEqual([expect.objectContaining({ stationId: 'xa-tls', online: true })]);
    await toggles(r, 2);

    small.free();
    await pollUntil(
      async () => !(await json<{ writesRefused: boolean }>('db', 'status')).writesRefused,
      30_000,
    );
    await toggles(r, 1);
    const local = await stationEvents(r);
    const last = local.at(-1)?.seq ?? 0;
    const remote = await pollUntil(async () => {
      const h = await json<HubEv[]>('events', '--station', 'xa-tls', '--limit', '10000');
      return h.some((e) => e.event.eventSeq >= last) && h;
    }, 30_000);
    const got = remote.map((e) => e.event.eventSeq).filter((s) => s > 0 && s <= last);
    expect(got).toEqual([...new Set(got)].sort((a, b) => a - b)); // once each, in order
    expect(local.filter((e) => !got.includes(e.seq)).map((e) => `${e.seq} ${e.kind}`)).toEqual([]);
  });
});
