/**
 * The audio engine as a station module ('audio'). It provides the engine as ports ON_AIR (for
 * the schedule, emergencies and diagnostics), FADER (the station plugs it into the power
 * chain) and OUTPUT_METER. It loads audio.json, builds the engine (sources verified through
 * the media cache, when there is one), starts the on-air log and the confidence monitor, and
 * plays the fallback playlist in the 'fallback' slot.
 */
import { join } from 'node:path';
import type { Registry } from 'prom-client';
import type { EventSink } from '../core/events.js';
import type { Handler } from '../core/registry.js';
import { MEDIA_CACHE } from '../media/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { FADER, POWER, type StationPower } from '../power/ports.js';
import { JsonDoc } from '../store/doc.js';
import { type AudioConfig, audioConfigSchema, defaultAudioConfig } from './config.js';
import { AudioControl } from './control.js';
import type { AudioEngine } from './engine.js';
import { ListenEncoder, type ListenSinkOptions } from './listen-encoder.js';
import { LIVE_INPUTS, LiveInputs } from './live-inputs.js';
import { ManualPlays } from './manual-plays.js';
import { type AudioMetricsStatus, registerAudioMetrics } from './metrics.js';
import type { ConfidenceMonitor } from './monitor.js';
import { OnAirLog } from './onair-log.js';
import { chooseOutput, type OutputChoice, requireAudible } from './output-choice.js';
import { type ListenHandle, ON_AIR, ON_AIR_LISTEN, OUTPUT_METER } from './port.js';
import { type BuiltEngine, buildEngine } from './setup.js';

export class AudioModule implements StationModule {
  readonly name = 'audio';
  readonly needs = [POWER];
  readonly wants = [MEDIA_CACHE];
  readonly provides = [ON_AIR, FADER, OUTPUT_METER, LIVE_INPUTS, ON_AIR_LISTEN];
  config!: JsonDoc<AudioConfig>;
  private built: BuiltEngine | undefined;
  monitor: ConfidenceMonitor | undefined;
  private onAirLog: OnAirLog | undefined;
  private control: AudioControl | undefined;
  private manual: ManualPlays | undefined;
  private power: StationPower | undefined;
  private rampMs = 200;
  /** The listen-in encoder, while someone listens (at most one). */
  private listen: { enc: ListenEncoder; untap: () => void } | undefined;

  private output: OutputChoice | undefined;

  constructor(private readonly o: { dataDir: string; allowSilentOutput?: boolean | undefined }) {}

  /** The engine: OnAirPort for the schedule and emergency modules, Fader for the power chain. */
  get engine(): AudioEngine {
    if (!this.built) throw new Error('audio module not started');
    return this.built.engine;
  }

  async start(ctx: ModuleContext): Promise<void> {
    const power = ctx.need(POWER);
    this.power = power;
    this.rampMs = ctx.profile.timings.unmuteRampMs;
    const clock = ctx.clock;
    this.config = new JsonDoc({
      file: join(this.o.dataDir, 'audio.json'),
      writeDefaults: true,
      schema: audioConfigSchema,
      version: 1,
      clock,
      defaults: defaultAudioConfig,
    });
    await this.config.load();
    const manual = new ManualPlays({
      file: join(this.o.dataDir, 'audio-state.json'),
      clock,
      events: ctx.store.events,
    });
    await manual.load();
    this.manual = manual;
    this.output = chooseOutput(this.config.data, ctx.profile);
    requireAudible(this.output, ctx.profile.name, this.o.allowSilentOutput === true);
    const cfg = { ...this.config.data, sink: this.output.sink };
    const media = ctx.want(MEDIA_CACHE);
    const events = ctx.store.events;
    const liveInputs = liveInputsFor(this.output);
    this.built = this.build(ctx, cfg, liveInputs);
    const engine = this.built.engine;
    if (cfg.onAirLog.enabled) await this.startOnAirLog(ctx, cfg);
    if (cfg.monitor.enabled) await this.startMonitor(cfg, events);
    await engine.start();
    ctx.provide(LIVE_INPUTS, liveInputs);
    ctx.provide(FADER, engine);
    ctx.provide(ON_AIR, engine);
    ctx.provide(OUTPUT_METER, { peakDbfs: () => this.built?.engine.status().output.peakDbfs });
    ctx.provide(ON_AIR_LISTEN, { open: (o) => this.openListen(o) });
    this.control = new AudioControl(
      { clock, events, profile: ctx.profile, power },
      engine,
      this.config,
      media,
      manual,
    );
    await this.control.applyFallback('background').catch((e) =>
      events.emit({
        kind: 'audio.fallback-failed',
        severity: 'alarm',
        sub: 'audio',
        message: `fallback playlist cannot play: ${(e as Error).message}`,
        text: { key: 'ev.audio.fallback-failed' },
      }),
    );
    // what an operator left playing before a crash, power cut or restart
    await manual.resume(engine);
  }

  /** The engine on this station's config: sources verified through the media cache, when there is one. */
  private build(ctx: ModuleContext, cfg: AudioConfig, liveInputs: LiveInputs): BuiltEngine {
    const media = ctx.want(MEDIA_CACHE);
    return buildEngine(cfg, {
      clock: ctx.clock,
      events: ctx.store.events,
      alarms: ctx.alarms,
      liveInputs,
      resolve: (p) => (media ? media.resolveForAir(p) : Promise.resolve(p)),
      ...(media ? { bridge: (p: string) => media.bridges.forAir(p) } : {}),
    });
  }

