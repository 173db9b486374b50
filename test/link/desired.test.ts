/**
 * Desired state end to end: a schedule pushed with its media converges on the station (media
 * fetched in chunks over gRPC, verified into the station's media cache, the schedule applied by
 * the schedule module, the version persisted and reported), also when pushed while the station
 * is offline; a bulletin file travels the same way before the emergency starts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Rig, scheduleDoc, startRig, startStation, stopRig, toneFile, uplink } from './helpers.js';

interface StationView {
  summary: { appliedVersion: number; desiredVersion: number };
  desired: { report: { error: string } } | null;
}
interface Cmd {
  status: string;
  message: string;
  result: unknown;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function stationStatus(r: Rig) {
  return JSON.parse((await r.station.ctl('status', '--json')).stdout) as {
    modules: { schedule: { version: number | null }; media: { files: number } };
  };
}

describe('desired state and media to a station', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await stopRig(rig);
    rig = undefined;
  });

  it('converges on the pushed schedule and its media, persists it, and catches up after being offline', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-d', { LOA_MEDIA_CHUNK_BYTES: '16384' });
    const r = rig;
    const media = toneFile(join(dir, 'morning.wav'), 3);
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify(scheduleDoc(sha(media))));
    const push = await districtJson<{ version: number }>(
      r.hub.port,
      'schedule',
      'push',
      join(dir, 'schedule.json'),
      '--stations',
      'xa-d',
      '--media',
      media,
    );
    await pollUntil(async () => {
      const v = await districtJson<StationView>(r.hub.port, 'status', 'xa-d');
      return v.summary.appliedVersion === push.version && v;
    }, 30_000);
    const st = await stationStatus(r);
    expect(st.modules.schedule.version).toBe(push.version); // the hub's version, carried in the document
    expect(st.modules.media.files).toBe(1);
    const u = await uplink(r);
    expect(u.desired).toMatchObject({ appliedVersion: push.version, error: '' });
    expect(u.applier).toBe('schedule.apply');
    const saved = JSON.parse(readFileSync(join(dir, 'xa-d', 'uplink.json'), 'utf8'));
    expect(saved.desired).toMatchObject({
      version: push.version,
      schedule: { programmes: [{ id: 'sang' }] },
    });

    // pushed while the station is cut off: applied when it returns, after a restart too
    r.relay.cut();
    await pollUntil(async () => (await uplink(r)).link === 'waiting', 15_000);
    const down = await r.station.ctl('link');
    expect(down.stdout).toMatch(/^District link to 127\.0\.0\.1:\d+: DOWN, retrying$/m);
    expect(down.stdout).toMatch(new RegExp(`Schedule version\\s+${push.version} running`));
    expect((await r.station.ctl('--lang', 'vi', 'link')).stdout).toMatch(/MẤT KẾT NỐI, đang thử lại/);
    writeFileSync(join(dir, 'schedule2.json'), JSON.stringify(scheduleDoc(sha(media), 'Bản tin chiều')));
    const push2 = await districtJson<{ version: number }>(
      r.hub.port,
      'schedule',
      'push',
      join(dir, 'schedule2.json'),
      '--all',
    );
    await r.station.stop();
    r.station = await startStation(dir, 'xa-d', r.relay, r.env);
    expect((await uplink(r)).desired.appliedVersion).toBe(push.version);
    r.relay.restore();
    await pollUntil(async () => {
      const v = await districtJson<StationView>(r.hub.port, 'status', 'xa-d');
      return v.summary.appliedVersion === push2.version;
    }, 30_000);
    expect((await stationStatus(r)).modules.schedule.version).toBe(push2.version);
    expect((await r.station.ctl('link')).stdout).toMatch(/: connected\n/);
  });

  it('reports a schedule the station refuses and does not retry it; the hub refuses a malformed one', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-i');
    const r = rig;
    const bad = {
      ...scheduleDoc('a'.repeat(64)),
      programmes: [{ ...(scheduleDoc('a'.repeat(64)).programmes as object[])[0], zones: [9] }],
    };
    writeFileSync(join(dir, 'zone9.json'), JSON.stringify(bad));
    const push = await districtJson<{ version: number }>(
      r.hub.port,
      'schedule',
      'push',
      join(dir, 'zone9.json'),
      '--all',
    );
    const v = await pollUntil(async () => {
      const s = await districtJson<StationView>(r.hub.port, 'status', 'xa-i');
      return s.desired?.report.error ? s : undefined;
    }, 20_000);
    expect(v.desired?.report.error).toMatch(/zone/);
    expect(v.summary).toMatchObject({ desiredVersion: push.version, appliedVersion: 0 });
    // a new session offers the same version again: the station does not try it a second time
    const failures = async () =>
      JSON.parse((await r.station.ctl('events', '--kind', 'uplink.desired.failed', '--json')).stdout).length;
    expect(await failures()).toBe(1);
    const sessions = (await uplink(r)).sessions;
    r.relay.cut();
    r.relay.restore();
    await pollUntil(async () => {
      const u = await uplink(r);
      return u.link === 'up' && u.sessions > sessions;
    }, 15_000);
    expect(await failures()).toBe(1);
    writeFileSync(join(dir, 'nodate.json'), JSON.stringify({ schema: 1, programmes: [] }));
    const refused = await districtctl(r.hub.port, 'schedule', 'push', join(dir, 'nodate.json'), '--all');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/schedule: valid_until/);
  });

  it('fetches a bulletin file by content, then the emergency plays it, and stops on command', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-e');
    const bulletin = toneFile(join(dir, 'flood.wav'), 20, 800);
    const res = await districtctl(
      rig.hub.port,
      'emergency',
      'start',
      '--stations',
      'xa-e',
      bulletin,
      '--wait',
      '20',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const [cmd] = JSON.parse(res.stdout.slice(res.stdout.indexOf('['))) as Cmd[];
    expect(cmd).toMatchObject({ status: 'done' });
    const em = JSON.parse((await rig.station.ctl('emergency', 'status', '--json')).stdout);
    expect(JSON.stringify(em)).toMatch(new RegExp(sha(bulletin)));
    const stop = await districtctl(rig.hub.port, 'emergency', 'stop', '--all', '--wait', '20');
    expect(stop.stdout).toMatch(/emergency\.stop → xa-e: done/);
  });
});
