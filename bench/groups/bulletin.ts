/**
 * bulletin.tts_render_ms — a 60-word Vietnamese notice → WAV with espeak-ng (normalisation
 *   included), median of 20 renders (the text made unique each time, so nothing is cached).
 * bulletin.text_to_air_ms — operator SendCommand("bulletin.text") → hub → station (through a
 *   relay) → speech rendered → first audio of the attention chime at the output (the play log's
 *   start, stamped when the engine's output carried its first frame; same host clock); a warm
 *   station (chain and zones already on); median of 10, a new text each time. Target ≤ 1,500 ms.
 *   The sound card adds its own output latency (≈ 0.3 s with the pipe sink, docs/schedule.md).
 * bulletin.text_bytes_on_link — gRPC bytes both ways through the relay for that bulletin
 *   (command, result, and the play-log events it makes), against
 *   peer.bulletin.recording_bytes_on_link: the same speech as a 64 kbps mono MP3 recording sent
 *   the way recorded bulletins go (`emergency.start` with the file, fetched by the station).
 * bulletin.cap_to_air_ms — a CAP 1.2 alert POSTed to the hub's CAP intake (Immediate, Extreme,
 *   Observed; its polygon covers the station) → first audio at the warm station's output, text
 *   path (the hub sends bulletin.text); median of 5, a new alert each time. Target ≤ 3,000 ms.
 * bulletin.cap_feed_poll_to_air_ms — a CAP alert published on an ATOM feed the hub polls (a
 *   loopback HTTP server, interval 1 s): from the moment the feed server answers the poll whose
 *   index first lists it → the hub fetches the linked document → first audio at the warm
 *   station's output; median of 3. The polling interval (60 s by default) comes on top.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StationClient } from '../../src/api/station-client.js';
import { DistrictClient } from '../../src/district/client.js';
import { EspeakEngine } from '../../src/speech/espeak.js';
import { Speaker } from '../../src/speech/speaker.js';
import { toValue } from '../../src/wire/struct.js';
import { Relay } from '../../test/helpers/link-relay.js';
import { type Figure, median } from '../figures.js';
import { LAB_ENV, spawnReady, startHubProc, waitFor } from './link.js';

/** 60 words (syllables) of a typical commune notice, with a date, a time and abbreviations. */
export const NOTICE_60 =
  'UBND xã Tân Phú thông báo: theo kế hoạch của TTYT huyện, từ 7h30 ngày 05/12/2026 trạm y tế xã tổ chức tiêm vắc xin cho trẻ em dưới 5 tuổi. ' +
  'Đề nghị các gia đình có con trong độ tuổi đưa trẻ đến đúng giờ, mang theo sổ tiêm chủng và thẻ BHYT. Trân trọng cảm ơn bà con.';

async function renderMs(dir: string): Promise<Figure> {
  const speaker = new Speaker({
    engine: new EspeakEngine(),
    defaults: { voice: 'vi', speed: 140, pitch: 50 },
    tmpDir: dir,
  });
  const words = NOTICE_60.split(/\s+/).length;
  const ms: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await speaker.renderTo({ text: `${NOTICE_60} ${i}` }, join(dir, 'notice.wav'));
    ms.push(r.renderMs);
  }
  return {
    name: 'bulletin.tts_render_ms',
    value: median(ms),
    unit: 'ms',
    note: `${words}-word notice → WAV, espeak-ng vi 140 wpm, median of 20 (max ${Math.max(...ms)} ms)`,
  };
}

const CAP_TOKEN = 'bench-cap-token-0123456789abcdefghij';

interface Rig {
  capUrl: string;
  st: StationClient;
  op: DistrictClient;
  relay: Relay;
  feed: Feed;
  stop(): Promise<void>;
}

/** The province's ATOM feed on loopback: entries by path, when each was first listed to a poll. */
interface Feed {
  server: Server;
  url: string;
  docs: Map<string, string>;
  entries: string[];
  listedAt: Map<string, number>;
}

