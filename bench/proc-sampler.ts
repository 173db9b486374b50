/**
 * Samples a process tree from /proc every 200 ms: the peak of the summed RSS (and PSS, which
 * counts shared library pages once across processes) and the CPU seconds of every process
 * seen (per-pid maximum of utime+stime, so nothing is counted twice).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

interface Stat {
  ppid: number;
  cpuTicks: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return undefined;
  }
}

function kb(pid: number, file: string, key: string): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return Number(m?.[1] ?? 0);
  } catch {
    return 0;
  }
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
  private readonly cpu = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly root: number) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  /** Starts the memory peaks afresh (the relaying window starts now); CPU keeps counting. */
  resetPeaks(): { rssKb: number; pssKb: number } {
    const before = { rssKb: this.peakRssKb, pssKb: this.peakPssKb };
    this.peakRssKb = 0;
    this.peakPssKb = 0;
    this.sample();
    return before;
  }

  get cpuSeconds(): number {
    let t = 0;
    for (const v of this.cpu.values()) t += v;
    return Math.round((t / TICKS) * 100) / 100;
  }

  private sample(): void {
    let rss = 0;
    let pss = 0;
    for (const pid of tree(this.root)) {
      const s = stat(pid);
      if (!s) continue;
      this.cpu.set(pid, Math.max(this.cpu.get(pid) ?? 0, s.cpuTicks));
      rss += kb(pid, 'status', 'VmRSS');
      pss += kb(pid, 'smaps_rollup', 'Pss');
    }
    this.peakRssKb = Math.max(this.peakRssKb, rss);
    this.peakPssKb = Math.max(this.peakPssKb, pss);
  }
}
