/**
 * station.cold_start_ms — spawn of the daemon (sim profile, empty data dir) to its "ready" line.
 * station.idle_rss_kb — the daemon's resident memory after 3 s idle.
 * store.bytes_per_hour — bytes the store writes in one simulated hour at steady state.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { Store } from '../../src/store/store.js';
import { type Figure, median } from '../figures.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

function startDaemon(dataDir: string): { proc: ChildProcess; ready: Promise<number> } {
  const t0 = performance.now();
  const proc = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'loa-station'), '--profile', 'sim', '--data-dir', dataDir],
    {
      env: { ...process.env, LOA_LOG_FORMAT: 'json' },
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

async function coldStart(): Promise<Figure[]> {
  const starts: number[] = [];
  let rss = 0;
  for (let i = 0; i < 5; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'loa-bench-'));
    const { proc, ready } = startDaemon(dir);
    starts.push(await ready);
    if (i === 4) {
      await new Promise((r) => setTimeout(r, 3000));
      rss = rssKb(proc.pid as number);
    }
    await stop(proc);
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    {
      name: 'station.cold_start_ms',
      value: Math.round(median(starts)),
      unit: 'ms',
      note: 'spawn → ready, sim profile, median of 5',
    },
    { name: 'station.idle_rss_kb', value: rss, unit: 'kB', note: 'daemon RSS after 3 s idle' },
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
