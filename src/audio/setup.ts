/**
 * Builds an engine from the audio configuration: the real source factory (ffmpeg), the sink,
 * the taps and the watch. Used by the station module, the integration tests and the bench,
 * so all three run the same engine.
 */
import type { Clock } from '../core/clock.js';
import type { EventSink } from '../core/events.js';
import { Children } from './children.js';
import type { AudioConfig, SinkConfig } from './config.js';
import { AudioEngine } from './engine.js';
import { FfmpegSourceFactory } from './factory.js';
import type { HealthLimits } from './health.js';
import type { LiveInputs } from './live-inputs.js';
import { type AlarmSink, OnAirWatch } from './onair-watch.js';
import type { BridgeResolver, MediaResolver } from './sequence-source.js';
import { type FrameTap, NullSink, type OutputSink } from './sink.js';
import { ChildSink, FifoSink, WavSink } from './sinks.js';

export interface EngineDeps {
  clock: Clock;
  events: EventSink;
  alarms: AlarmSink;
  resolve: MediaResolver;
  /** The media cache's PCM bridges (the fallback playlist arms from them). */
  bridge?: BridgeResolver;
  children?: Children;
  taps?: FrameTap[];
  /** The live voice's inputs (microphone, district feed). */
  liveInputs?: LiveInputs;
}

export interface BuiltEngine {
  engine: AudioEngine;
  children: Children;
  sink: OutputSink;
}

export function limitsOf(cfg: AudioConfig): HealthLimits {
  const h = cfg.health;
  return {
    stallMs: h.stallMs,
    silenceMs: h.silenceMs,
    silenceDb: h.silenceDb,
    garbageErrors: h.garbageErrors,
    garbageClearMs: h.garbageClearMs,
    holdoffMs: cfg.switching.holdoffMs,
    rateWindowMs: h.rateWindowMs,
    slowRate: h.slowRate,
    // a cleanly closed source plays out to the last crossfade's worth of audio (plus 200 ms of
    // margin for the frames queued ahead of the sink)
    tailMs: cfg.switching.crossfadeMs + 200,
  };
}

/** Raised while the sound output is gone (USB card unplugged, device taken); the schedule runs on. */
export const ALARM_OUTPUT_LOST = 'audio.output-lost';

export function makeSink(s: SinkConfig, d: EngineDeps, children: Children): OutputSink {
  const onState = (ok: boolean, error: string | undefined) => {
    d.events.emit({
      kind: ok ? 'audio.sink-restored' : 'audio.sink-failed',
      severity: ok ? 'info' : 'warning',
      sub: 'audio',
      message: ok ? `output ${s.kind} restarted` : `output ${s.kind} failed: ${error}`,
      text: { key: ok ? 'ev.audio.sink-restored' : 'ev.audio.sink-failed', vars: { sink: s.kind } },
      details: { sink: s.kind, error: error ?? null },
    });
    if (ok) d.alarms.clear(ALARM_OUTPUT_LOST, `sound output ${s.kind} is back`);
    else
      d.alarms.raise(ALARM_OUTPUT_LOST, 'audio', `sound output ${s.kind} lost: ${error}; retrying`, {
        sink: s.kind,
        error: error ?? null,
      });
  };
  switch (s.kind) {
    case 'null':
      return new NullSink();
    case 'wav':
      return new WavSink(s.path);
    case 'pipe':
      return s.path
        ? new FifoSink(s.path)
        : ChildSink.command(s.command as string, { clock: d.clock, children, onState });
    case 'alsa':
      return ChildSink.alsa(s.device, { clock: d.clock, children, onState });
  }
}

export function buildEngine(cfg: AudioConfig, d: EngineDeps): BuiltEngine {
  const children = d.children ?? new Children();
  const b = cfg.buffers;
  const factory = new FfmpegSourceFactory({
    clock: d.clock,
    children,
    limits: limitsOf(cfg),
    live: { prerollMs: b.livePrerollMs, maxMs: b.liveMaxMs },
    onDemand: { prerollMs: b.filePrerollMs, maxMs: b.fileMaxMs },
    reconnectMs: cfg.health.reconnectMs,
    resolve: d.resolve,
    bridge: d.bridge,
    rearmMs: cfg.fallback.rearmMs,
    liveInputs: d.liveInputs,
    skipped: (path, why) =>
      d.events.emit({
        kind: 'audio.item-skipped',
        severity: 'warning',
        sub: 'audio',
        message: `not aired: ${path}: ${why}`,
        text: { key: 'ev.audio.item-skipped', vars: { path } },
        details: { path, why },
      }),
  });
  const sink = makeSink(cfg.sink ?? { kind: 'null' }, d, children);
  const watch = new OnAirWatch({
    events: d.events,
    alarms: d.alarms,
    silenceDb: cfg.health.silenceDb,
    outputSilenceMs: cfg.outputSilenceMs,
  });
  const engine = new AudioEngine({
    clock: d.clock,
    factory,
    sink,
    watch,
    crossfadeMs: cfg.switching.crossfadeMs,
    ...(d.taps ? { taps: d.taps } : {}),
  });
  return { engine, children, sink };
}
