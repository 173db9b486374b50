/**
 * Desired state end to end: a schedule pushed with its media converges on the station (media
 * fetched in chunks over gRPC and verified into the cache, the version persisted and reported),
 * also when pushed while the station is offline; a bulletin file travels the same way first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Rig, startRig, startStation, stopRig, uplink } from './helpers.js';

interface StationView {
  summary: { appliedVersion: number; desiredVersion: number };
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
    const media = randomBytes(200_000);
    const sha = createHash('sha256').update(media).digest('hex');
    writeFileSync(join(dir, 'morning.mp3'), media);
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify({ programmes: [{ at: '05:30', media: sha }] }));
    const push = await districtJson<{ version: number }>(
      r.hub.port,
      'schedule',
      'push',
      join(dir, 'schedule.json'),
      '--stations',
      'xa-d',
      '--media',
      join(dir, 'morning.mp3'),
    );
    const view = await pollUntil(async () => {
      const v = await districtJson<StationView>(r.hub.port, 'status', 'xa-d');
      return v.summary.appliedVersion === push.version && v;
    }, 20_000);
    expect(view.summary.desiredVersion).toBe(push.version);
    expect(readFileSync(join(dir, 'xa-d', 'uplink-media', sha)).equals(media)).toBe(true);
    const u = await uplink(r);
    expect(u.desired).toMatchObject({ appliedVersion: push.version, error: '' });
    expect(u.applier).toBe('none'); // no schedule module on this branch: kept and reported
    const saved = JSON.parse(readFileSync(join(dir, 'xa-d', 'uplink.json'), 'utf8'));
    expect(saved.desired).toMatchObject({
      version: push.version,
      schedule: { programmes: [{ at: '05:30' }] },
    });

    // pushed while the station is cut off: applied when it returns, after a restart too
    r.relay.cut();
    await pollUntil(async () => (await uplink(r)).link === 'waiting', 15_000);
    const down = await r.station.ctl('link');
    expect(down.stdout).toMatch(/^District link to 127\.0\.0\.1:\d+: DOWN, retrying$/m);
    expect(down.stdout).toMatch(new RegExp(`Schedule version\\s+${push.version} running`));
    expect((await r.station.ctl('--lang', 'vi', 'link')).stdout).toMatch(/MẤT KẾT NỐI, đang thử lại/);
    writeFileSync(join(dir, 'schedule2.json'), JSON.stringify({ programmes: [] }));
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
    }, 20_000);
    expect((await r.station.ctl('link')).stdout).toMatch(/: connected\n/);
  });

  it('fetches a bulletin file before the emergency command runs (refused here: no emergency module)', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-e');
    const bulletin = randomBytes(50_000);
    const sha = createHash('sha256').update(bulletin).digest('hex');
    writeFileSync(join(dir, 'flood.wav'), bulletin);
    const res = await districtctl(
      rig.hub.port,
      'emergency',
      'start',
      '--stations',
      'xa-e',
      join(dir, 'flood.wav'),
      '--wait',
      '20',
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/Uploaded flood\.wav \(50000 bytes/);
    expect(res.stdout).toMatch(
      /emergency\.start → xa-e: REFUSED: method "emergency\.start" is not available on this station/,
    );
    expect(readFileSync(join(dir, 'xa-e', 'uplink-media', sha)).equals(bulletin)).toBe(true);
  });
});