  /** The on-air log: what went out, recorded from the engine's own output (a tap). */
  private async startOnAirLog(ctx: ModuleContext, cfg: AudioConfig): Promise<void> {
    if (!this.built) return;
    this.onAirLog = new OnAirLog({
      dir: join(this.o.dataDir, 'onair'),
      clock: ctx.clock,
      children: this.built.children,
      events: ctx.store.events,
      keepDays: cfg.onAirLog.keepDays,
      quotaMb: cfg.onAirLog.quotaMb,
      bitrateKbps: cfg.onAirLog.bitrateKbps,
      timezone: ctx.store.config.data.timezone,
    });
    await this.onAirLog.start();
    this.built.engine.addTap(this.onAirLog);
  }

  /** The output to a listen-in encoder; a second one replaces the first (one child at most). */
  private openListen(o: ListenSinkOptions): ListenHandle {
    const b = this.built;
    if (!b) throw new Error('audio module not started');
    void this.closeListen();
    const enc = new ListenEncoder(b.children, o);
    enc.start();
    const run = { enc, untap: b.engine.addTap(enc) };
    this.listen = run;
    return {
      get pid() {
        return enc.pid;
      },
      get dropped() {
        return enc.dropped;
      },
      stop: () => this.closeListen(run),
    };
  }

  private async closeListen(run = this.listen): Promise<void> {
    if (!run) return;
    if (this.listen === run) this.listen = undefined;
    run.untap();
    await run.enc.stop();
  }

  /** A monitor that cannot listen (port taken) is reported, never fatal: the station still plays. */
  private async startMonitor(cfg: AudioConfig, events: EventSink): Promise<void> {
    // loaded only when enabled: ws and the page are not carried by a station without it
    const { ConfidenceMonitor } = await import('./monitor.js');
    const m = new ConfidenceMonitor({ host: cfg.monitor.host, port: cfg.monitor.port });
    try {
      await m.start();
    } catch (e) {
      events.emit({
        kind: 'audio.monitor-unavailable',
        severity: 'warning',
        sub: 'audio',
        message: `confidence monitor not started on ${cfg.monitor.host}:${cfg.monitor.port}: ${(e as Error).message}`,
        text: {
          key: 'ev.audio.monitor-unavailable',
          vars: { where: `${cfg.monitor.host}:${cfg.monitor.port}` },
        },
      });
      return;
    }
    this.monitor = m;
    this.built?.engine.addTap(m);
  }

  async stop(): Promise<void> {
    const b = this.built;
    if (!b) return;
    // closing the engine ends every request: manual plays stay remembered for the next start
    this.manual?.detach();
    // the programme fades before the chain mutes and powers down (DESIGN.md decision 7)
    if (this.power?.chain.state !== 'off') await b.engine.fadeOut(this.rampMs);
    await b.engine.close();
    await this.onAirLog?.close();
    await this.monitor?.close();
    await this.closeListen();
    b.children.killAllSync();
    b.children.dispose();
    this.built = undefined;
  }

  methods(): Record<string, Handler> {
    const c = () => {
      if (!this.control) throw new Error('audio module not started');
      return this.control;
    };
    return {
      'audio.status': () => c().status(this.monitor),
      'audio.play': (p) => c().play(p),
      'audio.stop': (p) => c().stop(p),
      'fallback.list': () => c().fallbackList(),
      'fallback.add': (p) => c().fallbackAdd(p),
    };
  }

  registerMetrics(registry: Registry): () => void {
    return registerAudioMetrics(registry, () =>
      this.built ? (this.status() as AudioMetricsStatus) : undefined,
    );
  }

  status(): unknown {
    if (!this.built) return { running: false };
    const s = this.built.engine.status();
    return {
      onAir: s.onAir,
      output: s.output,
      masterGain: s.masterGain,
      sink: {
        kind: s.sink.kind,
        target: s.sink.target,
        ok: s.sink.ok,
        ...(s.sink.error ? { error: s.sink.error } : {}),
        // for the doctor: a real board's output, where it came from, whether silence was allowed
        real: this.output?.real ?? false,
        from: this.output?.from ?? 'none',
        allowSilent: this.o.allowSilentOutput === true,
      },
      sources: Object.entries(s.slots).flatMap(([slot, r]) =>
        (r?.sources ?? []).map((x) => ({
          slot,
          id: r?.id,
          kind: x.kind,
          healthy: x.healthy,
          reason: x.reason,
          bufferMs: x.bufferMs,
          ...(x.slow ? { slow: x.slow } : {}),
          ...(x.failure ? { failure: x.failure } : {}),
        })),
      ),
      monitor: this.monitor ? `http://${this.config.data.monitor.host}:${this.monitor.port}/` : null,
    };
  }
}

/** The live voice's inputs, knowing the output device (a microphone must not be its loopback). */
function liveInputsFor(output: OutputChoice): LiveInputs {
  const sink = output.sink;
  return new LiveInputs(() => (sink.kind === 'alsa' ? sink.device : undefined));
}
