/**
 * A load-generator process (spawned by swarm/index.ts, IPC to its parent): stations
 * [from, to) of the swarm, each with its own certificate (cert-mint.ts) and connection. It
 * opens them `concurrency` at a time, then sends each station's heartbeat at the uplink's
 * interval, spread evenly over it (one 1 s tick walks the ones due: the generator's own timers
 * must not be what limits the count), and on the parent's word a broadcast window's burst
 * from every station at once. Bounded: it exits when the parent goes away or says stop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { StationCertMinter } from '../cert-mint.js';
import { newCounters, SwarmStation } from './station.js';
import { stationId, windowEnd, windowStart } from './traffic.js';

export interface WorkerConfig {
  address: string;
  caDir: string;
  prefix: string;
  from: number;
  to: number;
  concurrency: number;
  heartbeatMs: number;
  keepaliveMs: number;
  helloTimeoutMs: number;
  /** A station still not welcomed this long after the worker started gives up. */
  connectTimeoutMs: number;
}

export type ToWorker =
  | { type: 'window'; phase: 'start' | 'end'; title: string }
  | { type: 'stats' }
  | { type: 'stop' };

const cfg = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
const counters = newCounters();
const stations: SwarmStation[] = [];
let windowStartedMs = 0;

function reply(m: Record<string, unknown>): void {
  process.send?.(m);
}

async function connectAll(): Promise<void> {
  const minter = new StationCertMinter(cfg.caDir);
  const ca = readFileSync(join(cfg.caDir, 'ca.crt'));
  let next = cfg.from;
  const deadline = Date.now() + cfg.connectTimeoutMs;
  const lane = async () => {
    while (next < cfg.to) {
      const id = stationId(cfg.prefix, next++);
      const { cert, key } = minter.station(id);
      const s = new SwarmStation(
        id,
        { ...cfg, credentials: grpc.credentials.createSsl(ca, key, cert) },
        counters,
      );
      stations.push(s);
      await s.connect(deadline).catch((e: Error) => {
        if (counters.errors.length < 5) counters.errors.push(e.message);
      });
    }
  };
  await Promise.all(Array.from({ length: cfg.concurrency }, lane));
}

function startHeartbeats(): void {
  const t0 = Date.now();
  let done = 0;
  setInterval(() => {
    // station k's heartbeats fall at k/n of the interval, then every interval after
    const due = Math.floor(((Date.now() - t0) / cfg.heartbeatMs) * stations.length);
    for (; done < due; done++) stations[done % stations.length]?.heartbeat();
  }, 1000).unref();
}

function onMessage(m: ToWorker): void {
  if (m.type === 'window') {
    if (m.phase === 'start') windowStartedMs = Date.now();
    for (const s of stations)
      s.batch(m.phase === 'start' ? windowStart(m.title) : windowEnd(m.title, windowStartedMs));
    reply({ type: 'window-sent', phase: m.phase });
  } else if (m.type === 'stats') {
    const hubs: Record<string, number> = {};
    for (const s of stations) if (s.up) hubs[s.hub] = (hubs[s.hub] ?? 0) + 1;
    reply({ type: 'stats', counters: { ...counters, up: stations.filter((s) => s.up).length, hubs } });
    counters.ackMs = [];
  } else if (m.type === 'stop') {
    for (const s of stations) s.close();
    reply({ type: 'stopped' });
    setTimeout(() => process.exit(0), 200);
  }
}

process.on('message', (m) => onMessage(m as ToWorker));
process.on('disconnect', () => process.exit(0));
const t = performance.now();
await connectAll();
reply({ type: 'connected', ms: performance.now() - t, counters: { ...counters, ackMs: [] } });
startHeartbeats();
