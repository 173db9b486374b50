/** districtctl against a real hub: human output in English and Vietnamese, --json, refusals and exit codes. */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { districtctl } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Rig, startRig, stopRig, toggles } from '../link/helpers.js';

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('districtctl', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await stopRig(rig);
    rig = undefined;
  });

  it('shows stations, status, events and a watch in English, Vietnamese and JSON', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-g');
    const port = rig.hub.port;
    await toggles(rig, 2);
    const en = await districtctl(port, 'stations');
    expect(en.stdout).toMatch(/^STATION\s+LINK\s+ON AIR\s+POWER\s+ALARMS\s+LAST CONTACT/);
    expect(en.stdout).toMatch(/xa-g\s+online\s+silence\s+off\s+-\s+\d+s ago/); // the audio module says what is on air
    const vi = await districtctl(port, '--lang', 'vi', 'stations');
    expect(vi.stdout).toMatch(/xa-g\s+trực tuyến/);
    expect(vi.stdout).toMatch(/ĐÀI\s+KẾT NỐI/);
    const status = await districtctl(port, 'status', 'xa-g');
    expect(status.stdout).toMatch(/Station xa-g: online/);
    expect(status.stdout).toMatch(/Power chain\s+off/);
    const viStatus = await districtctl(port, '--lang', 'vi', 'status', 'xa-g');
    expect(viStatus.stdout).toMatch(/Chuỗi nguồn\s+off/);
    const ev = await districtctl(port, 'events', '--station', 'xa-g', '--since', '1h', '--kind', 'command');
    expect(ev.stdout.trim().split('\n')).toHaveLength(2);
    expect(ev.stdout).toMatch(/xa-g\s+\d+\s+command\s+zone \{"zone":1,"on":true\} by uid \d+/);
    const json = JSON.parse((await districtctl(port, 'events', '--station', 'xa-g', '--json')).stdout);
    const start = json.find((e: { event: { kind: string } }) => e.event.kind === 'station.start');
    expect(start).toMatchObject({
      stationId: 'xa-g',
      event: { kind: 'station.start', details: { profile: 'sim' }, text: { key: 'ev.station.start' } },
    });
    // a command's words are left out on the station's link (its details make them again) but
    // the hub's answer carries them whole, for tools that do not know how to make them
    const command = json.find((e: { event: { kind: string } }) => e.event.kind === 'command');
    expect(command.event.text).toMatchObject({ key: 'ev.command', vars: { action: 'zone' } });
    // the station's words travel with its events: a Vietnamese reader at the hub gets them
    const viEv = await districtctl(
      port,
      '--lang',
      'vi',
      'events',
      '--station',
      'xa-g',
      '--kind',
      'station.start',
    );
    expect(viEv.stdout).toMatch(/station\.start\s+đài xa-g đã khởi động \(cấu hình sim\)/);
    const watch = await districtctl(port, 'watch', '--count', '1', '--json');
    expect(JSON.parse(watch.stdout.trim())).toMatchObject({ station: { stationId: 'xa-g', online: true } });
    const log = await districtctl(port, 'play-log');
    expect(log.stdout).toMatch(/Nothing in the play log/);
  });

  it('refuses bad requests with the reason (exit 1) and says when the hub is unreachable (exit 2)', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-h');
    const port = rig.hub.port;
    const unknown = await districtctl(port, 'status', 'nowhere');
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toMatch(/Refused: station "nowhere" has never connected to this hub/);
    const noSel = await districtctl(port, 'command', 'zone', '--params', '{"zone":1,"on":true}');
    expect(noSel.code).toBe(1);
    expect(noSel.stderr).toMatch(/--stations a,b or --all/);
    const wrong = await districtctl(port, 'command', 'zone', '--stations', 'xa-h,xa-zz');
    expect(wrong.stderr).toMatch(/unknown station\(s\) xa-zz; known: xa-h/);
    const noFile = await districtctl(port, 'emergency', 'start', '--all', join(dir, 'missing.wav'));
    expect(noFile.stderr).toMatch(/no such file/);
    writeFileSync(join(dir, 'bad.json'), '{"programmes": [');
    const badJson = await districtctl(port, 'schedule', 'push', join(dir, 'bad.json'), '--all');
    expect(badJson.stderr).toMatch(/schedule .*bad\.json: not valid JSON/);
    const since = await districtctl(port, 'events', '--since', 'yesterday-ish');
    expect(since.stderr).toMatch(/--since: a time such as/);
    const viRefused = await districtctl(port, '--lang', 'vi', 'status', 'nowhere');
    expect(viRefused.stderr).toMatch(/Bị từ chối: station "nowhere"/);
    const gone = await districtctl(await closedPort(), 'stations');
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/Cannot reach the district hub/);
    const goneJson = await districtctl(await closedPort(), 'stations', '--json');
    expect(JSON.parse(goneJson.stderr)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });
});
