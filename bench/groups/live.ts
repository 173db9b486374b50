/**
 * Live voice (issue 21, docs/live.md): the real hub (with its console), one warm sim station
 * (chain and zones up, a 440 Hz programme on air) linked through a TCP relay, its output read by
 * the sound-card stand-in test/helpers/tone-sink.mjs, which stamps each tone change with the
 * wall time it is played (same host clock as the sender).
 *
 * live.mouth_to_output_ms — the console's speak page in headless chromium with a fake
 *   microphone: tone onset in the browser's capture → tone at the station's output
 *   (live-browser.ts). Median of 3. Target ≤ 1500.
 * live.cli_mouth_to_output_ms — districtctl's path (ffmpeg -re encoding a file to Opus/WebM at
 *   20 kbit/s, streamed to DistrictService.Speak): a file of 4 s of silence then a 1000 Hz tone;
 *   mouth = when the encoder's first chunk came out + 4 s (the file's clock), output = when the
 *   sound card plays the first 1000 Hz period. Median of 3 (the figure live.mouth_to_output_ms
 *   was before the browser path existed).
 * live.bytes_per_minute — bytes hub → station through the relay while 30 s of speech are
 *   relayed (gRPC framing, TCP payload and the session's own traffic included), per minute.
 *   Target ≤ 250 kB. live.browser_bytes_per_minute: the same from the browser's MediaRecorder.
 * live.feed_loss_to_programme_ms — the link frozen mid-speech (the relay stops passing bytes,
 *   no FIN: a 4G stall) → the first 440 Hz period of the programme at the output. Median of 3.
 *   Target ≤ 2000.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StationClient } from '../../src/api/station-client.js';
import { encoderArgs } from '../../src/cli/district/live.js';
import { DistrictClient } from '../../src/district/client.js';
import { ROOT } from '../../test/helpers/daemon.js';
import { Relay } from '../../test/helpers/link-relay.js';
import { type Figure, median } from '../figures.js';
import { LAB_ENV, spawnReady, startHubProc, waitFor } from './link.js';
import { browserBytesPerMinute, browserMouthToOutput } from './live-browser.js';

interface Heard {
  at: number;
  hz: number;
}

interface Rig {
  consoleUrl: string;
  st: StationClient;
  op: DistrictClient;
  relay: Relay;
  heard(): Heard[];
  stop(): Promise<void>;
}

function audio(file: string, graph: string): string {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-filter_complex', graph, file]);
  return file;
}

async function rig(dir: string): Promise<Rig> {
  const hub = await startHubProc(dir, { ...LAB_ENV, LOA_DISTRICT_CONSOLE_LISTEN: '127.0.0.1:0' });
  const ready = hub.p.lines.find((l) => l.includes('"msg":"ready"')) ?? '';
  const consoleUrl = /"console":"(http[^"]+)"/.exec(ready)?.[1] ?? '';
  const relay = new Relay(hub.port);
  await relay.listen();
  const data = join(dir, 'st');
  mkdirSync(data, { recursive: true });
  const heardFile = join(dir, 'heard.jsonl');
  const sink = [process.execPath, join(ROOT, 'test', 'helpers', 'tone-sink.mjs'), heardFile]
    .map((s) => JSON.stringify(s))
    .join(' ');
  writeFileSync(
    join(data, 'audio.json'),
    JSON.stringify({
      schema: 1,
      sink: { kind: 'pipe', command: sink },
      onAirLog: { enabled: false },
      monitor: { enabled: false },
    }),
  );
  const station = await spawnReady(
    'loa-station',
    ['--profile', 'sim', '--data-dir', data, '--station-id', 'bench-l', '--district', relay.address],
    LAB_ENV,
  );
  const st = new StationClient(join(data, 'station.sock'));
  const op = new DistrictClient(`127.0.0.1:${hub.port}`);
  await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 20_000);
  // a warm station: chain and zones up, the programme on air
  for (const zone of [1, 2, 3, 4]) await st.call('zone', { zone, on: true });
  await st.call('power', { on: true });
  const programme = audio(join(dir, 'programme.wav'), 'sine=f=440:d=900,aformat=channel_layouts=stereo');
  await st.call('audio.play', { source: programme });
  const heard = () =>
    existsSync(heardFile)
      ? readFileSync(heardFile, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Heard)
      : [];
  await waitFor(async () => heard().some((h) => h.hz === 440), 30_000);
  return {
    consoleUrl,
    st,
    op,
    relay,
    heard,
    async stop() {
      st.close();
      op.close();
      await station.stop();
      await hub.p.stop();
      await relay.close();
    },
  };
}

interface Speaking {
  firstChunkAt: Promise<number>;
  enc: ChildProcess;
  done: Promise<unknown>;
}

/** districtctl's path, in process: ffmpeg -re encodes the file, each chunk goes to Speak. */
function speak(op: DistrictClient, file: string): Speaking {
  const stream = op.speak({ stationIds: ['bench-l'], tier: 'priority', format: 'webm', zones: [] });
  const enc = spawn('ffmpeg', encoderArgs(file), { stdio: ['ignore', 'pipe', 'ignore'] });
  let first!: (t: number) => void;
  const firstChunkAt = new Promise<number>((r) => {
    first = r;
  });
  const done = (async () => {
    let n = 0;
    for await (const chunk of enc.stdout as AsyncIterable<Buffer>) {
      if (n++ === 0) first(Date.now());
      await stream.send(chunk);
    }
    return stream.end();
  })();
  done.catch(() => undefined);
  return { firstChunkAt, enc, done };
}

