/**
 * On-air log (proof of broadcast): the output itself, encoded by ffmpeg to 32 kbps mono MP3
 * in hourly files named by local time (onair-YYYYMMDD-HH0000.mp3, cut on the clock hour),
 * kept for keepDays and under a disk quota, oldest out first. A tap: it never holds the
 * output back; if the encoder falls behind, frames are dropped and counted.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Timer } from '../core/clock.js';
import type { EventSink } from '../core/events.js';
import { type Children, endByEof } from './children.js';
import { FFMPEG, FFMPEG_PCM_STDIN } from './pcm.js';
import type { FrameTap } from './sink.js';

export interface OnAirLogOptions {
  dir: string;
  clock: Clock;
  children: Children;
  events: EventSink;
  keepDays: number;
  quotaMb: number;
  bitrateKbps: number;
  /** Files are cut and named by the station's local hour. */
  timezone: string;
}

const FILE = /^onair-(\d{8})-(\d{6})\.mp3$/;
const DAY_MS = 86_400_000;

export class OnAirLog implements FrameTap {
  readonly name = 'onair-log';
  private child: ChildProcess | undefined;
  private pruneTimer: Timer | undefined;
  private retry: Timer | undefined;
  private closed = false;
  dropped = 0;

  constructor(private readonly o: OnAirLogOptions) {}

  async start(): Promise<void> {
    await mkdir(this.o.dir, { recursive: true });
    this.closed = false;
    this.spawn();
    await this.prune();
    this.pruneTimer = this.o.clock.setInterval(() => void this.prune(), 3_600_000);
  }

  write(frame: Buffer): void {
    const s = this.child?.stdin;
    if (!s || s.destroyed) return;
    if (s.writableLength > 1024 * 1024) this.dropped++;
    else s.write(frame);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pruneTimer?.cancel();
    this.retry?.cancel();
    const c = this.child;
    this.child = undefined;
    if (!c) return;
    await endByEof(c, this.o.children, this.o.clock, 5000);
  }

  private spawn(): void {
    const args = [...FFMPEG_PCM_STDIN];
    args.push('-ac', '1', '-ar', '24000', '-c:a', 'libmp3lame', '-b:a', `${this.o.bitrateKbps}k`);
    args.push('-f', 'segment', '-segment_time', '3600', '-segment_atclocktime', '1', '-strftime', '1');
    args.push('-reset_timestamps', '1', join(this.o.dir, 'onair-%Y%m%d-%H%M%S.mp3'));
    const child = this.o.children.spawn(FFMPEG, args, {
      stdin: true,
      env: { ...process.env, TZ: this.o.timezone },
    });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err = b.toString().trim().split('\n').at(-1) ?? err;
    });
    child.once('exit', (code) => {
      if (this.closed || child !== this.child) return;
      this.child = undefined;
      this.o.events.emit({
        kind: 'audio.onair-log-failed',
        severity: 'warning',
        sub: 'audio',
        message: `on-air log encoder exited ${code}${err ? `: ${err}` : ''}; restarting`,
        text: { key: 'ev.audio.onair-log-failed' },
        details: { code, error: err },
      });
      this.retry = this.o.clock.setTimeout(() => this.spawn(), 5000);
    });
    this.child = child;
  }

  /** Drops files older than keepDays, then the oldest until under the quota. */
  async prune(): Promise<string[]> {
    const files = (await readdir(this.o.dir)).filter((f) => FILE.test(f)).sort();
    const removed: string[] = [];
    const cutoff = this.o.clock.now() - this.o.keepDays * DAY_MS;
    const sized: Array<{ f: string; size: number }> = [];
    for (const f of files) {
      const st = await stat(join(this.o.dir, f)).catch(() => undefined);
      if (!st) continue;
      if (st.mtimeMs < cutoff) {
        await rm(join(this.o.dir, f), { force: true });
        removed.push(f);
      } else sized.push({ f, size: st.size });
    }
    let total = sized.reduce((t, x) => t + x.size, 0);
    const quota = this.o.quotaMb * 1024 * 1024;
    // names sort by time; the newest (being written) is never removed
    for (const { f, size } of sized.slice(0, -1)) {
      if (total <= quota) break;
      await rm(join(this.o.dir, f), { force: true });
      removed.push(f);
      total -= size;
    }
    if (removed.length)
      this.o.events.emit({
        kind: 'audio.onair-log-pruned',
        severity: 'info',
        sub: 'audio',
        message: `on-air log: removed ${removed.length} old file(s)`,
        text: { key: 'ev.audio.onair-log-pruned', vars: { n: removed.length } },
        details: { files: removed },
      });
    return removed;
  }
}
