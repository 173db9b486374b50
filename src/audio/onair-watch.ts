/**
 * What the engine tells the station: switches, sources going unhealthy and recovering,
 * requests ending (events), and the two alarms a technician must see — "nothing playable,
 * on silence" and "should be on air, is silent" (the output itself below the silence level
 * for longer than the limit while something is meant to play).
 */
import type { EventSink } from '../core/events.js';
import { FRAME_MS, type FrameLevel, msToDb } from './pcm.js';
import type { EndReason, PlayRequest, Slot } from './port.js';
import type { BufferedSource } from './source.js';
import type { Candidate, SwitchEvent } from './switcher.js';

export interface AlarmSink {
  raise(key: string, sub: string, message: string, details?: Record<string, unknown>): void;
  clear(key: string, message?: string): void;
}

export interface WatchOptions {
  events: EventSink;
  alarms: AlarmSink;
  silenceDb: number;
  outputSilenceMs: number;
}

export interface FrameContext {
  anyRequest: boolean;
  /** The power chain is up and unmuted: the output reaches the loudspeakers. */
  chainUp?: boolean;
  onAir: Candidate | undefined;
  masterUp: boolean;
  sources: BufferedSource[];
}

/** Decoders need a moment to start and fill their pre-roll: no alarm for a start-up gap. */
const NO_SOURCE_GRACE_MS = 5000;

export const ALARM_NO_SOURCE = 'audio.no-source';
export const ALARM_OUTPUT_SILENT = 'audio.output-silent';

const label = (c: Candidate | undefined) =>
  c ? `${c.slot}/${c.id}/${c.role} (${c.source.kind})` : 'silence';

export class OnAirWatch {
  private readonly reported = new WeakMap<BufferedSource, string>();
  private readonly down = new WeakSet<BufferedSource>();
  private outputSilentMs = 0;
  private noSourceMs = 0;

  constructor(private readonly o: WatchOptions) {}

  played(slot: Slot, req: PlayRequest): void {
    this.emit('audio.play', 'info', `${slot}: ${req.id} (${req.source.kind}) requested`, {
      slot,
      id: req.id,
      source: req.source,
      fallback: req.fallback,
    });
  }

  switched(e: SwitchEvent): void {
    const bad = e.reason === 'failover' || e.reason === 'silence';
    const why = e.cause ? ` (${e.cause})` : '';
    this.emit(
      'audio.switch',
      bad ? 'warning' : 'info',
      `on air: ${label(e.to)} ← ${label(e.from)}: ${e.reason}${why}`,
      {
        from: e.from ? { slot: e.from.slot, id: e.from.id, role: e.from.role } : null,
        to: e.to ? { slot: e.to.slot, id: e.to.id, role: e.to.role } : null,
        reason: e.reason,
        cause: e.cause ?? null,
        crossfade: e.crossfade,
      },
    );
  }

  ended(slot: Slot, id: string, reason: EndReason, error: string | undefined): void {
    this.emit('audio.ended', reason === 'failed' ? 'warning' : 'info', `${slot}: ${id} ${reason}`, {
      slot,
      id,
      reason,
      ...(error && reason === 'failed' ? { error } : {}),
    });
  }

  frame(level: FrameLevel, ctx: FrameContext): void {
    for (const s of ctx.sources) this.sourceHealth(s);
    this.noSourceMs = ctx.anyRequest && !ctx.onAir ? this.noSourceMs + FRAME_MS : 0;
    if (this.noSourceMs >= NO_SOURCE_GRACE_MS)
      this.o.alarms.raise(
        ALARM_NO_SOURCE,
        'audio',
        'nothing playable: every source is unhealthy, on silence',
      );
    else if (this.noSourceMs === 0) this.o.alarms.clear(ALARM_NO_SOURCE, 'a source is on air again');
    const silent = msToDb(level.meanSquare) < this.o.silenceDb;
    // every state in which the chain is up counts, not only when something was requested
    const meant = ctx.anyRequest || ctx.chainUp === true;
    if (meant && ctx.masterUp && silent) {
      this.outputSilentMs += FRAME_MS;
      if (this.outputSilentMs >= this.o.outputSilenceMs)
        this.o.alarms.raise(ALARM_OUTPUT_SILENT, 'audio', 'should be on air, is silent', {
          seconds: this.outputSilentMs / 1000,
          thresholdDb: this.o.silenceDb,
        });
    } else {
      this.outputSilentMs = 0;
      this.o.alarms.clear(ALARM_OUTPUT_SILENT, 'output audible again');
    }
  }

  private sourceHealth(s: BufferedSource): void {
    const now = s.current.reason;
    const before = this.reported.get(s) ?? 'starting';
    if (now === before) return;
    this.reported.set(s, now);
    if (before === 'ok' && now !== 'ended') {
      this.down.add(s);
      this.emit('audio.source-unhealthy', 'warning', `${s.key} (${s.kind}) unhealthy: ${now}`, {
        source: s.key,
        reason: now,
        error: s.health.lastError ?? null,
      });
    } else if (now === 'ok' && this.down.has(s)) {
      this.down.delete(s);
      this.emit('audio.source-recovered', 'info', `${s.key} (${s.kind}) healthy again after ${before}`, {
        source: s.key,
        after: before,
      });
    }
  }

  private emit(
    kind: string,
    severity: 'info' | 'warning',
    message: string,
    details: Record<string, unknown>,
  ) {
    this.o.events.emit({ kind, severity, sub: 'audio', message, details });
  }
}