async function untilIdle(r: Rig): Promise<void> {
  await waitFor(async () => !((await r.st.call('live.status')) as { active: boolean }).active, 30_000);
}

async function mouthToOutput(r: Rig, dir: string): Promise<Figure> {
  const file = audio(
    join(dir, 'speech.wav'),
    'anullsrc=r=48000:cl=mono:d=4[s];sine=f=1000:d=4[t];[s][t]concat=n=2:v=0:a=1',
  );
  const lat: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = speak(r.op, file);
    const onset = (await s.firstChunkAt) + 4000;
    let out: Heard | undefined;
    await waitFor(async () => {
      out = r.heard().find((h) => h.at >= onset - 2000 && h.hz === 1000);
      return out !== undefined;
    }, 30_000);
    lat.push((out as Heard).at - onset);
    await s.done;
    await untilIdle(r);
  }
  return {
    name: 'live.cli_mouth_to_output_ms',
    value: median(lat),
    unit: 'ms',
    note: `districtctl's path: tone onset in a file encoded live (ffmpeg -re, Opus 20 kbit/s WebM) → tone at a warm station's output via the hub, median of 3 (${lat.join(', ')})`,
  };
}

async function bytesPerMinute(r: Rig, dir: string): Promise<Figure> {
  const file = audio(join(dir, 'speech30.wav'), 'sine=f=1000:d=30');
  const before = r.relay.bytesDown;
  const s = speak(r.op, file);
  const res = (await s.done) as { bytes: number; durationMs: number };
  const link = r.relay.bytesDown - before;
  await untilIdle(r);
  const perMin = (link / 30) * 60;
  return {
    name: 'live.bytes_per_minute',
    value: Math.round(perMin / 100) / 10,
    unit: 'kB',
    note: `hub → station bytes through the relay for 30 s of speech, per minute (audio alone ${Math.round(((Number(res.bytes) / 30) * 60) / 1000)} kB/min, Opus 20 kbit/s in WebM); target ≤ 250`,
  };
}

async function feedLoss(r: Rig, dir: string): Promise<Figure> {
  const file = audio(join(dir, 'speech60.wav'), 'sine=f=1000:d=60');
  const lat: number[] = [];
  for (let i = 0; i < 3; i++) {
    const from = Date.now();
    const s = speak(r.op, file);
    await waitFor(async () => r.heard().some((h) => h.at > from && h.hz === 1000), 30_000);
    await new Promise((res) => setTimeout(res, 2000));
    r.relay.stall();
    const cut = Date.now();
    let back: Heard | undefined;
    await waitFor(async () => {
      back = r.heard().find((h) => h.at > cut && h.hz === 440);
      return back !== undefined;
    }, 30_000);
    lat.push((back as Heard).at - cut);
    s.enc.kill('SIGKILL');
    r.relay.restore();
    await s.done.catch(() => undefined);
    await untilIdle(r);
  }
  return {
    name: 'live.feed_loss_to_programme_ms',
    value: median(lat),
    unit: 'ms',
    note: `link frozen mid-speech (relay stalls, no FIN) → programme tone at the output, median of 3 (${lat.join(', ')}); target ≤ 2000`,
  };
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-live-'));
  mkdirSync(join(dir, 'hub'), { recursive: true });
  const r = await rig(dir);
  try {
    const b = {
      consoleUrl: r.consoleUrl,
      hubDir: join(dir, 'hub'),
      station: 'bench-l',
      heard: r.heard,
      bytesDown: () => r.relay.bytesDown,
    };
    const browser = await browserMouthToOutput(b, dir);
    await untilIdle(r);
    const browserBytes = await browserBytesPerMinute(b, dir);
    await untilIdle(r);
    return [
      browser,
      await mouthToOutput(r, dir),
      await bytesPerMinute(r, dir),
      browserBytes,
      await feedLoss(r, dir),
    ];
  } finally {
    await r.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
