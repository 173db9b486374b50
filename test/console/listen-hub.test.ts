/**
 * Listen-in without a browser: the real hub with its console, real sim stations (daemons with
 * the real engine and uplink) playing a known tone, and an HTTP client reading
 * GET /api/stations/ID/listen with a console session (WebM/Opus). The stream is decoded by the real
 * ffmpeg and the tone found by Goertzel; the station's encoder child exists only while someone
 * listens (two listeners → one station stream), a forged or missing session is refused, an
 * offline station is answered "offline (since …)", and every listen is audited.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type ConsoleRig, startConsoleRig } from '../helpers/console-rig.js';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtJson } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { goertzel } from '../helpers/tones.js';
import { LINK_ENV, startStation } from '../link/helpers.js';

const PASSWORD = 'mật-khẩu-nghe-thử';
let rig: ConsoleRig;
let dir: string;
let cookie = '';

interface ListenStatus {
  active: boolean;
  id?: string;
  pid?: number;
  served: number;
}

async function listenStatus(d: Daemon): Promise<ListenStatus> {
  const r = await d.ctl('--json', 'link');
  return (JSON.parse(r.stdout) as { listen: ListenStatus }).listen;
}

async function login(name: string): Promise<string> {
  const res = await fetch(`${rig.url}api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Opens the listen stream; collects what arrives until `stop()`. */
function openListen(station: string, withCookie = cookie) {
  const chunks: Buffer[] = [];
  let res: IncomingMessage | undefined;
  const req = request(`${rig.url}api/stations/${station}/listen`, { headers: { cookie: withCookie } });
  let ended = false;
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', (r) => {
      res = r;
      r.on('data', (b: Buffer) => chunks.push(b));
      r.on('end', () => {
        ended = true;
      });
      resolve(r);
    });
    req.on('error', reject);
  });
  req.end();
  return {
    answered,
    bytes: () => chunks.reduce((n, c) => n + c.length, 0),
    data: () => Buffer.concat(chunks),
    ended: () => ended,
    stop: () => {
      req.destroy();
      res?.destroy();
    },
  };
}

/** The WebM/Opus bytes decoded by ffmpeg: mono 48 kHz float samples. */
function decode(webm: Buffer): Float32Array {
  const pcm = execFileSync(
    'ffmpeg',
    ['-loglevel', 'error', '-i', 'pipe:0', '-f', 'f32le', '-ac', '1', '-ar', '48000', 'pipe:1'],
    {
      input: webm,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return new Float32Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.length / 4));
}

const pidAlive = (pid: number) => existsSync(`/proc/${pid}`);

beforeAll(async () => {
  dir = tempDir('loa-listen-hub-');
  rig = await startConsoleRig(dir, 2);
  await addUser(join(dir, 'hub'), 'chi', 'viewer', PASSWORD);
  const tone = makeTone(join(dir, 'tone.wav'), { hz: 1000, seconds: 600, rate: 48_000, channels: 2 });
  const r = await (rig.stations.get('xa-1') as Daemon).ctl('play', tone);
  expect(r.code, r.stderr).toBe(0);
  cookie = await login('chi');
}, 180_000);

