/**
 * `stationctl logs`: the daemon's JSON log lines (from journald, a file or stdin) printed
 * readably, filtered by subsystem, level and time.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { keyed } from '../../core/errors.js';
import { humanLocal } from '../../core/local-time.js';

export interface LogFilter {
  sub?: string | undefined;
  level?: 'debug' | 'info' | 'warn' | 'error' | undefined;
  /** epoch ms */
  since?: number | undefined;
  /** The zone times are shown in: the box's own (stationctl runs on the station), by default. */
  tz?: string | undefined;
}

const RANK = { debug: 10, info: 20, warn: 30, error: 40 } as const;
const CORE = new Set(['ts', 'level', 'station', 'sub', 'msg']);

/** One JSON log line as a readable line, or undefined when filtered out or not ours. */
export function formatLogLine(line: string, f: LogFilter): string | undefined {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof r.msg !== 'string' || typeof r.ts !== 'string') return undefined;
  const level = (r.level as keyof typeof RANK) ?? 'info';
  if (f.level && (RANK[level] ?? 0) < RANK[f.level]) return undefined;
  if (f.sub && r.sub !== f.sub) return undefined;
  if (f.since && Date.parse(r.ts) < f.since) return undefined;
  const extra = Object.entries(r)
    .filter(([k]) => !CORE.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  // the log's UTC as the station's local time with its offset, like every other view (one clock)
  const ms = Date.parse(r.ts);
  const ts = Number.isNaN(ms)
    ? r.ts
    : humanLocal(ms, f.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  return `${ts} ${level.toUpperCase().padEnd(5)} ${String(r.sub ?? '').padEnd(8)} ${r.msg}${extra ? `  ${extra}` : ''}`;
}

/** Parses --since: an ISO time, or a relative "15m", "2h", "1d". */
export function parseSince(v: string | undefined, now = Date.now()): number | undefined {
  if (v === undefined) return undefined;
  const rel = /^(\d+)([smhd])$/.exec(v);
  if (rel)
    return now - Number(rel[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }[rel[2] as 's' | 'm' | 'h' | 'd'];
  const t = Date.parse(v);
  if (Number.isNaN(t))
    throw keyed(
      'INVALID_ARGUMENT',
      `--since: a time such as 2026-11-30T05:30 or a duration such as 15m, 2h, 1d (got "${v}")`,
      'r.since',
      { got: v },
    );
  return t;
}

/** Where the lines come from: a file (`-` for stdin), else journald for the unit. */
export function logSource(file: string | undefined, unit = 'loa-station'): Readable {
  if (file === '-') return process.stdin;
  if (file) return createReadStream(file);
  const j = spawn('journalctl', ['-u', unit, '-o', 'cat', '--no-pager'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  j.on('error', () => undefined);
  return j.stdout;
}

export async function printLogs(src: Readable, f: LogFilter, out: (l: string) => void): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: src, crlfDelay: Number.POSITIVE_INFINITY })) {
    const s = formatLogLine(line, f);
    if (s) {
      out(s);
      n++;
    }
  }
  return n;
}
