/**
 * link.bytes_per_station_day — payload bytes both ways through a counting TCP relay for one
 *   idle day with the two broadcast windows (05:30–06:30, 17:00–18:00), keepalive included.
 *   A real hub and a real station daemon (sim profile), with every link timing (keepalive,
 *   heartbeat, sampling, the hub's pings) and the transmitter's thermal time constant divided
 *   by SCALE, so the day runs in 86 400 / SCALE seconds and each timer fires as often as in a
 *   real day; a broadcast window powers the chain and all zones on, then off.
 * link.command_to_relay_p99_ms — operator SendCommand("zone") → hub → station → zone relay
 *   switched (the station's audit event, stamped after the relay was driven; same host clock),
 *   through the relay, with the chain on; median in the note.
 * hub.sessions_1000_rss_kb, hub.get_station_p99_ms — see link-hub.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StationClient } from '../../src/api/station-client.js';
import { DistrictClient } from '../../src/district/client.js';
import { toValue } from '../../src/wire/struct.js';
import { Relay } from '../../test/helpers/link-relay.js';
import { type Figure, median, percentile } from '../figures.js';
import { hubSessions } from './link-hub.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** One day in 120 s. */
const SCALE = 720;
const DAY_S = 86_400;
const TCP_IP_HEADER_BYTES = 52;
const WINDOWS_S: [number, number][] = [
  [5.5 * 3600, 6.5 * 3600],
  [17 * 3600, 18 * 3600],
];

export interface Proc {
  proc: ChildProcess;
  lines: string[];
  stop(): Promise<void>;
}

