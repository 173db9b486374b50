/**
 * A swarm of simulated stations against a real hub (station.ts says what each does on the
 * wire): `workers` child processes share the stations, so one process's event loop and
 * memory are not what limits the count. Each child runs with its file-descriptor limit raised
 * (one socket per station; the shell's soft limit is often 1024). Every station dials the same
 * listener from 127.0.0.1: ephemeral ports (32768-60999 by default, ~28,000 per source and
 * destination pair) allow that many.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { SwarmCounters } from './station.js';
import { stationId } from './traffic.js';
import type { ToWorker, WorkerConfig } from './worker.js';

export { stationId };

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface SwarmOptions {
  address: string;
  /** A deploy/pki/ca.sh directory: the hub trusts it; stations' certificates are minted from it. */
  caDir: string;
  count: number;
  workers: number;
  prefix?: string;
  /** Connects in flight per worker (default 25). */
  concurrency?: number;
  /** The uplink's defaults: heartbeat 300 s, keepalive 60 s, no welcome in 20 s = failed. */
  heartbeatMs?: number;
  keepaliveMs?: number;
  helloTimeoutMs?: number;
  /** Give up on the whole swarm connecting after this (default 10 min). */
  connectTimeoutMs?: number;
}

/** `hubs`: stations up on each hub address (a swarm given several). */
export type SwarmStats = SwarmCounters & { up: number; hubs: Record<string, number> };

/** Runs a command with its open-file limit raised to `n` (or the hard limit, if lower and not root). */
export function withFdLimit(n: number, cmd: string, args: string[]): [string, string[]] {
  const script = `ulimit -n ${n} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  return ['bash', ['-c', script, cmd, ...args]];
}

class Worker {
  readonly waiting = new Map<string, (m: Record<string, unknown>) => void>();
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly proc: ChildProcess) {
    proc.on('message', (m: Record<string, unknown>) => {
      const w = this.waiting.get(String(m.type));
      this.waiting.delete(String(m.type));
      w?.(m);
    });
    const keep = (b: Buffer) => this.output.push(...b.toString().split('\n').filter(Boolean).slice(-20));
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((r) => proc.on('exit', (c) => r(c)));
  }

  next(type: string, ms: number): Promise<Record<string, unknown>> {
    return new Promise((res, rej) => {
      const t = setTimeout(
        () => rej(new Error(`swarm worker: no "${type}" in ${ms} ms\n${this.output.join('\n')}`)),
        ms,
      );
      this.waiting.set(type, (m) => {
        clearTimeout(t);
        res(m);
      });
      void this.exited.then((c) => rej(new Error(`swarm worker exited ${c}\n${this.output.join('\n')}`)));
    });
  }

  send(m: ToWorker): void {
    if (this.proc.connected) this.proc.send(m);
  }
}

export class Swarm {
  private constructor(
    private readonly workers: Worker[],
    readonly connectMs: number,
  ) {}

  /** Spawns the workers and waits until each has tried all its stations. */
  static async start(o: SwarmOptions): Promise<Swarm> {
    const per = Math.ceil(o.count / o.workers);
    const workers: Worker[] = [];
    const t0 = performance.now();
    for (let w = 0; w < o.workers; w++) {
      const cfg: WorkerConfig = {
        address: o.address,
        caDir: o.caDir,
        prefix: o.prefix ?? 'sw',
        from: w * per,
        to: Math.min(o.count, (w + 1) * per),
        concurrency: o.concurrency ?? 25,
        heartbeatMs: o.heartbeatMs ?? 300_000,
        keepaliveMs: o.keepaliveMs ?? 60_000,
        helloTimeoutMs: o.helloTimeoutMs ?? 20_000,
        connectTimeoutMs: o.connectTimeoutMs ?? 600_000,
      };
      const file = join(ROOT, 'test', 'helpers', 'swarm', 'worker.ts');
      const [cmd, args] = withFdLimit(per + 256, process.execPath, [
        '--import',
        'tsx',
        file,
        JSON.stringify(cfg),
      ]);
      workers.push(new Worker(spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })));
    }
    const swarm = new Swarm(workers, 0);
    try {
      const ms = (o.connectTimeoutMs ?? 600_000) + 120_000; // the workers give up first, and say so
      await Promise.all(workers.map((w) => w.next('connected', ms)));
    } catch (e) {
      await swarm.stop();
      throw e;
    }
    return new Swarm(workers, performance.now() - t0);
  }

  get pids(): number[] {
    return this.workers.map((w) => w.proc.pid as number);
  }

  /** Every station's counters summed (ack latencies since the last call). */
  async stats(): Promise<SwarmStats> {
    const all = await Promise.all(
      this.workers.map((w) => {
        const r = w.next('stats', 30_000);
        w.send({ type: 'stats' });
        return r;
      }),
    );
    const sum: SwarmStats = {
      up: 0,
      welcomed: 0,
      retries: 0,
      failed: 0,
      ended: 0,
      commands: 0,
      desired: 0,
      ackMs: [],
      errors: [],
      hubs: {},
    };
    for (const m of all) {
      const c = m.counters as SwarmStats;
      for (const [h, n] of Object.entries(c.hubs ?? {})) sum.hubs[h] = (sum.hubs[h] ?? 0) + n;
      for (const k of ['up', 'welcomed', 'retries', 'failed', 'ended', 'commands', 'desired'] as const)
        sum[k] += c[k];
      sum.ackMs.push(...c.ackMs);
      sum.errors.push(...c.errors);
    }
    return sum;
  }

  /** Every station sends a broadcast window's burst now; resolves when all workers have written it. */
  async window(phase: 'start' | 'end', title: string): Promise<void> {
    await Promise.all(
      this.workers.map((w) => {
        const r = w.next('window-sent', 60_000);
        w.send({ type: 'window', phase, title });
        return r;
      }),
    );
  }

  async stop(): Promise<void> {
    for (const w of this.workers) w.send({ type: 'stop' });
    await Promise.all(
      this.workers.map(async (w) => {
        const t = setTimeout(() => w.proc.kill('SIGKILL'), 10_000);
        await w.exited;
        clearTimeout(t);
      }),
    );
  }
}