afterAll(async () => {
  await rig?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('listen-in through the hub (no browser)', () => {
  it('streams the station on-air tone as WebM/Opus; the encoder child lives only while someone listens', async () => {
    const xa1 = rig.stations.get('xa-1') as Daemon;
    expect((await listenStatus(xa1)).active).toBe(false);
    const l = openListen('xa-1');
    const res = await l.answered;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^audio\/webm/);
    // 3 s of 16 kbit/s Opus is ~6 kB: wait for well over a second of audio
    await pollUntil(async () => l.bytes() > 4000, 30_000);
    const st = await listenStatus(xa1);
    expect(st.active).toBe(true);
    const pid = st.pid as number;
    // the technician at the station sees it, in both languages
    await expect(xa1.ctl('link')).resolves.toMatchObject({
      stdout: expect.stringMatching(/Listen-in +the district is listening to the output \([\d.]+ kB sent\)/),
    });
    await expect(xa1.ctl('--lang', 'vi', 'link')).resolves.toMatchObject({
      stdout: expect.stringContaining('huyện đang nghe âm thanh phát ra'),
    });
    expect(pidAlive(pid)).toBe(true);
    l.stop();
    const pcm = decode(l.data());
    expect(pcm.length).toBeGreaterThan(48_000);
    const p = { rate: 48_000, channels: 1, data: pcm };
    const tail = pcm.length - 9600; // the last 200 ms
    const at1000 = goertzel(p, tail, 9600, 1000);
    // ffmpeg's sine is at −18 dBFS (amplitude 1/8); the downmix to mono and Opus keep it above −30
    expect(at1000).toBeGreaterThan(0.015);
    expect(at1000).toBeGreaterThan(10 * goertzel(p, tail, 9600, 440));
    // the request closed → the hub stops the station's stream → the child is gone
    await pollUntil(async () => !(await listenStatus(xa1)).active && !pidAlive(pid), 20_000);
  }, 90_000);

  it('two listeners share one station stream; the last one leaving stops it', async () => {
    const xa1 = rig.stations.get('xa-1') as Daemon;
    const before = (await listenStatus(xa1)).served;
    const a = openListen('xa-1');
    expect((await a.answered).statusCode).toBe(200);
    // the second joins a running stream: the hub has the header already and hands it over first
    await pollUntil(async () => a.bytes() > 1000, 30_000);
    const b = openListen('xa-1');
    expect((await b.answered).statusCode).toBe(200);
    expect((await b.answered).headers['content-type']).toMatch(/^audio\/webm/);
    await pollUntil(async () => b.bytes() > 1000, 30_000);
    const st = await listenStatus(xa1);
    expect(st.served).toBe(before + 1);
    // both start with the stream's header (EBML, then Tracks with OpusHead) whatever moment they joined
    for (const l of [a, b]) {
      expect(l.data().subarray(0, 4).toString('hex')).toBe('1a45dfa3');
      expect(l.data().subarray(0, 600).includes('OpusHead')).toBe(true);
    }
    a.stop();
    const after = b.bytes();
    await pollUntil(async () => b.bytes() > after + 1000, 20_000);
    expect((await listenStatus(xa1)).active).toBe(true);
    b.stop();
    await pollUntil(async () => !(await listenStatus(xa1)).active, 20_000);
    const audit = await districtJson<
      Array<{ action: string; who: string; stationId?: string; params?: unknown }>
    >(rig.hub.port, 'audit', '--station', 'xa-1');
    const mine = audit.filter((e) => e.action.startsWith('Listen') && e.who === 'chi');
    expect(mine.filter((e) => e.action === 'ListenStart').length).toBeGreaterThanOrEqual(3);
    await pollUntil(
      async () =>
        (
          await districtJson<Array<{ action: string; who: string }>>(
            rig.hub.port,
            'audit',
            '--station',
            'xa-1',
          )
        ).filter((e) => e.action === 'ListenEnd' && e.who === 'chi').length >= 3,
      10_000,
    );
  }, 90_000);

  it('refuses a listen without a session or with a forged cookie, and an unknown station', async () => {
    for (const c of ['', 'loa_session=forged0123456789abcdef']) {
      const l = openListen('xa-1', c);
      const res = await l.answered;
      expect(res.statusCode).toBe(401);
      l.stop();
    }
    const bad = openListen('XA_1%20x');
    expect((await bad.answered).statusCode).toBe(400);
    bad.stop();
    const unknown = openListen('xa-99');
    expect((await unknown.answered).statusCode).toBe(404);
    unknown.stop();
    expect((await listenStatus(rig.stations.get('xa-1') as Daemon)).active).toBe(false);
  }, 30_000);

  it('streams dead air as dead air, and a frozen link stops the encoder and ends the listen', async () => {
    const relay = new Relay(rig.hub.port);
    await relay.listen();
    const st = await startStation(dir, 'xa-r', relay, LINK_ENV);
    try {
      await pollUntil(async () => {
        const list = await districtJson<{ stationId: string; online: boolean }[]>(rig.hub.port, 'stations');
        return list.some((s) => s.stationId === 'xa-r' && s.online);
      }, 30_000);
      const l = openListen('xa-r');
      expect((await l.answered).statusCode).toBe(200);
      await pollUntil(async () => l.bytes() > 3000, 30_000);
      // nothing plays: the output is silence, and silence is what the listener gets
      const pcm = decode(l.data());
      expect(pcm.length).toBeGreaterThan(24_000);
      const rms = Math.sqrt(pcm.reduce((t, x) => t + x * x, 0) / pcm.length);
      expect(rms).toBeLessThan(0.001);
      const pid = (await listenStatus(st)).pid as number;
      expect(pidAlive(pid)).toBe(true);
      relay.stall(); // the 4G link freezes: no FIN, no stop can reach the station
      await pollUntil(async () => !pidAlive(pid), 20_000);
      await pollUntil(async () => l.ended(), 20_000);
      l.stop();
    } finally {
      relay.restore();
      await st.stop();
      await relay.close();
    }
  }, 120_000);

  it('answers an offline station with when it was last heard', async () => {
    await (rig.stations.get('xa-2') as Daemon).stop();
    await pollUntil(async () => {
      const list = await districtJson<{ stationId: string; online: boolean }[]>(rig.hub.port, 'stations');
      return list.some((s) => s.stationId === 'xa-2' && !s.online);
    }, 30_000);
    const res = await fetch(`${rig.url}api/stations/xa-2/listen`, { headers: { cookie } });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^station xa-2 is offline \(since \d{4}-\d\d-\d\dT/);
  }, 60_000);
});
