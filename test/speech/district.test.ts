/**
 * Text bulletins from the district, real parts end to end: the real hub, two real sim
 * stations dialling it through a relay, each with a WAV sink. `districtctl bulletin text`
 * sends the text (not audio); each station speaks it with its own espeak-ng and it is heard
 * at both outputs. An emergency by text still plays while the station's media sync is blocked
 * (the file its pushed schedule needs cannot be fetched): it needs no media.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { speechStats } from '../helpers/speech-audio.js';
import { readWav } from '../helpers/tones.js';
import { HUB_ENV, LINK_ENV, scheduleDoc, startStation, toneFile, uplink } from '../link/helpers.js';

const IDS = ['xa-a', 'xa-b'];
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let dir: string;
let hub: HubProc;
let relay: Relay;
const stations = new Map<string, Daemon>();

interface LogEntry {
  kind: string;
  tier: string;
  origin?: string;
  end?: number;
  endReason?: string;
  speech?: { textSha256: string; voice: string };
}

async function playLog(id: string): Promise<LogEntry[]> {
  const r = await (stations.get(id) as Daemon).ctl('--json', 'play-log');
  return JSON.parse(r.stdout) as LogEntry[];
}

beforeAll(async () => {
  dir = tempDir('loa-district-tts-');
  hub = await startHub(join(dir, 'hub'), HUB_ENV);
  relay = new Relay(hub.port);
  await relay.listen();
  for (const id of IDS) {
    mkdirSync(join(dir, id), { recursive: true });
    const sink = { kind: 'wav', path: join(dir, `${id}.wav`) };
    const cfg = { schema: 1, sink, monitor: { enabled: false }, onAirLog: { enabled: false } };
    writeFileSync(join(dir, id, 'audio.json'), JSON.stringify(cfg));
    // media chunks of 16 KiB: the schedule's file takes many round trips (blocked below)
    const d = await startStation(dir, id, relay, { ...LINK_ENV, LOA_MEDIA_CHUNK_BYTES: '16384' });
    stations.set(id, d);
    await pollUntil(async () => (await uplink({ station: d })).link === 'up', 20_000);
  }
}, 120_000);
afterAll(async () => {
  for (const d of stations.values()) await d.stop();
  await hub?.stop();
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('districtctl bulletin', () => {
  it('a text bulletin sent through the hub is spoken and heard at both stations', async () => {
    const text = 'Thông báo: 7h sáng mai tiêm vắc xin tại trạm y tế xã.';
    const r = await districtctl(
      hub.port,
      'bulletin',
      'text',
      text,
      '--stations',
      IDS.join(','),
      '--tier',
      'priority',
      '--wait',
      '60',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const id of IDS) {
      const e = await pollUntil(
        async () => (await playLog(id)).find((x) => x.kind === 'bulletin' && x.end !== undefined),
        60_000,
      );
      expect(e).toMatchObject({
        tier: 'priority',
        origin: 'district',
        endReason: 'finished',
        speech: { textSha256: sha(text), voice: 'vi' },
      });
      const p = readWav(join(dir, `${id}.wav`));
      const s = speechStats(p);
      expect(s.speechBandFraction).toBeGreaterThan(0.7); // speech (and the chimes) at the output
      expect(s.durationS).toBeGreaterThan(5);
    }
    // the hub's play log has it too (playlog.item events)
    const hubLog = await districtJson<unknown[]>(hub.port, 'play-log', '--station', 'xa-a');
    expect(JSON.stringify(hubLog)).toContain(sha(text));

    // the "heard" view for a plain (non-CAP) bulletin: one bulletin, a command per station
    type Sent = { text: string; tier: string; commands: Array<{ id: string; station: string }> };
    const list = await districtJson<Sent[]>(hub.port, 'bulletin', 'list');
    const sent = list.find((b) => b.text === text) as Sent;
    expect(sent).toMatchObject({ tier: 'priority' });
    expect(sent.commands.map((c) => c.station).sort()).toEqual(IDS);
    expect((await districtctl(hub.port, 'bulletin', 'list')).stdout).toMatch(/priority {2}"Thông báo: 7h/);
    const id = (sent.commands[0] as { id: string }).id;
    const shown = await pollUntil(async () => {
      const r = await districtctl(hub.port, 'bulletin', 'show', id);
      return (r.stdout.match(/: HEARD — /g) ?? []).length === 2 ? r.stdout : undefined;
    }, 30_000);
    for (const st of IDS)
      expect(shown).toMatch(
        new RegExp(`${st}: HEARD — \\d\\d:\\d\\d:\\d\\d .*\\(finished\\), amplifier ✓, zones 1✓ 2✓ 3✓ 4✓`),
      );
    const vi = await districtctl(hub.port, '--lang', 'vi', 'bulletin', 'show', id);
    expect(vi.stdout).toMatch(/ĐÃ PHÁT RA LOA/);
    const none = await districtctl(hub.port, 'bulletin', 'show', 'nope');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/no bulletin with command id "nope" at the hub/);
  });

  it('an emergency by text plays while media sync is blocked', async () => {
    const media = toneFile(join(dir, 'big.wav'), 30);
    const mediaSha = sha(readFileSync(media));
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify(scheduleDoc(mediaSha)));
    await districtJson(
      hub.port,
      'schedule',
      'push',
      join(dir, 'schedule.json'),
      '--stations',
      'xa-a',
      '--media',
      media,
    );
    // the hub loses the file: every fetch of it fails, the schedule cannot be applied
    rmSync(join(dir, 'hub', 'media', mediaSha), { force: true });
    const text = 'Khẩn cấp: nước sông đang lên nhanh, bà con vùng trũng sơ tán ngay.';
    const r = await districtctl(
      hub.port,
      'bulletin',
      'text',
      text,
      '--stations',
      'xa-a',
      '--tier',
      'emergency',
      '--voice',
      'vi-vn-x-central',
      '--wait',
      '60',
    );
    expect(r.code).toBe(0);
    const e = await pollUntil(
      async () =>
        (await playLog('xa-a')).find(
          (x) => x.tier === 'emergency' && x.speech?.textSha256 === sha(text) && x.end !== undefined,
        ),
      60_000,
    );
    expect(e).toMatchObject({
      kind: 'bulletin',
      endReason: 'finished',
      speech: { voice: 'vi-vn-x-central' },
    });
    // the media sync was indeed blocked the whole time
    expect(existsSync(join(dir, 'xa-a', 'media', 'objects', mediaSha))).toBe(false);
    const st = JSON.parse((await (stations.get('xa-a') as Daemon).ctl('--json', 'status')).stdout);
    expect(st.modules.schedule.version).toBeNull();
  });

  it('preview writes the WAV the stations would speak; bad input is refused', async () => {
    const out = join(dir, 'preview.wav');
    const r = await districtctl(
      hub.port,
      'bulletin',
      'preview',
      'Họp dân lúc 17:30.',
      '--out',
      out,
      '--voice',
      'vi-vn-x-south',
    );
    expect(r.stdout).toMatch(/Preview written to .*preview\.wav \(voice vi-vn-x-south, espeak-ng 1\.\d+/);
    expect(r.stdout).toMatch(/Họp dân lúc mười bảy giờ ba mươi phút/);
    expect(speechStats(readWav(out)).speechBandFraction).toBeGreaterThan(0.8);
    const long = await districtctl(hub.port, 'bulletin', 'text', 'x'.repeat(2500), '--all');
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/2500 characters; a text bulletin is at most 2000 characters/);
    const voice = await districtctl(
      hub.port,
      'bulletin',
      'preview',
      'xin chào',
      '--out',
      out,
      '--voice',
      'fr',
    );
    expect(voice.stderr).toMatch(/--voice: allowed vi, vi-vn-x-central, vi-vn-x-south \(got "fr"\)/);
  });
});
