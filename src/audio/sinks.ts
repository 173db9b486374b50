/**
 * The output sinks: a WAV file, raw PCM into a FIFO or a command's stdin (e.g. the
 * real-time sound-card stand-in), and an ALSA device through ffmpeg's alsa output. A sink
 * child that dies (device unplugged, reader gone) is reported and restarted with a backoff;
 * meanwhile frames are dropped, never queued without bound.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Clock, Timer } from '../core/clock.js';
import { type Children, endByEof } from './children.js';
import { FFMPEG, FFMPEG_PCM_STDIN, wavHeader } from './pcm.js';
import type { OutputSink, SinkStatus } from './sink.js';

/** More than this queued in Node means the writer is stuck: drop rather than grow. */
const MAX_QUEUED = 4 * 1024 * 1024;
/**
 * A restarted sink child alive this long is taken as the device back (see confirmBack). A real
 * card that is missing fails ffmpeg at open, in milliseconds; a device whose reader is gone
 * fails at the first write, which alsa-lib's file plugin delays until its buffer is full:
 * 3.7 s measured here (test/audio/sound-output.test.ts's socket card). 5 s covers both.
 */
const BACK_AFTER_MS = 5000;

export class WavSink implements OutputSink {
  readonly kind = 'wav';
  readonly leadMs = 0;
  private out: WriteStream | undefined;
  private bytes = 0;
  private frames = 0;
  private error: string | undefined;

  constructor(readonly path: string) {}

  async open(): Promise<void> {
    this.out = createWriteStream(this.path);
    this.out.on('error', (e) => {
      this.error = e.message;
    });
    this.out.write(wavHeader(0xffffffff));
  }

  write(frame: Buffer): void {
    if (!this.out || this.out.writableLength > MAX_QUEUED) return;
    this.out.write(frame);
    this.bytes += frame.length;
    this.frames++;
  }

  /** A file does not pace the output: the engine's clock does. */
  backlogBytes(): number {
    return 0;
  }

  async close(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    if (!out) return;
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const fh = await open(this.path, 'r+');
    await fh.write(wavHeader(this.bytes), 0, 44, 0);
    await fh.close();
  }

  status(): SinkStatus {
    return { kind: 'wav', target: this.path, ok: !this.error, framesWritten: this.frames, error: this.error };
  }
}

/** Raw PCM into a FIFO (opened for writing: waits for its reader). */
export class FifoSink implements OutputSink {
  readonly kind = 'pipe';
  private out: WriteStream | undefined;
  private frames = 0;
  private error: string | undefined;

  constructor(
    readonly path: string,
    readonly leadMs = 200,
  ) {}

  async open(): Promise<void> {
    this.out = createWriteStream(this.path, { flags: 'w' });
    this.out.on('error', (e) => {
      this.error = e.message;
      this.out = undefined;
    });
  }

  write(frame: Buffer): void {
    if (!this.out || this.out.writableLength > MAX_QUEUED) return;
    this.out.write(frame);
    this.frames++;
  }

  backlogBytes(): number {
    return this.out?.writableLength ?? 0;
  }

  async close(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    if (out) await new Promise<void>((resolve) => out.end(() => resolve()));
  }

  status(): SinkStatus {
    return {
      kind: 'pipe',
      target: this.path,
      ok: !this.error,
      framesWritten: this.frames,
      error: this.error,
    };
  }
}

export interface ChildSinkDeps {
  clock: Clock;
  children: Children;
  /** The sink failed or came back (for events). */
  onState?: (ok: boolean, error: string | undefined) => void;
}

/** PCM into a child's stdin: a shell command (`pipe` sink) or ffmpeg's ALSA output. */
export class ChildSink implements OutputSink {
  private child: ChildProcess | undefined;
  private frames = 0;
  private error: string | undefined;
  private closed = false;
  private retry: Timer | undefined;
  private lastErr = '';
  private delay = 2000;

  constructor(
    readonly kind: 'pipe' | 'alsa',
    readonly target: string,
    private readonly command: [string, string[]],
    private readonly d: ChildSinkDeps,
    readonly leadMs = 200,
  ) {}

  static alsa(device: string, d: ChildSinkDeps): ChildSink {
    return new ChildSink('alsa', device, [FFMPEG, [...FFMPEG_PCM_STDIN, '-f', 'alsa', device]], d);
  }

  static command(cmd: string, d: ChildSinkDeps): ChildSink {
    return new ChildSink('pipe', cmd, ['sh', ['-c', cmd]], d);
  }

  async open(): Promise<void> {
    this.closed = false;
    const [file, args] = this.command;
    const child = this.d.children.spawn(file, args, { stdin: true });
    this.child = child;
    // the cause is a few lines up ("cannot open audio device …"), not the last line: keep 3
    child.stderr?.on('data', (b: Buffer) => {
      const lines = `${this.lastErr}\n${b.toString()}`
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      this.lastErr = lines.slice(-3).join(' | ').slice(0, 400);
    });
    child.once('exit', (code) => this.exited(child, code));
  }

  write(frame: Buffer): void {
    const s = this.child?.stdin;
    if (!s || s.destroyed || s.writableLength > MAX_QUEUED) return;
    s.write(frame);
    this.frames++;
  }

  backlogBytes(): number {
    return this.child?.stdin?.writableLength ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.retry?.cancel();
    const c = this.child;
    this.child = undefined;
    if (!c) return;
    await endByEof(c, this.d.children, this.d.clock, 2000);
  }

  status(): SinkStatus {
    return {
      kind: this.kind,
      target: this.target,
      ok: !this.error,
      framesWritten: this.frames,
      error: this.error,
    };
  }

  private exited(child: ChildProcess, code: number | null): void {
    if (this.closed || child !== this.child) return;
    this.child = undefined;
    this.error = `exited ${code}${this.lastErr ? `: ${this.lastErr}` : ''}`;
    this.d.onState?.(false, this.error);
    // a device that stays missing is retried ever more slowly (2 s doubling to 60 s)
    this.retry = this.d.clock.setTimeout(() => {
      void this.open().then(() => this.confirmBack());
    }, this.delay);
    this.delay = Math.min(this.delay * 2, 60_000);
  }

  /**
   * A restarted child counts as the output back once it has lived BACK_AFTER_MS: ffmpeg starts
   * fine on a card that is still missing and only dies at the first write, and reporting "back"
   * then would make the output-lost alarm flap on every retry.
   */
  private confirmBack(): void {
    const child = this.child;
    this.retry = this.d.clock.setTimeout(() => {
      if (this.closed || !child || child !== this.child) return;
      this.error = undefined;
      this.delay = 2000;
      this.d.onState?.(true, undefined);
    }, BACK_AFTER_MS);
  }
}
