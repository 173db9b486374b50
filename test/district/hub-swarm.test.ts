/**
 * Many stations on one real hub (issue 20 item 3; the figures are in bench group `hub`): 300
 * simulated stations from two generator processes, each over its own mTLS connection with its
 * own certificate (test/helpers/swarm/), all register, stay up, get and answer a command each,
 * store a broadcast window's burst sent by all at once; an operator's watch sees every one.
 * Guards the group commit (acks only after the commit), the coalesced watch feed and the
 * one-transaction command to many stations.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictClient } from '../../src/district/client.js';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { Swarm } from '../helpers/swarm/index.js';
import { startTlsHub, type TlsHub, Watcher } from '../helpers/swarm/tls-hub.js';

const N = 300;

interface Listed {
  stations: { stationId: string; online: boolean; pendingCommands: number }[];
}

describe(`${N} stations on one hub over mutual TLS`, { timeout: 300_000 }, () => {
  let hub: TlsHub;
  let swarm: Swarm;
  let viewer: DistrictClient;
  let watcher: Watcher;

  beforeAll(async () => {
    const dir = tempDir('loa-swarm-');
    hub = await startTlsHub(dir, N + 512);
    viewer = await hub.operator('viewer');
    watcher = new Watcher(viewer, 'schedule.start');
    // heartbeats every 3 s (spread): the sessions carry them for the whole test
    swarm = await Swarm.start({
      address: `127.0.0.1:${hub.port}`,
      caDir: join(dir, 'ca'),
      count: N,
      workers: 2,
      prefix: 'xa',
      heartbeatMs: 3000,
      helloTimeoutMs: 60_000,
    });
  }, 240_000);

  afterAll(async () => {
    watcher?.stop();
    await swarm?.stop();
    await hub?.stop();
  });

  it('registers every station; the watch and ListStations see all of them online', async () => {
    const s = await swarm.stats();
    expect(s.errors).toEqual([]);
    expect(s.up).toBe(N);
    await pollUntil(async () => watcher.online.size === N, 30_000, 250);
    const list = await viewer.call<Listed>('ListStations');
    expect(list.stations.filter((x) => x.online)).toHaveLength(N);
  });

  it('delivers a command to every station and stores every answer', async () => {
    const admin = await hub.operator('admin');
    const sent = await admin.call<{ commands: { id: string }[] }>('SendCommand', {
      all: true,
      method: 'status',
      ttlMs: 600_000,
    });
    expect(sent.commands).toHaveLength(N);
    await pollUntil(async () => (await swarm.stats()).commands === N, 60_000, 250);
    await pollUntil(
      async () => {
        const list = await viewer.call<Listed>('ListStations');
        return list.stations.every((x) => x.pendingCommands === 0);
      },
      60_000,
      250,
    );
    const ids = sent.commands.map((c) => c.id);
    const got = await viewer.call<{ commands: { status: string }[] }>('ListCommands', { ids });
    expect(got.commands.map((c) => c.status)).toEqual(ids.map(() => 'done'));
  });

  it("acknowledges a broadcast window's burst from all at once, after storing it; the watch sees each event", async () => {
    await swarm.stats(); // forget earlier ack latencies
    await swarm.window('start', 'sang');
    let acked = 0;
    await pollUntil(
      async () => {
        acked += (await swarm.stats()).ackMs.length;
        return acked >= N;
      },
      60_000,
      250,
    );
    const stored = await viewer.call<{ events: { stationId: string }[] }>('ListEvents', {
      kind: 'schedule.start',
      limit: 1000,
    });
    expect(new Set(stored.events.map((e) => e.stationId)).size).toBe(N);
    await pollUntil(async () => watcher.events.size === N, 30_000, 250);
  });

  it('lists stations in pages and in the metrics as they are now (the summary cache follows the window)', async () => {
    type Page = { nextPageToken: string; stations: (Listed['stations'][number] & { power: string })[] };
    const all = await viewer.call<Page>('ListStations');
    expect(all.nextPageToken).toBe('');
    const ids = all.stations.map((x) => x.stationId);
    expect(ids).toEqual([...ids].sort());
    // the window's changes (power on) reached every cached summary
    await pollUntil(
      async () => (await viewer.call<Page>('ListStations')).stations.every((x) => x.power === 'on'),
      30_000,
      250,
    );
    const paged: string[] = [];
    let token = '';
    for (let i = 0; i < 20; i++) {
      const p = await viewer.call<Page>('ListStations', { pageSize: 64, pageToken: token });
      expect(p.stations.length).toBeLessThanOrEqual(64);
      expect(p.stations.every((x) => x.online && x.power === 'on')).toBe(true);
      paged.push(...p.stations.map((x) => x.stationId));
      token = p.nextPageToken;
      if (!token) break;
    }
    expect(paged).toEqual(ids);
    await expect(viewer.call('ListStations', { pageSize: 10, pageToken: 'not-a-token' })).rejects.toThrow(
      /page_token: not a next_page_token of ListStations/,
    );
    await expect(viewer.call('ListStations', { pageSize: 5000 })).rejects.toThrow(/pageSize|page_size/);
    await viewer.call('GetStation', { stationId: ids[0] });
    const m = await (await fetch(hub.metricsUrl)).text();
    expect(m).toMatch(new RegExp(`^loa_hub_stations_known ${N}$`, 'm'));
    expect(m).toMatch(/^loa_hub_station_power_state\{station="xa-00000",state="on"\} 1$/m);
    expect(m).toMatch(/^loa_hub_station_online\{station="xa-00299"\} 1$/m);
    expect(m).toMatch(/^# TYPE loa_hub_station_last_event_seq gauge$/m);
    expect(m).toMatch(/^loa_hub_rpc_handler_seconds\{rpc="GetStation",quantile="0.99"\} [0-9.e-]+$/m);
  });

  it('keeps every session up to the end (heartbeats and keepalive included)', async () => {
    const s = await swarm.stats();
    expect(s.ended).toBe(0);
    expect(s.up).toBe(N);
    expect(hub.proc.exitCode).toBeNull();
  });
});
