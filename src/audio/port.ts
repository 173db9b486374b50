/**
 * What the rest of the station (schedule, emergency, district commands) needs from the audio
 * engine. The engine implements it; callers depend only on this shape.
 *
 * Slots are priorities: emergency > programme (live relay or scheduled item) > fallback
 * playlist > silence (with an alarm). Each slot holds at most one request; a request may carry
 * its own fallback (a relay with the local playlist behind it).
 */
import { port } from '../core/port.js';

export type SourceSpec =
  | { kind: 'file'; path: string; offsetMs?: number }
  | {
      kind: 'playlist';
      paths: string[];
      shuffle?: boolean;
      loop?: boolean;
      /** Arm items from their PCM bridges, without an ffmpeg child (the fallback playlist). */
      bridge?: boolean;
    }
  | { kind: 'stream'; url: string }
  | { kind: 'tone'; hz: number; durationMs?: number }
  | { kind: 'silence'; durationMs?: number }
  /** A live input opened by the station's live voice (src/audio/live-inputs.ts): a mic or a feed. */
  | { kind: 'live'; input: string };

export type Slot = 'emergency' | 'programme' | 'fallback';

export interface PlayRequest {
  /** Caller's id (programme id, command id); reported back in events. */
  id: string;
  source: SourceSpec;
  /** Played when `source` is unhealthy (stall, error, silence) until it recovers. */
  fallback?: SourceSpec;
  /** 0..1, applied with a ramp. */
  volume?: number;
  /**
   * The source keeps its wall-clock position while a higher slot is on air (a scheduled file
   * under an emergency): it is read and discarded in real time, as a live source is, so it is
   * heard again where the clock is, and ends with its window.
   */
  wallClock?: boolean;
  /**
   * Held off air until this instant of the engine's monotonic clock (ms): decoded and buffered
   * meanwhile (what was on air in the slot goes on until then), so a scheduled start is heard
   * on time however long the decoder took to start.
   */
  startAt?: number;
}

export type EndReason = 'finished' | 'stopped' | 'failed';

export interface OnAirInfo {
  /** The slot whose audio goes out now, or silence. */
  slot: Slot | 'silence';
  id?: string;
  /** Which source of the request is audible: its own, or its fallback. */
  using?: 'source' | 'fallback';
  sourceKind?: SourceSpec['kind'];
}

export interface OnAirPort {
  /** Starts (or replaces) the request in a slot; resolves once its decoder is running. */
  play(slot: Slot, req: PlayRequest): Promise<void>;
  /** Stops the slot (only if it still holds `id`, when given). */
  stop(slot: Slot, id?: string): Promise<void>;
  onAir(): OnAirInfo;
  /** Whether a slot holds a request now (the schedule asks whether a fallback can stand in). */
  holds?(slot: Slot): boolean;
  /** A request's source ended by itself, was stopped, or failed for good. */
  onEnded(cb: (slot: Slot, id: string, reason: EndReason) => void): () => void;
  /** The first audio of a request reached the output (play log, latency figures). */
  /** `readyMs`: when the request's audio was first ready to play (monotonic; before `atMs` if held). */
  onFirstAudio(cb: (slot: Slot, id: string, atMs: number, readyMs?: number) => void): () => void;
}

/** The audio engine as the schedule, emergencies and diagnostics play through it. */
export const ON_AIR = port<OnAirPort>('on-air');

/** What the output carries now (dBFS peak of the last frames), for a diagnostic's reading. */
export interface OutputMeter {
  peakDbfs(): number | undefined;
}
export const OUTPUT_METER = port<OutputMeter>('output meter');

/** One encoder of the output for listen-in (listen-encoder.ts). */
export interface ListenHandle {
  /** The encoder child's process id (status, tests). */
  readonly pid: number | undefined;
  /** Frames the encoder could not take (it fell behind). */
  readonly dropped: number;
  /** Kills the child; resolves once it has exited. */
  stop(): Promise<void>;
}

export interface OnAirListenPort {
  /**
   * Starts encoding the output (WebM/Opus, mono) to `onPages`. One encoder at a time: opening
   * another stops the first (a station's memory pays for one child, not one per listener).
   */
  open(o: {
    bitrateKbps: number;
    onPages(data: Buffer, header: boolean): void;
    onEnd(reason: string): void;
  }): ListenHandle;
}
export const ON_AIR_LISTEN = port<OnAirListenPort>('on-air listen');
