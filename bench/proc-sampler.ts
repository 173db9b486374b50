/**
 * Samples a process tree from /proc every 200 ms: the peak of the summed RSS (and PSS, which
 * counts shared library pages once across processes) with the per-process breakdown at that
 * peak, and the CPU seconds of every process seen (per-pid maximum of utime+stime, so nothing
 * is counted twice). `mark()` starts a window: CPU spent from then on is reported apart.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

interface Stat {
  ppid: number;
  cpuTicks: number;
  comm: string;
}

/** One process at the summed-RSS peak (kB, CPU seconds so far). */
export interface ProcRow {
  pid: number;
  what: string;
  rssKb: number;
  pssKb: number;
  privateKb: number;
  cpuS: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
    return { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]), comm };
  } catch {
    return undefined;
  }
}

function read(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

const field = (text: string, key: string) =>
  Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);

/** A short name: the command and its most telling argument (the script, the ffmpeg input). */
function describe(pid: number, comm: string): string {
  const argv = read(pid, 'cmdline').split('\0').filter(Boolean);
  if (argv.includes('loa-watchdog')) return `sh watchdog(${argv[argv.indexOf('loa-watchdog') + 1] ?? ''})`;
  const i = argv.indexOf('-i');
  if (i >= 0) return `${comm} -i ${(argv[i + 1] ?? '').slice(0, 40)}`;
  const script = argv.find((a) => /\.(m?js|liq)$|bin\//.test(a));
  return script ? `${comm} ${script.split('/').slice(-2).join('/')}` : comm;
}

export function tree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const s = stat(Number(p));
    if (s) parent.set(Number(p), s.ppid);
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i]) out.push(p);
  return out.filter((p) => parent.has(p));
}

export class ProcSampler {
  peakRssKb = 0;
  peakPssKb = 0;
  /** Peak summed USS: each process's private pages (Private_Clean + Private_Dirty). */
  peakUssKb = 0;
  /** The processes at the summed-RSS peak. */
  peakRows: ProcRow[] = [];
  /** The root process's private memory by mapping at that peak (privateByMapping). */
  peakRootPrivate: Record<string, number> = {};
  private readonly cpu = new Map<number, number>();
  private cpuAtMark = new Map<number, number>();
  private markedAt = 0;
  private stoppedAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly root: number) {}

  start(): void {
    this.markedAt = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
  }

  stop(): void {
    this.sample();
    this.stoppedAt = performance.now();
    clearInterval(this.timer);
  }

  /** Starts the memory peaks and the CPU window afresh (relaying starts now); lifetime CPU keeps counting. */
  resetPeaks(): { rssKb: number; pssKb: number; rows: ProcRow[] } {
    const before = { rssKb: this.peakRssKb, pssKb: this.peakPssKb, rows: this.peakRows };
    this.peakRssKb = 0;
    this.peakPssKb = 0;
    this.peakUssKb = 0;
    this.peakRows = [];
    this.sample();
    this.cpuAtMark = new Map(this.cpu);
    this.markedAt = performance.now();
    return before;
  }

  get cpuSeconds(): number {
    let t = 0;
    for (const v of this.cpu.values()) t += v;
    return Math.round((t / TICKS) * 100) / 100;
  }

  /** CPU since the last resetPeaks, in % of one core over that wall time. */
  get windowCpuPct(): number {
    let ticks = 0;
    for (const [pid, v] of this.cpu) ticks += v - (this.cpuAtMark.get(pid) ?? 0);
    const wallS = ((this.stoppedAt || performance.now()) - this.markedAt) / 1000;
    return wallS > 0 ? Math.round((ticks / TICKS / wallS) * 1000) / 10 : Number.NaN;
  }

  private sample(): void {
    const rows: ProcRow[] = [];
    for (const pid of tree(this.root)) {
      const s = stat(pid);
      if (!s) continue;
      this.cpu.set(pid, Math.max(this.cpu.get(pid) ?? 0, s.cpuTicks));
      const roll = read(pid, 'smaps_rollup');
      rows.push({
        pid,
        what: describe(pid, s.comm),
        rssKb: field(read(pid, 'status'), 'VmRSS'),
        pssKb: field(roll, 'Pss'),
        privateKb: field(roll, 'Private_Clean') + field(roll, 'Private_Dirty'),
        cpuS: (this.cpu.get(pid) ?? 0) / TICKS,
      });
    }
    const rss = rows.reduce((t, r) => t + r.rssKb, 0);
    const pss = rows.reduce((t, r) => t + r.pssKb, 0);
    if (rss > this.peakRssKb) {
      this.peakRssKb = rss;
      this.peakRows = rows;
      this.peakRootPrivate = privateByMapping(this.root);
    }
    this.peakPssKb = Math.max(this.peakPssKb, pss);
    this.peakUssKb = Math.max(
      this.peakUssKb,
      rows.reduce((t, r) => t + r.privateKb, 0),
    );
  }
}

/** The breakdown as text lines (for stderr: not a figure). */
export function formatRows(title: string, rows: ProcRow[]): string {
  const lines = rows.map(
    (r) =>
      `  ${String(r.pid).padStart(7)} ${r.what.padEnd(48)} rss ${String(r.rssKb).padStart(7)} pss ${String(r.pssKb).padStart(7)} private ${String(r.privateKb).padStart(7)} kB cpu ${r.cpuS.toFixed(2)} s`,
  );
  const sum = (k: 'rssKb' | 'pssKb' | 'privateKb') => rows.reduce((t, r) => t + r[k], 0);
  lines.push(`  sum rss ${sum('rssKb')} pss ${sum('pssKb')} private ${sum('privateKb')} kB`);
  return `${title}\n${lines.join('\n')}`;
}

/**
 * A process's private memory (kB) by what holds it, from /proc/PID/smaps: its own executable's
 * pages (code and read-only data; private when no other process runs that file, as on a
 * station box), other files (shared libraries), the malloc heap ([heap]: native allocations)
 * and anonymous mappings (V8's heap, thread stacks, large mallocs).
 */
export function privateByMapping(pid: number): Record<string, number> {
  let exe = '';
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return {};
  }
  const out: Record<string, number> = {};
  let kind = '';
  for (const line of read(pid, 'smaps').split('\n')) {
    const m = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) {
      const path = m[2] ?? '';
      const perms = m[1] ?? '';
      if (path === exe) kind = perms.includes('x') ? 'binary code' : 'binary data';
      else if (path.startsWith('/')) kind = 'libraries';
      else if (path === '[heap]') kind = 'malloc heap';
      else kind = 'anonymous';
      continue;
    }
    const p = /^Private_(Clean|Dirty):\s+(\d+) kB/.exec(line);
    if (p) out[kind] = (out[kind] ?? 0) + Number(p[2]);
  }
  return out;
}
