/**
 * One hub process and 10,000 stations (issue 20 item 3): real gRPC sessions with mutual TLS,
 * each station its own certificate and connection, from a swarm of load-generator processes
 * (test/helpers/swarm/: hello, snapshot, start-up events, heartbeat every 300 s spread evenly,
 * HTTP/2 keepalive every 60 s, both broadcast windows as one burst from every station),
 * operators calling GetStation/ListStations and watching (WatchStations) meanwhile.
 * LOA_BENCH_HUB_STATIONS (default 10000) and LOA_BENCH_HUB_WORKERS (default 4) change the run;
 * LOA_BENCH_HUB_CPU_PROF=DIR has the hub write a CPU profile (.cpuprofile) there.
 *
 * hub.sessions_10000_rss_kb        hub RSS with every session open and idle (target ≤ 2 GB)
 * hub.idle_cpu_pct_10000           hub CPU over 30 s of heartbeats and keepalive only, % of one core
 * hub.get_station_p99_ms_10000     GetStation p99, 1,000 calls to random stations, one at a time (target ≤ 20 ms)
 * hub.get_station_handler_p99_ms_10000  the same calls' handler time at the hub (its own metric)
 * hub.event_loop_delay_p99_ms_10000 the hub's event-loop delay p99 meanwhile
 * hub.list_stations_ms_10000       ListStations (all summaries), median of 5
 * hub.list_stations_page_ms_10000  ListStations a page of 500 at a time, median per page
 * hub.sessions_per_s               sessions welcomed per second while the swarm connects (TLS handshakes included)
 * hub.window_ack_p99_ms_10000      a broadcast window's burst (3 items from every station at once): batch → ack p99
 * hub.watch_event_p99_ms_10000     the same burst: station's timestamp → a watching operator has the event, p99
 * hub.command_all_s_10000          SendCommand to every station → every station has it
 * hub.session_setup_cpu_ms         hub CPU per session set up (what the connect rate costs the hub
 *                                  whatever else the machine runs)
 * hub.metrics_scrape_ms_10000      one Prometheus scrape of the hub (per-station gauges)
 * hub.sessions_dropped_10000       sessions that broke during the run (keepalive timeouts), target 0
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DistrictClient } from '../../src/district/client.js';
import { Swarm, stationId } from '../../test/helpers/swarm/index.js';
import {
  cpuTicks,
  rssKb,
  startTlsHub,
  type TlsHub,
  until,
  Watcher,
} from '../../test/helpers/swarm/tls-hub.js';
import { type Figure, median, percentile } from '../figures.js';

const N = Number(process.env.LOA_BENCH_HUB_STATIONS ?? 10_000);
const WORKERS = Number(process.env.LOA_BENCH_HUB_WORKERS ?? 4);
const PREFIX = 'xa';

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function idle(hub: TlsHub): Promise<Figure[]> {
  await new Promise((r) => setTimeout(r, 5000));
  const c0 = cpuTicks(hub.pid);
  await new Promise((r) => setTimeout(r, 30_000));
  const cpu = (cpuTicks(hub.pid) - c0) / 30; // ticks (100 Hz) over 30 s = % of one core
  return [
    {
      name: `hub.sessions_${N}_rss_kb`,
      value: rssKb(hub.pid),
      unit: 'kB',
      note: `hub RSS, ${N} idle sessions (mTLS)`,
    },
    {
      name: `hub.idle_cpu_pct_${N}`,
      value: Number(cpu.toFixed(1)),
      unit: '%',
      note: `of one core over 30 s: ${Math.round(N / 300)} heartbeats/s, ${Math.round(N / 60)} keepalive pings/s`,
    },
  ];
}

/** A value of the hub's Prometheus text, by its series (name and labels as printed). */
function series(body: string, name: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

async function scrapeText(hub: TlsHub): Promise<string> {
  return (await fetch(hub.metricsUrl)).text();
}

async function queries(hub: TlsHub, op: DistrictClient): Promise<Figure[]> {
  await scrapeText(hub); // the hub's event-loop delay histogram starts afresh at a scrape
  const lat: number[] = [];
  for (let i = 0; i < 1000; i++)
    lat.push(
      await timed(() =>
        op.call('GetStation', { stationId: stationId(PREFIX, Math.floor(Math.random() * N)) }),
      ),
    );
  const body = await scrapeText(hub);
  const handler = series(body, 'loa_hub_rpc_handler_seconds{rpc="GetStation",quantile="0.99"}') * 1000;
  const loop = series(body, 'loa_hub_nodejs_eventloop_lag_p99_seconds') * 1000;
  const list: number[] = [];
  for (let i = 0; i < 5; i++) list.push(await timed(() => op.call('ListStations')));
  const listAtHub =
    series(await scrapeText(hub), 'loa_hub_rpc_handler_seconds{rpc="ListStations",quantile="0.5"}') * 1000;
  const pages: number[] = [];
  let token = '';
  for (let i = 0; i < N; i++) {
    let next = '';
    pages.push(
      await timed(async () => {
        next = (await op.call<{ nextPageToken: string }>('ListStations', { pageSize: 500, pageToken: token }))
          .nextPageToken;
      }),
    );
    token = next;
    if (!token) break;
  }
  return [
    {
      name: `hub.get_station_p99_ms_${N}`,
      value: Number(percentile(lat, 99).toFixed(2)),
      unit: 'ms',
      note: `1000 calls, heartbeats running; median ${median(lat).toFixed(2)} ms; the first 20 calls: max ${Math.max(...lat.slice(0, 20)).toFixed(1)} ms, p99 without them ${percentile(lat.slice(20), 99).toFixed(2)} ms`,
    },
    {
      name: `hub.get_station_handler_p99_ms_${N}`,
      value: Number(handler.toFixed(2)),
      unit: 'ms',
      note: "the same calls, at the hub: handler entry to answer serialised (loa_hub_rpc_handler_seconds), less sensitive to the machine's load",
    },
    {
      name: `hub.event_loop_delay_p99_ms_${N}`,
      value: Number(loop.toFixed(2)),
      unit: 'ms',
      note: "the hub's event-loop delay p99 while the calls ran (loa_hub_nodejs_eventloop_lag_p99_seconds, 10 ms resolution)",
    },
    {
      name: `hub.list_stations_ms_${N}`,
      value: Math.round(median(list)),
      unit: 'ms',
      note: `${N} summaries, median of 5; at the hub (summaries + serialising) ${listAtHub.toFixed(0)} ms, the rest is the client decoding and the machine`,
    },
    {
      name: `hub.list_stations_page_ms_${N}`,
      value: Number(median(pages).toFixed(2)),
      unit: 'ms',
      note: `a page of 500 (page_size/page_token), median of the ${pages.length} pages that list every station`,
    },
  ];
}

/** The hub's CPU milliseconds while `f` runs. */
async function hubCpuMs(hub: TlsHub, f: () => Promise<void>): Promise<number> {
  const c0 = cpuTicks(hub.pid);
  await f();
  return (cpuTicks(hub.pid) - c0) * 10;
}

async function window(hub: TlsHub, swarm: Swarm, watcher: Watcher): Promise<Figure[]> {
  await swarm.stats(); // clears the ack latencies so far
  const c0 = cpuTicks(hub.pid);
  await swarm.window('start', 'sang');
  const acks: number[] = [];
  await until(async () => {
    acks.push(...(await swarm.stats()).ackMs);
    return acks.length >= N && watcher.delays.length >= N;
  }, 120_000);
  const d = watcher.delays;
  const cpu = (cpuTicks(hub.pid) - c0) * 10;
  await swarm.window('end', 'sang');
  return [
    {
      name: `hub.window_ack_p99_ms_${N}`,
      value: Math.round(percentile(acks, 99)),
      unit: 'ms',
      note: `${acks.length}/${N} acked; median ${Math.round(median(acks))} ms; hub CPU ${cpu} ms for the burst`,
    },
    {
      name: `hub.watch_event_p99_ms_${N}`,
      value: Math.round(percentile(d, 99)),
      unit: 'ms',
      note: `${d.length}/${N} schedule.start events seen by a watcher; median ${Math.round(median(d))} ms`,
    },
  ];
}

async function commandAll(hub: TlsHub, swarm: Swarm, admin: DistrictClient): Promise<Figure> {
  const before = (await swarm.stats()).commands;
  const t = performance.now();
  let got = 0;
  const cpu = await hubCpuMs(hub, async () => {
    await admin.call('SendCommand', { all: true, method: 'status', ttlMs: 600_000 });
    await until(async () => {
      got = (await swarm.stats()).commands - before;
      return got >= N;
    }, 120_000);
  });
  const s = (performance.now() - t) / 1000;
  return {
    name: `hub.command_all_s_${N}`,
    value: Number(s.toFixed(1)),
    unit: 's',
    note: `${got}/${N} stations had it; hub CPU ${cpu} ms`,
  };
}

/** One Prometheus scrape of the hub (its per-station gauges: 10,000 stations' summaries). */
async function scrape(hub: TlsHub): Promise<Figure> {
  const t = performance.now();
  const body = await (await fetch(hub.metricsUrl)).text();
  return {
    name: `hub.metrics_scrape_ms_${N}`,
    value: Math.round(performance.now() - t),
    unit: 'ms',
    note: `${Math.round(body.length / 1024)} KiB of metrics`,
  };
}

async function measure(hub: TlsHub, dir: string): Promise<Figure[]> {
  const viewer = await hub.operator('viewer');
  const watcher = new Watcher(viewer, 'schedule.start');
  const c0 = cpuTicks(hub.pid);
  const swarm = await Swarm.start({
    address: `127.0.0.1:${hub.port}`,
    caDir: join(dir, 'ca'),
    count: N,
    workers: WORKERS,
    prefix: PREFIX,
  });
  try {
    const s = await swarm.stats();
    if (s.up < N)
      throw new Error(`only ${s.up}/${N} sessions up (${s.failed} failed): ${s.errors.join('; ')}`);
    const setupCpuMs = ((cpuTicks(hub.pid) - c0) * 10) / N;
    const rate: Figure = {
      name: 'hub.sessions_per_s',
      value: Math.round(N / (swarm.connectMs / 1000)),
      unit: '/s',
      note: `${N} sessions in ${(swarm.connectMs / 1000).toFixed(1)} s from ${WORKERS} processes (${s.retries} attempts retried); watcher saw ${watcher.online.size} online`,
    };
    const setup: Figure = {
      name: 'hub.session_setup_cpu_ms',
      value: Number(setupCpuMs.toFixed(2)),
      unit: 'ms',
      note: 'hub CPU per session set up: TLS handshake, hello, snapshot, start-up events (retries included)',
    };
    const figures = [rate, setup, ...(await idle(hub)), ...(await queries(hub, viewer)), await scrape(hub)];
    figures.push(...(await window(hub, swarm, watcher)));
    figures.push(await commandAll(hub, swarm, await hub.operator('admin')));
    const end = await swarm.stats();
    figures.push({
      name: `hub.sessions_dropped_${N}`,
      value: end.ended,
      unit: '',
      note: `sessions that broke during the run (target 0), ${end.up}/${N} up at the end${end.errors.length ? `; first: ${end.errors.slice(0, 3).join('; ')}` : ''}`,
    });
    return figures;
  } finally {
    watcher.stop();
    await swarm.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-hub-'));
  const prof = process.env.LOA_BENCH_HUB_CPU_PROF; // a directory: the hub writes a .cpuprofile there
  const hub = await startTlsHub(
    dir,
    N + 1024,
    prof ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${prof}` } : {},
  );
  try {
    return await measure(hub, dir);
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