async function startFeed(): Promise<Feed> {
  const f = { docs: new Map<string, string>(), entries: [] as string[], listedAt: new Map<string, number>() };
  const server = createServer((req, res) => {
    if (req.url !== '/feed.atom') {
      const doc = f.docs.get(req.url ?? '');
      res.writeHead(doc ? 200 : 404).end(doc);
      return;
    }
    const etag = `"${f.entries.length}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    const now = Date.now();
    for (const e of f.entries) if (!f.listedAt.has(e)) f.listedAt.set(e, now);
    const items = f.entries.map(
      (e) => `<entry><id>${e}</id><link type="application/cap+xml" href="${e}"/></entry>`,
    );
    res
      .writeHead(200, { etag })
      .end(`<feed xmlns="http://www.w3.org/2005/Atom"><id>bench</id>${items.join('')}</feed>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.atom`;
  return { ...f, server, url };
}

async function rig(dir: string): Promise<Rig> {
  mkdirSync(join(dir, 'hub'), { recursive: true });
  const feed = await startFeed();
  const cap = {
    schema: 1,
    listen: '127.0.0.1:0',
    tokens: [CAP_TOKEN],
    stations: { 'bench-b': { lat: 16.46, lon: 107.59 } },
    feeds: [{ url: feed.url, intervalS: 1 }],
  };
  writeFileSync(join(dir, 'hub', 'cap.json'), JSON.stringify(cap));
  const hub = await startHubProc(dir, LAB_ENV);
  const capUrl =
    /"cap":"([^"]+)"/.exec(hub.p.lines.find((l) => l.includes('"msg":"ready"')) ?? '')?.[1] ?? '';
  const relay = new Relay(hub.port);
  await relay.listen();
  const data = join(dir, 'st');
  const station = await spawnReady(
    'loa-station',
    ['--profile', 'sim', '--data-dir', data, '--station-id', 'bench-b', '--district', relay.address],
    LAB_ENV,
  );
  const st = new StationClient(join(data, 'station.sock'));
  const op = new DistrictClient(`127.0.0.1:${hub.port}`);
  await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 15_000);
  return {
    capUrl,
    st,
    op,
    relay,
    feed,
    async stop() {
      st.close();
      op.close();
      await station.stop();
      await hub.p.stop();
      await relay.close();
      feed.server.closeAllConnections();
      await new Promise<void>((res) => feed.server.close(() => res()));
    },
  };
}

interface Entry {
  start: number;
  end?: number;
  speech?: { textSha256: string };
  origin?: string;
}

/** Sends a command, waits for its play-log entry; returns [sent, first audio] wall times. */
async function sendAndHear(
  r: Rig,
  method: string,
  params: unknown,
  ended: boolean,
): Promise<[number, number]> {
  const before = ((await r.st.call('playLog', { limit: 10_000 })) as Entry[]).length;
  const sent = Date.now();
  await r.op.call('SendCommand', { stationIds: ['bench-b'], method, params: toValue(params) });
  let e: Entry | undefined;
  await waitFor(async () => {
    const log = (await r.st.call('playLog', { limit: 10_000 })) as Entry[];
    e = log.length > before ? log[log.length - 1] : undefined;
    return e !== undefined && (!ended || e.end !== undefined);
  }, 120_000);
  return [sent, (e as Entry).start];
}

async function textToAir(r: Rig): Promise<Figure[]> {
  for (const zone of [1, 2, 3, 4]) await r.st.call('zone', { zone, on: true });
  await r.st.call('power', { on: true });
  await waitFor(
    async () => ((await r.st.call('status')) as { power: { state: string } }).power.state === 'on',
    30_000,
  );
  const lat: number[] = [];
  for (let i = 0; i < 10; i++) {
    const [sent, heard] = await sendAndHear(
      r,
      'bulletin.text',
      { text: `${NOTICE_60} Lần ${i + 1}.`, tier: 'priority' },
      false,
    );
    lat.push(heard - sent);
    await r.st.call('bulletin.stop', {});
  }
  return [
    {
      name: 'bulletin.text_to_air_ms',
      value: median(lat),
      unit: 'ms',
      note: `SendCommand → first chime audio at a warm station's output, median of 10 (max ${Math.max(...lat)} ms); target ≤ 1500`,
    },
  ];
}

