/**
 * What the engine tells the station: switches, sources going unhealthy and recovering,
 * requests ending (events), and the two alarms a technician must see — "nothing playable,
 * on silence" and "should be on air, is silent" (the output itself below the silence level
 * for longer than the limit while something is meant to play).
 */

import type { EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import { EventBudget } from './event-budget.js';
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
export const ALARM_SOURCE_FAILED = 'audio.source-failed';

/** Plain words for a failure cause (event messages, the alarm). */
const CAUSES: Record<string, string> = {
  refused: 'connection refused',
  dns: 'host name not found',
  'http-status': 'the server refused the request',
  'not-http': 'the answer is not HTTP',
  'not-audio': 'what arrives is not audio',
  timeout: 'no answer (timeout)',
  other: 'cannot connect',
};

const label = (c: Candidate | undefined) =>
  c ? `${c.slot}/${c.id}/${c.role} (${c.source.kind})` : 'silence';

/** What is on air, in words: its slot and id, whether it is the fallback; or silence. */
const onAirText = (c: Candidate | undefined): Text =>
  c
    ? {
        key: c.role === 'fallback' ? 'ev.onair.fallback' : 'ev.onair',
        vars: { slot: { key: `ev.slot.${c.slot}` }, id: c.id },
      }
    : { key: 'ev.onair.silence' };

export class OnAirWatch {
  private readonly reported = new WeakMap<BufferedSource, string>();
  private readonly down = new WeakSet<BufferedSource>();
  private readonly slowSeen = new WeakMap<BufferedSource, boolean>();
  private readonly budget = new EventBudget();
  private outputSilentMs = 0;
  private noSourceMs = 0;
  /** Frames seen × 20 ms: the watch's own time for coalescing events. */
  private ms = 0;
  /** The source the audio.source-failed alarm is raised for. */
  private failed: BufferedSource | undefined;

  constructor(private readonly o: WatchOptions) {}

  played(slot: Slot, req: PlayRequest): void {
    this.emit(
      'audio.play',
      'info',
      `${slot}: ${req.id} (${req.source.kind}) requested`,
      { slot, id: req.id, source: req.source, fallback: req.fallback },
      { key: 'ev.audio.play', vars: { slot: { key: `ev.slot.${slot}` }, id: req.id } },
    );
  }

  switched(e: SwitchEvent): void {
    const bad = e.reason === 'failover' || e.reason === 'silence';
    const why = e.cause ? ` (${e.cause})` : '';
    const message = `on air: ${label(e.to)} ← ${label(e.from)}: ${e.reason}${why}`;
    if (!this.budget.allow('switch', this.ms, message)) return;
    this.emit(
      'audio.switch',
      bad ? 'warning' : 'info',
      message,
      {
        from: e.from ? { slot: e.from.slot, id: e.from.id, role: e.from.role } : null,
        to: e.to ? { slot: e.to.slot, id: e.to.id, role: e.to.role } : null,
        reason: e.reason,
        cause: e.cause ?? null,
        crossfade: e.crossfade,
      },
      {
        key: 'ev.audio.switch',
        vars: { to: onAirText(e.to), from: onAirText(e.from), reason: { key: `ev.switch.${e.reason}` } },
      },
    );
  }

  ended(slot: Slot, id: string, reason: EndReason, error: string | undefined): void {
    if (this.failed?.key.startsWith(`${slot}:${id}:`)) this.clearFailed('the request ended');
    this.emit(
      'audio.ended',
      reason === 'failed' ? 'warning' : 'info',
      `${slot}: ${id} ${reason}`,
      { slot, id, reason, ...(error && reason === 'failed' ? { error } : {}) },
      {
        key: 'ev.audio.ended',
        vars: { slot: { key: `ev.slot.${slot}` }, id, reason: { key: `ev.end.${reason}` } },
      },
    );
  }

  frame(level: FrameLevel, ctx: FrameContext): void {
    this.ms += FRAME_MS;
    for (const s of ctx.sources) {
      this.sourceHealth(s);
      this.sourceRate(s);
    }
    // every 200 ms: a source that never became healthy, and coalesced summaries
    if (this.ms % 200 === 0) {
      this.sourceFailed(ctx.sources);
      this.summaries();
    }
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
      const message = `${s.key} (${s.kind}) unhealthy: ${now}`;
      if (this.budget.allow(`health:${s.key}`, this.ms, message))
        this.emit(
          'audio.source-unhealthy',
          'warning',
          message,
          { source: s.key, reason: now, error: s.health.lastError ?? null },
          { key: 'ev.audio.source-unhealthy', vars: { source: s.key, reason: { key: `ev.health.${now}` } } },
        );
    } else if (now === 'ok' && this.down.has(s)) {
      this.down.delete(s);
      const message = `${s.key} (${s.kind}) healthy again after ${before}`;
      if (this.budget.allow(`health:${s.key}`, this.ms, message))
        this.emit(
          'audio.source-recovered',
          'info',
          message,
          { source: s.key, after: before },
          { key: 'ev.audio.source-recovered', vars: { source: s.key } },
        );
    }
  }

  /** A live source receiving slower than real time is reported before its buffer runs dry. */
  private sourceRate(s: BufferedSource): void {
    const slow = s.health.slow !== undefined;
    if (slow === (this.slowSeen.get(s) ?? false)) return;
    this.slowSeen.set(s, slow);
    const st = s.status();
    const rate = st.slow
      ? `${st.slow.rate.toFixed(2)}× real time${st.slow.kbps !== null ? `, ${st.slow.kbps} kbit/s in` : ''}`
      : '';
    const message = slow
      ? `${s.key} (${s.kind}) slow: receiving ${rate}, ${st.bufferMs} ms buffered`
      : `${s.key} (${s.kind}) receiving at full rate again`;
    if (this.budget.allow(`slow:${s.key}`, this.ms, message))
      this.emit(
        'audio.source-slow',
        slow ? 'warning' : 'info',
        message,
        {
          source: s.key,
          slow,
          rate: st.slow?.rate ?? null,
          kbps: st.slow?.kbps ?? null,
          bufferMs: st.bufferMs,
        },
        {
          key: slow ? 'ev.audio.source-slow' : 'ev.audio.source-fast',
          vars: { source: s.key, rate: st.slow ? st.slow.rate.toFixed(2) : '-', bufferMs: st.bufferMs },
        },
      );
  }

  private sourceFailed(sources: BufferedSource[]): void {
    if (this.failed && (!sources.includes(this.failed) || this.failed.health.everHealthy))
      this.clearFailed(this.failed.health.everHealthy ? 'the source plays now' : 'the source was replaced');
    if (this.failed) return;
    for (const s of sources) {
      const f = s.failure();
      if (!f) continue;
      this.failed = s;
      const url = (s.detail() as { url?: string }).url ?? s.kind;
      this.o.alarms.raise(
        ALARM_SOURCE_FAILED,
        'audio',
        `${s.key} never played: ${CAUSES[f.cause] ?? f.cause} (${f.attempts} attempt(s): ${f.error}) — ${url}`,
        { source: s.key, url, cause: f.cause, attempts: f.attempts, error: f.error },
      );
      return;
    }
  }

  private clearFailed(why: string): void {
    this.failed = undefined;
    this.o.alarms.clear(ALARM_SOURCE_FAILED, why);
  }

  private summaries(): void {
    for (const x of this.budget.due(this.ms)) {
      const what = x.key === 'switch' ? 'switches' : 'changes';
      const src = x.key === 'switch' ? 'on air' : x.key.slice(x.key.indexOf(':') + 1);
      this.emit(
        'audio.flapping',
        'warning',
        `${src}: flapping: ${x.count} ${what} in ${x.spanMs / 1000} s (last: ${x.last})`,
        {
          key: x.key,
          count: x.count,
          seconds: x.spanMs / 1000,
          last: x.last,
        },
        {
          key: x.key === 'switch' ? 'ev.audio.flapping.switch' : 'ev.audio.flapping',
          vars: { source: src, count: x.count, seconds: x.spanMs / 1000 },
        },
      );
    }
  }

  private emit(
    kind: string,
    severity: 'info' | 'warning',
    message: string,
    details: Record<string, unknown>,
    text: Text,
  ) {
    this.o.events.emit({ kind, severity, sub: 'audio', message, details, text });
  }
}
