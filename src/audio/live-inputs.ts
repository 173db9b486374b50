/**
 * Live inputs: what live voice (src/live/) opens and the engine plays as a `{kind: 'live'}`
 * source — the station's microphone or line input (an ALSA capture device), or a feed of
 * encoded audio pushed by code (the district's live voice: WebM/Opus as a browser's
 * MediaRecorder makes it, or Ogg/Opus). The live module opens an input, the emergency runner
 * plays it after the attention chime, and the input tells the live module why it ended (the
 * noise gate closed, the feed ended or stalled, the device failed).
 */
import { port } from '../core/port.js';
import type { Levels } from './levels.js';

export interface GateSettings {
  /** Below this RMS level (dBFS) the microphone counts as quiet. */
  thresholdDb: number;
  /** Quiet this long: the live session ends (no open microphone keeps the chain up). */
  timeoutMs: number;
}

export type LiveInputSpec =
  | { kind: 'capture'; device: string; gate: GateSettings }
  | {
      kind: 'feed';
      /** ffmpeg demuxer: 'matroska' (WebM, as MediaRecorder sends it) or 'ogg'. */
      format: 'matroska' | 'ogg';
      /** Jitter buffer before the feed plays, sized for 4G (docs/live.md). */
      prerollMs: number;
      /** No byte for this long: the feed is dropped and the programme comes back. */
      dropMs: number;
    };

/** Why a live input ended. */
export type LiveEndCause = 'gate' | 'ended' | 'stalled' | 'failed' | 'stopped';

/** What a source playing a live input reports back to it. */
export interface LiveInputSink {
  /** Encoded bytes for the feed (written before the source started are replayed to it). */
  onData?(b: Buffer): void;
  onEnd?(): void;
}

/** Bounded backlog of a feed before its source starts (the attention chime plays meanwhile). */
const MAX_BACKLOG_BYTES = 1 << 20;

export class LiveInput {
  private backlog: Buffer[] = [];
  private backlogBytes = 0;
  private sink: LiveInputSink | undefined;
  private finished = false;
  private endCbs: ((cause: LiveEndCause, detail?: string) => void)[] = [];
  cause: LiveEndCause | undefined;
  detail: string | undefined;
  bytesIn = 0;
  /** The playing source's meter, once it plays. */
  levels: (() => Levels) | undefined;

  constructor(
    readonly id: string,
    readonly spec: LiveInputSpec,
  ) {}

  /** Feed bytes (encoded audio). */
  write(b: Buffer): void {
    if (this.finished || this.cause) return;
    this.bytesIn += b.length;
    if (this.sink?.onData) {
      this.sink.onData(b);
      return;
    }
    this.backlog.push(b);
    this.backlogBytes += b.length;
    // the header (first chunk) is always kept: a WebM stream cannot be decoded without it
    while (this.backlogBytes > MAX_BACKLOG_BYTES && this.backlog.length > 2) {
      const [gone] = this.backlog.splice(1, 1);
      this.backlogBytes -= gone?.length ?? 0;
    }
  }

  /** The sender finished (the end of the speech): what is buffered plays out. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.sink?.onEnd?.();
  }

  get ended(): boolean {
    return this.finished;
  }

  /** A source attaches: it gets the backlog, then every new byte, then the end. */
  attach(sink: LiveInputSink): void {
    this.sink = sink;
    const b = this.backlog;
    this.backlog = [];
    this.backlogBytes = 0;
    for (const chunk of b) sink.onData?.(chunk);
    if (this.finished) sink.onEnd?.();
  }

  detach(): void {
    this.sink = undefined;
    this.levels = undefined;
  }

  /** The input is over (first cause wins). */
  close(cause: LiveEndCause, detail?: string): void {
    if (this.cause) return;
    this.cause = cause;
    this.detail = detail;
    for (const cb of this.endCbs) cb(cause, detail);
  }

  onClose(cb: (cause: LiveEndCause, detail?: string) => void): void {
    this.endCbs.push(cb);
  }
}

export class LiveInputs {
  private readonly inputs = new Map<string, LiveInput>();

  constructor(
    /** The output device the station plays to (ALSA), for the feedback check. */
    readonly outputDevice: () => string | undefined = () => undefined,
  ) {}

  open(id: string, spec: LiveInputSpec): LiveInput {
    const i = new LiveInput(id, spec);
    this.inputs.set(id, i);
    return i;
  }

  get(id: string): LiveInput | undefined {
    return this.inputs.get(id);
  }

  remove(id: string): void {
    this.inputs.delete(id);
  }
}

/** The audio module's live inputs, for the live voice module. */
export const LIVE_INPUTS = port<LiveInputs>('live inputs');