function capAlert(i: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>bench-${Date.now()}-${i}</identifier><sender>kttv@example.vn</sender>
  <sent>2026-12-05T10:00:00+07:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>vi-VN</language><category>Met</category><event>Lũ</event>
    <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
    <headline>Cảnh báo lũ lần ${i + 1}</headline>
    <description>Mưa lớn 150-200mm, nước sông dâng nhanh.</description>
    <instruction>Bà con vùng trũng sơ tán ngay.</instruction>
    <area><areaDesc>Huế</areaDesc><polygon>16.3,107.4 16.3,107.8 16.6,107.8 16.6,107.4 16.3,107.4</polygon></area>
  </info>
</alert>`;
}

async function capToAir(r: Rig): Promise<Figure[]> {
  const lat: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = ((await r.st.call('playLog', { limit: 10_000 })) as Entry[]).length;
    const sent = Date.now();
    const res = await fetch(r.capUrl, {
      method: 'POST',
      body: capAlert(i),
      headers: { authorization: `Bearer ${CAP_TOKEN}` },
    });
    if (res.status !== 200) throw new Error(`CAP POST answered ${res.status}: ${await res.text()}`);
    let e: Entry | undefined;
    await waitFor(async () => {
      const log = (await r.st.call('playLog', { limit: 10_000 })) as Entry[];
      e = log.length > before ? log[log.length - 1] : undefined;
      return e !== undefined;
    }, 60_000);
    lat.push((e as Entry).start - sent);
    await r.st.call('bulletin.stop', {});
  }
  return [
    {
      name: 'bulletin.cap_to_air_ms',
      value: median(lat),
      unit: 'ms',
      note: `CAP POST at the hub → first audio at a warm station's output (text path), median of 5 (max ${Math.max(...lat)} ms); target ≤ 3000`,
    },
  ];
}

async function capFeedToAir(r: Rig): Promise<Figure[]> {
  const lat: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = ((await r.st.call('playLog', { limit: 10_000 })) as Entry[]).length;
    const path = `/cap/feed-${i}.xml`;
    r.feed.docs.set(path, capAlert(100 + i));
    r.feed.entries.push(path);
    let e: Entry | undefined;
    await waitFor(async () => {
      const log = (await r.st.call('playLog', { limit: 10_000 })) as Entry[];
      e = log.length > before ? log[log.length - 1] : undefined;
      return e !== undefined;
    }, 60_000);
    lat.push((e as Entry).start - (r.feed.listedAt.get(path) ?? Number.NaN));
    await r.st.call('bulletin.stop', {});
  }
  return [
    {
      name: 'bulletin.cap_feed_poll_to_air_ms',
      value: median(lat),
      unit: 'ms',
      note: `ATOM feed poll that first lists the alert → document fetched → first audio at a warm station, median of 3 (max ${Math.max(...lat)} ms); the poll interval comes on top`,
    },
  ];
}

async function bytesOnLink(r: Rig, dir: string): Promise<Figure[]> {
  const count = async (method: string, params: unknown) => {
    await new Promise((res) => setTimeout(res, 1500)); // let the previous bulletin's events go out
    r.relay.bytesUp = r.relay.bytesDown = 0;
    await sendAndHear(r, method, params, true);
    await new Promise((res) => setTimeout(res, 2500)); // its play-log events reach the hub
    return r.relay.bytesUp + r.relay.bytesDown;
  };
  const text = `${NOTICE_60} Đọc một lần.`;
  const textBytes = await count('bulletin.text', { text, tier: 'priority' });
  const speaker = new Speaker({
    engine: new EspeakEngine(),
    defaults: { voice: 'vi', speed: 140, pitch: 50 },
    tmpDir: dir,
  });
  await speaker.renderTo({ text }, join(dir, 'rec.wav'));
  const mp3 = join(dir, 'rec.mp3');
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-i',
    join(dir, 'rec.wav'),
    '-ac',
    '1',
    '-b:a',
    '64k',
    mp3,
  ]);
  const ref = await r.op.upload(mp3);
  const source = { sha256: ref.sha256, sizeBytes: ref.sizeBytes, name: ref.name };
  const recBytes = await count('emergency.start', { source });
  return [
    {
      name: 'bulletin.text_bytes_on_link',
      value: textBytes,
      unit: 'B',
      note: `${[...text].length} characters of text; the same bulletin as a recording took ${recBytes} B (${Math.round(recBytes / textBytes)}×)`,
    },
    {
      name: 'peer.bulletin.recording_bytes_on_link',
      value: recBytes,
      unit: 'B',
      note: `the rendered speech as a 64 kbps mono MP3 (${ref.sizeBytes} B file) via emergency.start, fetched by the station`,
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-bulletin-'));
  try {
    const out = [await renderMs(dir)];
    const r = await rig(dir);
    try {
      out.push(...(await textToAir(r)), ...(await capToAir(r)), ...(await capFeedToAir(r)));
      out.push(...(await bytesOnLink(r, dir)));
    } finally {
      await r.stop();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
