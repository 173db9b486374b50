/**
 * One ffmpeg decoder child: some input (our stdin pipe, a file, a URL, a lavfi generator)
 * decoded to the engine's PCM format on its stdout. Its stderr (loglevel error) is read
 * line by line: every line is a decode or I/O complaint, which is how garbage is noticed.
 */
import type { ChildProcess } from 'node:child_process';
import type { Children } from './children.js';
import { FFMPEG, FFMPEG_PCM } from './pcm.js';

export type DecoderInput =
  | { kind: 'pipe'; format?: string | undefined; lowLatency?: boolean }
  /** An ALSA capture device (a microphone or line input), read in real time. */
  | { kind: 'alsa'; device: string }
  | { kind: 'file'; path: string; offsetMs?: number | undefined }
  | { kind: 'url'; url: string; rtspTransport?: RtspTransport | undefined }
  | { kind: 'lavfi'; graph: string; durationMs?: number | undefined };

export interface DecoderEvents {
  pcm(chunk: Buffer): void;
  error(line: string): void;
  exit(code: number | null, lastError: string | undefined): void;
}

export { FFMPEG };

/**
 * How RTP reaches us from an RTSP server (RFC 2326 §10.12): interleaved on the RTSP TCP
 * connection — through a 4G carrier's NAT, one connection we opened — or as RTP over UDP,
 * for servers that answer 461 Unsupported Transport to interleaving.
 */
export type RtspTransport = 'tcp' | 'udp';

/**
 * Lines that repeat what the decoder has just said (counted once, not twice), and the raw PCM
 * muxer's complaint about timestamps it does not even write: ALSA capture stamps packets by the
 * wall clock, and two close reads round to the same dts (measured: a few a second from a
 * capture device) — not garbage.
 */
const ECHO = /^Error while decoding stream|non monotonically increasing dts to muxer/;
/**
 * ffmpeg's log folds a line said again into "Last message repeated N times": a repeat of a
 * line that is not garbage (the dts note above, a few a second from a capture device, more
 * under load) is not garbage either; a repeat of a real complaint still counts.
 */
const REPEATED = /^Last message repeated \d+ times?$/;

export function decoderArgs(input: DecoderInput, live: boolean): string[] {
  const args = ['-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error'];
  switch (input.kind) {
    case 'pipe':
      // a live pipe: start on the first frames, not after seconds of probing; a live voice
      // feed (WebM/Ogg Opus at 20 kbit/s: 32 KiB is 13 s of it) probes nothing and buffers nothing
      if (input.lowLatency) args.push('-probesize', '32', '-analyzeduration', '0', '-fflags', 'nobuffer');
      else args.push('-probesize', '32768', '-analyzeduration', '0');
      if (input.format) args.push('-f', input.format);
      args.push('-i', 'pipe:0');
      break;
    case 'file':
      if (input.offsetMs) args.push('-ss', (input.offsetMs / 1000).toFixed(3));
      args.push('-i', input.path);
      break;
    case 'url':
      if (/^(https?|tcp|tls):/.test(input.url)) args.push('-rw_timeout', '10000000');
      // -timeout: the RTSP connection's I/O limit (µs), so a server that accepts and never
      // answers ends the attempt (the watchdog kills the child if we go first)
      if (/^rtsps?:/.test(input.url))
        args.push('-rtsp_transport', input.rtspTransport ?? 'tcp', '-timeout', '10000000');
      // a live stream (SRT, RTMP…): probe 1 s of it, not ffmpeg's default 5 s, which arrive in
      // real time and would outlast the stall watch (reconnectMs) before the first PCM
      if (live) args.push('-analyzeduration', '1000000');
      args.push('-i', input.url);
      break;
    case 'alsa':
      // the engine's rate; alsa-lib's plug layer converts what the card has (a mono mic)
      args.push('-f', 'alsa', '-sample_rate', '48000', '-channels', '2', '-i', input.device);
      break;
    case 'lavfi':
      args.push('-f', 'lavfi', '-i', input.graph);
      if (input.durationMs) args.push('-t', (input.durationMs / 1000).toFixed(3));
      break;
  }
  args.push('-vn', '-map', '0:a:0', ...FFMPEG_PCM);
  // live audio goes out packet by packet instead of in 32 KiB (170 ms) lumps
  if (live) args.push('-flush_packets', '1');
  args.push('pipe:1');
  return args;
}

export class Decoder {
  readonly child: ChildProcess;
  private partial = '';
  private lastError: string | undefined;
  /** The last stderr line was not a complaint (ECHO): its repeats are not either. */
  private lastBenign = false;
  private exited = false;

  constructor(
    private readonly children: Children,
    input: DecoderInput,
    live: boolean,
    private readonly ev: DecoderEvents,
  ) {
    const network = input.kind === 'url';
    this.child = children.spawn(FFMPEG, decoderArgs(input, live), {
      stdin: input.kind === 'pipe',
      watchdog: network,
    });
    this.child.stdout?.on('data', (b: Buffer) => this.ev.pcm(b));
    this.child.stderr?.on('data', (b: Buffer) => this.stderr(b));
    this.child.on('error', (e) => this.finish(null, `cannot run ${FFMPEG}: ${e.message}`));
    // 'close' comes after stdout has been read to the end: no PCM is lost
    this.child.on('close', (code) => this.finish(code, undefined));
  }

  get running(): boolean {
    return !this.exited;
  }

  write(chunk: Buffer): boolean {
    const s = this.child.stdin;
    return !!s && !s.destroyed && s.write(chunk);
  }

  endInput(): void {
    this.child.stdin?.end();
  }

  pause(): void {
    this.child.stdout?.pause();
  }

  resume(): void {
    this.child.stdout?.resume();
  }

  kill(): Promise<void> {
    return this.children.kill(this.child);
  }

  private stderr(b: Buffer): void {
    this.partial += b.toString();
    const lines = this.partial.split('\n');
    this.partial = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (REPEATED.test(line) && this.lastBenign) continue;
      this.lastError = line.slice(0, 300);
      this.lastBenign = ECHO.test(line);
      if (!this.lastBenign) this.ev.error(this.lastError);
    }
  }

  private finish(code: number | null, error: string | undefined): void {
    if (this.exited) return;
    this.exited = true;
    if (this.partial.trim()) this.lastError = this.partial.trim().slice(0, 300);
    this.ev.exit(code, error ?? this.lastError);
  }
}
