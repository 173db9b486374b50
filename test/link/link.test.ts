/**
 * The district link end to end: the built hub and a built station daemon (sim profile) over
 * real gRPC, through a TCP relay the test cuts and freezes. Link timings are shortened by
 * configuration (helpers.ts) so the "minutes" cases take seconds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { districtJson, startHub } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import {
  expectDelivered,
  HUB_ENV,
  type Rig,
  startRig,
  startStation,
  stopRig,
  toggles,
  uplink,
} from './helpers.js';

interface Cmd {
  id: string;
  status: string;
  message: string;
}

describe('district link through a relay', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await stopRig(rig);
    rig = undefined;
  });

  it('loses, repeats and reorders nothing across short and long stalls and a long cut', async () => {
    rig = await startRig(tempDir(), 'xa-a');
    const r = rig;
    await toggles(r, 3);
    // a short freeze: the link carries on, or is replaced; either way nothing is lost
    r.relay.stall();
    await toggles(r, 1);
    r.relay.restore();
    await toggles(r, 2);
    await expectDelivered(r);

    // a long freeze (no FIN): keepalive finds it, the session is replaced after the relay thaws
    const before = (await uplink(r)).sessions;
    r.relay.stall();
    await toggles(r, 2);
    await pollUntil(async () => (await uplink(r)).link !== 'up', 15_000);
    await pollUntil(async () => (await uplink(r)).sessions >= before + 2, 15_000); // new attempts hang too
    r.relay.restore();
    await pollUntil(async () => (await uplink(r)).link === 'up', 15_000);
    await expectDelivered(r);

    // a long cut ("minutes", shortened): refused reconnects back off, then resume
    const beforeCut = (await uplink(r)).sessions;
    r.relay.cut();
    await toggles(r, 4);
    await pollUntil(async () => (await uplink(r)).sessions >= beforeCut + 3, 15_000);
    r.relay.restore();
    await pollUntil(async () => (await uplink(r)).link === 'up', 15_000);
    await toggles(r, 1);
    const { local } = await expectDelivered(r);
    expect(local.filter((e) => e.kind === 'command').length).toBe(13);
    const st = await districtJson<{ summary: { online: boolean; power: string } }>(
      r.hub.port,
      'status',
      'xa-a',
    );
    expect(st.summary).toMatchObject({ online: true, power: 'off' });
  });

  it('delivers a command sent while the station was offline, refuses an expired one, and resumes after a hub restart', async () => {
    rig = await startRig(tempDir(), 'xa-b');
    const r = rig;
    r.relay.cut();
    await pollUntil(async () => {
      const list = await districtJson<{ online: boolean }[]>(r.hub.port, 'stations');
      return list[0]?.online === false;
    }, 15_000);
    const [a] = await districtJson<Cmd[]>(
      r.hub.port,
      'command',
      'zone',
      '--stations',
      'xa-b',
      '--params',
      '{"zone":3,"on":true}',
      '--ttl',
      '120',
    );
    const [b] = await districtJson<Cmd[]>(
      r.hub.port,
      'command',
      'zone',
      '--stations',
      'xa-b',
      '--params',
      '{"zone":4,"on":true}',
      '--ttl',
      '1',
    );
    expect(a?.status).toBe('pending');
    await pollUntil(async () => {
      const list = await districtJson<Cmd[]>(r.hub.port, 'commands', '--station', 'xa-b');
      return list.find((c) => c.id === b?.id)?.status === 'expired';
    }, 15_000);

    // the hub restarts (same database) while the station is still cut off and logging
    await r.hub.stop();
    await toggles(r, 3, 2);
    r.hub = await startHub(`${r.dir}/hub`, HUB_ENV);
    r.relay.retarget(r.hub.port);
    r.relay.restore();

    const done = await pollUntil(async () => {
      const list = await districtJson<Cmd[]>(r.hub.port, 'commands', '--station', 'xa-b');
      const c = list.find((x) => x.id === a?.id);
      return c?.status === 'done' && list;
    }, 20_000);
    expect(done.find((c) => c.id === b?.id)).toMatchObject({ status: 'expired' });
    const st = JSON.parse((await r.station.ctl('status', '--json')).stdout);
    expect(st.zones.find((z: { id: number }) => z.id === 3).commanded).toBe(true);
    expect(st.zones.find((z: { id: number }) => z.id === 4).commanded).toBe(false);
    const { local } = await expectDelivered(r);
    // one audit event per district command (the expired one never reached the station)
    const ran = local.filter((e) => e.kind === 'command' && e.details.via === 'district');
    expect(ran.map((e) => e.details.commandId)).toEqual([a?.id]);
    expect(ran[0]?.details).toMatchObject({ who: 'lab (no TLS)', role: 'admin', result: 'ok' });
  });

  it('keeps alarms and says what it dropped when the outbox filled up, across a station restart', async () => {
    rig = await startRig(tempDir(), 'xa-c', { LOA_OUTBOX_MAX_ITEMS: '25' });
    const r = rig;
    r.relay.cut();
    await pollUntil(async () => (await uplink(r)).link !== 'up', 15_000);
    for (let i = 0; i < 3; i++) {
      expect((await r.station.ctl('sim', 'fault', 'mains-lost')).code).toBe(0);
      await pollUntil(async () => {
        const ev = JSON.parse((await r.station.ctl('events', '--kind', 'mains.lost', '--json')).stdout);
        return ev.filter((e: { severity: string }) => e.severity === 'alarm').length === i + 1;
      });
      expect((await r.station.ctl('sim', 'clear')).code).toBe(0);
      // the next fault is a new alarm only once this one has cleared (the supervisor's poll)
      await pollUntil(async () => {
        const st = JSON.parse((await r.station.ctl('status', '--json')).stdout);
        return !st.alarms.some((a: { key: string }) => a.key === 'mains.lost');
      });
    }
    await toggles(r, 12);
    const full = await uplink(r);
    expect(full.outbox.items).toBeLessThanOrEqual(25);
    expect(full.outbox.pendingDrops).toBeGreaterThan(0);

    await r.station.stop();
    r.station = await startStation(r.dir, r.id, r.relay, r.env);
    r.relay.restore();
    await pollUntil(async () => (await uplink(r)).link === 'up', 15_000);
    const { local, remote, missing } = await expectDelivered(r, false);
    const alarms = local.filter((e) => e.severity === 'alarm').map((e) => e.seq);
    expect(alarms.length).toBe(3);
    const held = remote.map((e) => e.event.eventSeq);
    for (const s of alarms) expect(held).toContain(s);
    const drops = remote.filter((e) => e.event.kind === 'uplink.dropped');
    expect(drops.length).toBeGreaterThanOrEqual(1);
    const droppedEvents = drops.reduce((n, e) => n + Number(e.event.details.events), 0);
    expect(missing.map((e) => `${e.seq} ${e.kind}`).length, JSON.stringify({ missing, drops })).toBe(
      droppedEvents,
    );
    expect(missing.every((e) => e.severity === 'info')).toBe(true);
  });
});
