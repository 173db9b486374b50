/**
 * Listen-in (docs/console.md): the station's output — the frames the sink gets, after the
 * switcher and the master fader, silence included, so a listener hears dead air as dead air —
 * encoded by one ffmpeg child to Opus in WebM, mono, at a low bit rate, only while someone
 * listens. A tap: it never holds the output back; a child that falls behind loses frames.
 *
 * Opus at 16 kbit/s (`-application audio`, 20 ms frames) keeps speech clear and music
 * recognisable (RFC 6716 §2.1.1: 16–20 kbit/s is wideband speech; music is fullband from 48).
 * WebM because the browser plays it through Media Source Extensions, which take WebM/Opus and
 * not Ogg (Chromium), and start at once; an <audio> element on a plain Ogg answer waited for
 * 32 kB — 15 s of this stream — before it played (measured, console.listen_start_ms). Clusters
 * close every 200 ms (`-cluster_time_limit`), so audio leaves within a fifth of a second, in
 * whole clusters of ~450 bytes that a listener can join at.
 */
import type { ChildProcess } from 'node:child_process';
import type { Children } from './children.js';
import { FFMPEG, FFMPEG_PCM_STDIN } from './pcm.js';
import type { FrameTap } from './sink.js';
import { WebmChunks } from './webm-chunks.js';

export interface ListenSinkOptions {
  bitrateKbps: number;
  /** Whole WebM clusters; `header`: the stream's header, before any cluster (first call only). */
  onPages(data: Buffer, header: boolean): void;
  /** The encoder stopped by itself (it failed): why. Not called after stop(). */
  onEnd(reason: string): void;
}

/** At most ~0.3 s of PCM waits for the encoder; beyond, frames are dropped (and counted). */
const MAX_STDIN_BACKLOG = 64 * 1024;
const CLUSTER_MS = 200;

export class ListenEncoder implements FrameTap {
  readonly name = 'listen';
  dropped = 0;
  private child: ChildProcess | undefined;
  private readonly chunks = new WebmChunks();
  private stopped = false;

  constructor(
    private readonly children: Children,
    private readonly o: ListenSinkOptions,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const args = [...FFMPEG_PCM_STDIN, '-ac', '1', '-c:a', 'libopus', '-b:a', `${this.o.bitrateKbps}k`];
    args.push('-application', 'audio', '-frame_duration', '20', '-vbr', 'constrained');
    args.push('-cluster_time_limit', String(CLUSTER_MS), '-live', '1', '-flush_packets', '1');
    args.push('-f', 'webm', 'pipe:1');
    const child = this.children.spawn(FFMPEG, args, { stdin: true });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err = b.toString().trim().split('\n').at(-1) ?? err;
    });
    child.stdout?.on('data', (b: Buffer) => this.onData(b));
    child.once('error', (e) => this.ended(`cannot run ${FFMPEG}: ${e.message}`));
    child.once('exit', (code, sig) => this.ended(`encoder exited ${code ?? sig}${err ? `: ${err}` : ''}`));
    this.child = child;
  }

  write(frame: Buffer): void {
    const s = this.child?.stdin;
    if (!s || s.destroyed) return;
    if (s.writableLength > MAX_STDIN_BACKLOG) this.dropped++;
    else s.write(frame);
  }

  /** Kills the child (its whole group) and resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.child;
    if (!c) return;
    c.stdin?.destroy();
    await this.children.kill(c, 1000);
  }

  private onData(b: Buffer): void {
    try {
      for (const c of this.chunks.push(b)) this.o.onPages(c.data, c.header);
    } catch (e) {
      // output we cannot cut into clusters: reported once, and the child goes
      this.ended(`encoder output: ${(e as Error).message}`);
      if (this.child) void this.children.kill(this.child, 1000);
    }
  }

  private ended(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.o.onEnd(reason);
  }
}
