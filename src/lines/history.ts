/**
 * Bounded history of line measurements per zone (`lines-history.jsonl` in the data dir), for
 * trends over days: water ingress in the rainy season shows as a slow rise or fall of the
 * impedance and a fall of the insulation long before it becomes a fault. Appended as JSON
 * lines (a few per quarter hour, not a rewrite), compacted atomically past twice the bound;
 * a damaged line is skipped, never fatal.
 */
import { readFile } from 'node:fs/promises';
import { isENOENT } from '../core/errors.js';
import { appendDurable, type WriteStats, writeFileAtomic } from '../store/files.js';
import type { ZoneState } from './classify.js';
import { round } from './expected.js';
import type { Method } from './measure.js';

export interface HistoryEntry {
  zone: number;
  /** Wall-clock time, epoch ms. */
  t: number;
  /** null when not finite (open line, sensor fault). */
  ohm: number | null;
  earthKohm: number | null;
  state: ZoneState;
  method: Method;
}

export interface Trend {
  /** Least-squares slope of the impedance, in % of the reference per day. */
  ohmPctPerDay: number;
  /** Least-squares slope of the insulation, kΩ per day. */
  earthKohmPerDay: number;
  points: number;
  spanH: number;
}

/** Below this span a per-day slope is mostly noise; no trend is reported. */
const MIN_TREND_SPAN_MS = 12 * 3_600_000;
const DAY_MS = 86_400_000;

export interface HistoryOptions {
  file: string;
  perZone: number;
  stats?: WriteStats;
  onError?: (e: unknown) => void;
}

export class HistoryLog {
  private readonly byZone = new Map<number, HistoryEntry[]>();
  private fileLines = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly o: HistoryOptions) {}

  async load(): Promise<{ entries: number; badLines: number }> {
    let text = '';
    try {
      text = await readFile(this.o.file, 'utf8');
    } catch (e) {
      if (!isENOENT(e)) throw e;
    }
    let bad = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const e = parseEntry(line);
      if (e) this.keep(e);
      else bad++;
    }
    this.fileLines = text.split('\n').filter((l) => l.trim()).length;
    return { entries: this.size, badLines: bad };
  }

  get size(): number {
    let n = 0;
    for (const list of this.byZone.values()) n += list.length;
    return n;
  }

  /** Records entries; the write is queued (callers never wait on the SD card). */
  add(entries: HistoryEntry[]): void {
    if (entries.length === 0) return;
    const clean = entries.map(tidy);
    for (const e of clean) this.keep(e);
    const text = clean.map((e) => `${JSON.stringify(e)}\n`).join('');
    this.fileLines += clean.length;
    const compact = this.fileLines > 2 * Math.max(this.size, this.o.perZone);
    this.queue(async () => {
      if (compact) await this.compact();
      else await appendDurable(this.o.file, text, this.o.stats);
    });
  }

  list(zone: number, limit = Number.POSITIVE_INFINITY): HistoryEntry[] {
    const all = this.byZone.get(zone) ?? [];
    return all.slice(Math.max(0, all.length - limit));
  }

  trend(zone: number, now: number, windowMs: number, refOhm: number): Trend | undefined {
    const pts = this.list(zone).filter(
      (e) => e.t >= now - windowMs && (e.state === 'ok' || e.state === 'degraded') && e.ohm !== null,
    );
    if (pts.length < 3) return undefined;
    const t0 = pts[0]?.t ?? 0;
    const span = (pts.at(-1)?.t ?? 0) - t0;
    if (span < MIN_TREND_SPAN_MS) return undefined;
    const days = pts.map((e) => (e.t - t0) / DAY_MS);
    const earth = pts.filter((e) => e.earthKohm !== null);
    return {
      ohmPctPerDay: round(
        (slope(
          days,
          pts.map((e) => e.ohm as number),
        ) /
          refOhm) *
          100,
        2,
      ),
      earthKohmPerDay: round(
        slope(
          earth.map((e) => (e.t - t0) / DAY_MS),
          earth.map((e) => e.earthKohm as number),
        ),
        1,
      ),
      points: pts.length,
      spanH: round(span / 3_600_000, 1),
    };
  }

  /** Resolves when every queued write is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private keep(e: HistoryEntry): void {
    let list = this.byZone.get(e.zone);
    if (!list) {
      list = [];
      this.byZone.set(e.zone, list);
    }
    list.push(e);
    if (list.length > this.o.perZone) list.splice(0, list.length - this.o.perZone);
  }

  private async compact(): Promise<void> {
    const all = [...this.byZone.values()].flat().sort((a, b) => a.t - b.t);
    await writeFileAtomic(this.o.file, all.map((e) => `${JSON.stringify(e)}\n`).join(''), this.o.stats);
    this.fileLines = all.length;
  }

  private queue(job: () => Promise<void>): void {
    this.writing = this.writing.then(job).catch((e) => this.o.onError?.(e));
  }
}

function tidy(e: HistoryEntry): HistoryEntry {
  const fin = (x: number | null, d: number) => (x !== null && Number.isFinite(x) ? round(x, d) : null);
  return { ...e, ohm: fin(e.ohm, 2), earthKohm: fin(e.earthKohm, 1) };
}

function parseEntry(line: string): HistoryEntry | undefined {
  try {
    const e = JSON.parse(line) as HistoryEntry;
    if (typeof e.zone !== 'number' || typeof e.t !== 'number' || typeof e.state !== 'string')
      return undefined;
    return e;
  } catch {
    return undefined;
  }
}

/** Least-squares slope of y over x. */
export function slope(x: number[], y: number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    num += dx * ((y[i] as number) - my);
    den += dx * dx;
  }
  return den === 0 ? 0 : num / den;
}