export function spawnReady(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<Proc> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin', bin), ...args], {
    env: {
      ...process.env,
      LOA_LOG_FORMAT: 'json',
      LOA_METRICS_LISTEN: '127.0.0.1:0',
      LOA_DISTRICT_METRICS_LISTEN: '127.0.0.1:0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const stop = () =>
    new Promise<void>((r) => {
      if (proc.exitCode !== null) return r();
      proc.on('exit', () => r());
      proc.kill('SIGTERM');
    });
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${bin} not ready in 30 s`)), 30_000);
    let buf = '';
    proc.stdout?.on('data', (b: Buffer) => {
      buf += b.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const l of parts) {
        if (lines.length < 10_000) lines.push(l);
        if (l.includes('"msg":"ready"')) {
          clearTimeout(timer);
          res({ proc, lines, stop });
        }
      }
    });
    proc.on('exit', (c) => rej(new Error(`${bin} exited ${c}: ${lines.slice(-3).join('\n')}`)));
  });
}

export async function startHubProc(
  dir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ p: Proc; port: number }> {
  const p = await spawnReady(
    'loa-district',
    ['--data-dir', join(dir, 'hub'), '--listen', '127.0.0.1:0'],
    env,
  );
  const m = /"port":(\d+)/.exec(p.lines.find((l) => l.includes('"msg":"ready"')) ?? '');
  return { p, port: Number(m?.[1]) };
}

function scaledProfile(dir: string): string {
  const p = JSON.parse(readFileSync(join(ROOT, 'hw', 'profiles', 'sim.json'), 'utf8'));
  p.name = 'sim-day';
  p.drivers.sim.txThermalTauS = 120 / SCALE;
  const file = join(dir, 'sim-day.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

export async function waitFor(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met');
}

async function broadcast(st: StationClient, on: boolean): Promise<void> {
  for (const zone of [1, 2, 3, 4]) await st.call('zone', { zone, on });
  await st.call('power', { on });
}

/** Plain text (a lab), no rate limit: what the link figures measure unless a caller says otherwise. */
export const LAB_ENV = { LOA_INSECURE_LAB: '1', LOA_RATE_BURST: '1000000', LOA_RATE_PER_MIN: '6000000' };

export interface DayOptions {
  /** Figure name (default link.bytes_per_station_day); the security group measures it with mTLS. */
  name?: string;
  hubEnv?: NodeJS.ProcessEnv;
  stationEnv?: NodeJS.ProcessEnv;
}

export async function bytesPerDay(dir: string, o: DayOptions = {}): Promise<Figure[]> {
  const hub = await startHubProc(dir, {
    ...LAB_ENV,
    LOA_HUB_KEEPALIVE_MS: String(Math.round(300_000 / SCALE)),
    ...o.hubEnv,
  });
  const relay = new Relay(hub.port);
  await relay.listen();
  const env = {
    ...LAB_ENV,
    LOA_LINK_KEEPALIVE_MS: String(Math.round(60_000 / SCALE)),
    LOA_LINK_HEARTBEAT_MS: String(Math.round(300_000 / SCALE)),
    LOA_LINK_SAMPLE_MS: String(Math.max(50, Math.round(10_000 / SCALE))),
    ...o.stationEnv,
  };
  const data = join(dir, 'st');
  const station = await spawnReady(
    'loa-station',
    [
      '--profile',
      scaledProfile(dir),
      '--data-dir',
      data,
      '--station-id',
      'bench-a',
      '--district',
      relay.address,
    ],
    env,
  );
  const st = new StationClient(join(data, 'station.sock'));
  try {
    await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    const setup = relay.bytesUp + relay.bytesDown;
    relay.bytesUp = relay.bytesDown = relay.chunks = 0;
    const t0 = Date.now();
    const at = (s: number) =>
      new Promise((r) => setTimeout(r, Math.max(0, t0 + (s * 1000) / SCALE - Date.now())));
    for (const [from, to] of WINDOWS_S) {
      await at(from);
      await broadcast(st, true);
      await at(to);
      await broadcast(st, false);
    }
    await at(DAY_S);
    const day = relay.bytesUp + relay.bytesDown;
    // On the 4G link each data segment also carries ~52 B of IPv4+TCP headers (with timestamps)
    const ip = day + setup + TCP_IP_HEADER_BYTES * relay.chunks;
    return [
      {
        name: o.name ?? 'link.bytes_per_station_day',
        value: day + setup,
        unit: 'B',
        note: `gRPC payload both ways, day run ${SCALE}x faster: ${relay.bytesUp} up, ${relay.bytesDown} down, + ${setup} session setup; ~${ip} B with TCP/IP headers of ${relay.chunks} segments (pure ACKs not counted)`,
      },
    ];
  } finally {
    st.close();
    await station.stop();
    await hub.p.stop();
    await relay.close();
  }
}

async function commandLatency(dir: string): Promise<Figure[]> {
  const hub = await startHubProc(dir, LAB_ENV);
  const relay = new Relay(hub.port);
  await relay.listen();
  const data = join(dir, 'cmd');
  const station = await spawnReady(
    'loa-station',
    ['--profile', 'sim', '--data-dir', data, '--station-id', 'bench-c', '--district', relay.address],
    LAB_ENV,
  );
  const st = new StationClient(join(data, 'station.sock'));
  const op = new DistrictClient(`127.0.0.1:${hub.port}`);
  try {
    await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 15_000);
    await st.call('power', { on: true });
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) {
      const sent = Date.now();
      const r = await op.call<{ commands: { id: string }[] }>('SendCommand', {
        stationIds: ['bench-c'],
        method: 'zone',
        params: toValue({ zone: 1 + (i % 4), on: i % 8 < 4 }),
      });
      const id = r.commands[0]?.id;
      let ev: { ts: number } | undefined;
      await waitFor(async () => {
        // the station's audit event of this command, written after the relay was driven
        const list = (await st.call('events', { kind: 'command', limit: 5 })) as {
          ts: number;
          details: { commandId?: string };
        }[];
        ev = list.find((e) => e.details.commandId === id);
        return ev !== undefined;
      }, 10_000);
      lat.push((ev?.ts ?? Date.now()) - sent);
    }
    return [
      {
        name: 'link.command_to_relay_p99_ms',
        value: percentile(lat, 99),
        unit: 'ms',
        note: `operator → hub → station → zone relay driven, 200 commands; median ${median(lat)} ms`,
      },
    ];
  } finally {
    st.close();
    op.close();
    await station.stop();
    await hub.p.stop();
    await relay.close();
  }
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-link-'));
  try {
    return [...(await bytesPerDay(dir)), ...(await hubSessions(dir)), ...(await commandLatency(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
