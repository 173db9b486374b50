/**
 * Listen-in (docs/console.md): the station's output — the frames the sink gets, after the
 * switcher and the master fader, silence included, so a listener hears dead air as dead air —
 * encoded by one ffmpeg child to Opus in Ogg, mono, at a low bit rate, only while someone
 * listens. A tap: it never holds the output back; a child that falls behind loses frames.
 *
 * Opus at 16 kbit/s (`-application audio`, 20 ms frames) keeps speech clear and music
 * recognisable (RFC 6716 §2.1.1: 16–20 kbit/s is wideband speech; music is fullband from 48).
 * Pages are flushed every 200 ms (`-page_duration`), so the first audio leaves within a
 * fifth of a second and a page is ~400 bytes.
 */
import type { ChildProcess } from 'node:child_process';
import type { Children } from './children.js';
import { OggPages } from './ogg-pages.js';
import { FFMPEG, FFMPEG_PCM_STDIN } from './pcm.js';
import type { FrameTap } from './sink.js';

export interface ListenSinkOptions {
  bitrateKbps: number;
  /** Whole Ogg pages; `header`: the stream's OpusHead and OpusTags pages (first call only). */
  onPages(data: Buffer, header: boolean): void;
  /** The encoder stopped by itself (it failed): why. Not called after stop(). */
  onEnd(reason: string): void;
}

/** At most ~0.3 s of PCM waits for the encoder; beyond, frames are dropped (and counted). */
const MAX_STDIN_BACKLOG = 64 * 1024;
const PAGE_US = 200_000;

export class ListenEncoder implements FrameTap {
  readonly name = 'listen';
  dropped = 0;
  private child: ChildProcess | undefined;
  private readonly pages = new OggPages();
  private readonly header: Buffer[] = [];
  private headerSent = false;
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
    args.push('-page_duration', String(PAGE_US), '-flush_packets', '1', '-f', 'ogg', 'pipe:1');
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
    const body: Buffer[] = [];
    for (const p of this.pages.push(b)) {
      // Opus in Ogg: page 0 holds OpusHead, page 1 OpusTags (RFC 7845 §3)
      if (!this.headerSent && p.seq <= 1) this.header.push(p.data);
      else body.push(p.data);
    }
    if (!this.headerSent && this.header.length >= 2) {
      this.headerSent = true;
      this.o.onPages(Buffer.concat(this.header), true);
    }
    if (body.length && this.headerSent) this.o.onPages(Buffer.concat(body), false);
  }

  private ended(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.o.onEnd(reason);
  }
}
