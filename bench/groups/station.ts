/**
 * station.cold_start_ms — spawn of the daemon (sim profile, empty data dir) to its "ready" line,
 * on the Node the bench runs on (the project's, scripts/ensure-node.sh).
 * station.cold_start_ms_nodeN, station.start_cpu_ms_nodeN — the same on each Node major found
 * here (bench/node-trees.ts: Node 24 and the machine's Node 20), and the daemon's CPU time
 * (user + system, all threads, /proc/PID/stat) when it says ready. Node ≥ 22.1 runs with the
 * module compile cache (src/bin/compile-cache.ts) in a directory fresh for this bench run: the
 * first start fills it, the median is of starts that read it, as every restart of a box does.
 * station.idle_rss_kb — the daemon's resident memory after 3 s idle.
 * store.bytes_per_hour — bytes the store writes in one simulated hour at steady state.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { Store } from '../../src/store/store.js';
import { type Figure, median } from '../figures.js';
import { type NodeBin, nodesHere, treeFor } from '../node-trees.js';

interface Start {
  node: string;
  root: string;
  env: NodeJS.ProcessEnv;
}

function startDaemon(dataDir: string, o: Start): { proc: ChildProcess; ready: Promise<number> } {
  const t0 = performance.now();
  const proc = spawn(
    o.node,
    [join(o.root, 'bin', 'loa-station'), '--profile', 'sim', '--data-dir', dataDir],
    {
      env: { ...process.env, LOA_LOG_FORMAT: 'json', ...o.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<number>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => rej(new Error('daemon not ready within 30 s')), 30_000);
    proc.stdout?.on('data', (b: Buffer) => {
      buf += b.toString();
      if (buf.includes('"msg":"ready"')) {
        clearTimeout(timer);
        res(performance.now() - t0);
      }
    });
    proc.on('exit', (c) => rej(new Error(`daemon exited ${c}`)));
  });
  return { proc, ready };
}

/** CPU time of the whole process (all threads) so far, ms: utime + stime of /proc/PID/stat. */
function cpuMs(pid: number): number {
  // fields after the parenthesised command name; utime and stime are fields 14 and 15
  const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK;
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? Number.NaN);
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  await new Promise<void>((res) => {
    proc.on('exit', () => res());
    proc.kill('SIGTERM');
  });
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** One start: ms to ready, CPU ms at ready, and (if asked) the RSS after 3 s idle. */
async function oneStart(o: Start, idleRss = false): Promise<{ ms: number; cpu: number; rss: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-'));
  const { proc, ready } = startDaemon(dir, o);
  const ms = await ready;
  const cpu = cpuMs(proc.pid as number);
  let rss = 0;
  if (idleRss) {
    await new Promise((r) => setTimeout(r, 3000));
    rss = rssKb(proc.pid as number);
  }
  await stop(proc);
  rmSync(dir, { recursive: true, force: true });
  return { ms, cpu, rss };
}

interface Series {
  node: NodeBin;
  start: Start;
  ms: number[];
  cpu: number[];
  /** the same Node without the compile cache (Node ≥ 22.1 only) */
  cpuNoCache: number[];
}

async function coldStart(): Promise<Figure[]> {
  const cache = mkdtempSync(join(tmpdir(), 'loa-bench-cc-'));
  const series: Series[] = nodesHere().map((node) => ({
    node,
    start: { node: node.path, root: treeFor(node), env: { LOA_COMPILE_CACHE: cache } },
    ms: [],
    cpu: [],
    cpuNoCache: [],
  }));
  let rss = 0;
  // rounds across the Nodes: a load change on the shared machine hits them alike
  for (let i = 0; i < 6; i++)
    for (const s of series) {
      const r = await oneStart(s.start, i === 5 && s === series[0]);
      if (i > 0) {
        // round 0 fills the compile cache
        s.ms.push(r.ms);
        s.cpu.push(r.cpu);
      }
      if (r.rss) rss = r.rss;
      if (s.node.major >= 22 && i < 3)
        s.cpuNoCache.push((await oneStart({ ...s.start, env: { NODE_DISABLE_COMPILE_CACHE: '1' } })).cpu);
    }
  rmSync(cache, { recursive: true, force: true });
  const own = series[0] as Series;
  return [
    {
      name: 'station.cold_start_ms',
      value: Math.round(median(own.ms)),
      unit: 'ms',
      note: `spawn → ready, sim profile, median of 5, Node ${own.node.version}`,
    },
    ...series.flatMap((s) => nodeFigures(s)),
    { name: 'station.idle_rss_kb', value: rss, unit: 'kB', note: 'daemon RSS after 3 s idle' },
  ];
}

function nodeFigures(s: Series): Figure[] {
  const n = s.node;
  const noCache = s.cpuNoCache.length
    ? `; without the compile cache ${Math.round(median(s.cpuNoCache))} ms`
    : '';
  return [
    {
      name: `station.cold_start_ms_node${n.major}`,
      value: Math.round(median(s.ms)),
      unit: 'ms',
      note: `spawn → ready, Node ${n.version}, median of 5`,
    },
    {
      name: `station.start_cpu_ms_node${n.major}`,
      value: Math.round(median(s.cpu)),
      unit: 'ms',
      note: `daemon CPU (user+system, all threads) at ready, Node ${n.version}, median of 5${noCache}`,
    },
  ];
}

/**
 * Steady state on a station: one routine event a minute (line checks, level reports,
 * commands) and an alarm with its clearance twice a day; the runtime state document
 * changes at the two daily broadcast windows. One simulated hour on a manual clock.
 */
async function storeBytesPerHour(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-store-'));
  const clock = new ManualClock();
  const store = new Store({ dataDir: dir, clock, stationId: 'bench' });
  await store.open();
  await store.flush();
  const before = store.stats.bytes;
  for (let m = 0; m < 60; m++) {
    store.events.emit({
      kind: 'lines.check',
      severity: 'info',
      sub: 'lines',
      message: 'line check: 4 zones ok',
      details: { zones: 4 },
    });
    if (m === 30)
      store.state.update((s) => {
        s.power = { on: true, zones: [1, 2, 3, 4] };
      });
    if (m === 31)
      store.events.emit({ kind: 'power.on', severity: 'info', sub: 'power', message: 'power chain on' });
    await clock.advance(60_000);
  }
  await store.flush();
  const bytes = store.stats.bytes - before;
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      name: 'store.bytes_per_hour',
      value: bytes,
      unit: 'B',
      note: '61 events + 1 state change in 1 simulated hour',
    },
  ];
}

export async function run(): Promise<Figure[]> {
  return [...(await coldStart()), ...(await storeBytesPerHour())];
}
