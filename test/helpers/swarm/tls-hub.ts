/**
 * A real hub process (bin/loa-district) with mutual TLS from a CA made by
 * deploy/pki, its open-file limit raised for one socket per station, and operators with their
 * own certificates (viewer for queries and the watch, admin for commands).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DistrictClient } from '../../../src/district/client.js';
import { TlsMaterial } from '../../../src/security/tls.js';
import { TestCa } from '../../security/pki.js';
import { withFdLimit } from './index.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface TlsHub {
  proc: ChildProcess;
  pid: number;
  port: number;
  /** Its Prometheus endpoint. */
  metricsUrl: string;
  ca: TestCa;
  /** Lines the hub printed (the first 20,000). */
  lines: string[];
  operator(role: 'viewer' | 'admin'): Promise<DistrictClient>;
  stop(): Promise<void>;
}

function waitReady(proc: ChildProcess, lines: string[]): Promise<{ port: number; metrics: string }> {
  return new Promise((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`hub not ready in 30 s: ${lines.slice(-3).join('\n')}`)),
      30_000,
    );
    let buf = '';
    proc.stdout?.on('data', (b: Buffer) => {
      buf += b.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const l of parts) {
        if (lines.length < 20_000) lines.push(l);
        const m = /"msg":"ready".*"port":(\d+)/.exec(l);
        if (m) {
          clearTimeout(timer);
          res({ port: Number(m[1]), metrics: /"metrics":"([^"]+)"/.exec(l)?.[1] ?? '' });
        }
      }
    });
    proc.on('exit', (c) => {
      clearTimeout(timer);
      rej(new Error(`hub exited ${c}: ${lines.slice(-3).join('\n')}`));
    });
  });
}

/** `ca`: another hub's CA (two hubs on one database serve the same stations); else a new one. */
export async function startTlsHub(
  dir: string,
  fds: number,
  env: NodeJS.ProcessEnv = {},
  shared?: TestCa,
): Promise<TlsHub> {
  const ca = shared ?? (await TestCa.create(join(dir, 'ca')));
  const server = await ca.server('hub');
  const [cmd, args] = withFdLimit(fds, process.execPath, [
    join(ROOT, 'bin', 'loa-district'),
    ...['--data-dir', join(dir, 'hub'), '--listen', '127.0.0.1:0'],
  ]);
  const proc = spawn(cmd, args, {
    env: {
      ...process.env,
      ...ca.env(server),
      LOA_LOG_FORMAT: 'json',
      LOA_DISTRICT_METRICS_LISTEN: '127.0.0.1:0',
      LOA_RATE_BURST: '1000000',
      LOA_RATE_PER_MIN: '6000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const { port, metrics } = await waitReady(proc, lines);
  const clients: DistrictClient[] = [];
  return {
    proc,
    pid: proc.pid as number,
    port,
    metricsUrl: metrics,
    ca,
    lines,
    async operator(role) {
      const pair = await ca.operator(`bench-${role}-${clients.length}`, role);
      const material = new TlsMaterial({ ca: ca.ca, cert: pair.crt, key: pair.key });
      const c = new DistrictClient(`127.0.0.1:${port}`, 60_000, { kind: 'tls', material });
      clients.push(c);
      return c;
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const c of clients) c.close();
        if (proc.exitCode !== null || proc.signalCode !== null) return r(); // exited, or killed
        proc.on('exit', () => r());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

/** An operator's WatchStations stream: which stations it saw online, events of one kind and their delays. */
export class Watcher {
  readonly online = new Set<string>();
  readonly delays: number[] = [];
  readonly events = new Set<string>();
  updates = 0;
  stop: () => void = () => undefined;

  constructor(op: DistrictClient, kind: string) {
    this.stop = op.watch(
      [],
      (u) => {
        this.updates++;
        if (u.station?.online) this.online.add(u.station.stationId);
        if (u.event?.event?.kind === kind) {
          this.delays.push(Date.now() - Number(u.event.tsMs));
          this.events.add(u.event.stationId);
        }
      },
      () => undefined,
    );
  }
}

/** utime + stime of a process, in clock ticks (USER_HZ = 100). */
export function cpuTicks(pid: number): number {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

export function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
}

/** Polls `cond` every 200 ms until true or `ms` passed; returns whether it became true. */
export async function until(cond: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
