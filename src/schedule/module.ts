/**
 * The schedule as a station module: wires the persisted schedule, the clock gate, the runner,
 * emergencies (command, button, district) and the play log onto the station's power chain and
 * the audio engine's OnAirPort.
 */
import { join } from 'node:path';
import { ON_AIR, type OnAirPort } from '../audio/port.js';
import { LoaError, toLoaError } from '../core/errors.js';
import { isoLocal } from '../core/local-time.js';
import type { Handler } from '../core/registry.js';
import { HAL } from '../hal/port.js';
import type { MediaCache } from '../media/cache.js';
import { MEDIA_CACHE } from '../media/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { POWER, POWER_HOLDER } from '../power/ports.js';
import { SPEAKER } from '../speech/port.js';
import type { Speaker } from '../speech/speaker.js';
import type { JsonDoc } from '../store/doc.js';
import { ANNOUNCER } from './announcer.js';
import { CLOSING_TONES_HZ, writeChime } from './chime.js';
import { type ClockGate, type ClockProbe, timedatectlProbe } from './clock-gate.js';
import type { Plan } from './compile.js';
import type { ScheduleDoc } from './document.js';
import type { Emergency, EmergencyOrigin, EmergencyStatus } from './emergency.js';
import { cacheLookup, districtFetch, mediaCheck } from './media-access.js';
import { MediaWatch } from './media-watch.js';
import { UnavailablePort } from './onair.js';
import { PlayLog } from './play-log.js';
import { nextProgramme, playabilityWarnings, type ScheduleWarning, SOON_DAYS } from './playability.js';
import { PowerLink } from './power-link.js';
import { preRollMs } from './power-plan.js';
import { RecordedBulletins } from './recorded-bulletin.js';
import type { Runner } from './runner.js';
import {
  emergencyRequest,
  parseDoc,
  parsePlayLog,
  parseShow,
  type ShowResult,
  showItems,
} from './service.js';
import { type ScheduleSettings, settingsDoc } from './settings.js';
import { type MediaLookup, mediaRefsOf } from './sources.js';
import { persistApplied, type ScheduleState, stateDoc } from './state.js';
import { TextBulletins } from './text-bulletin.js';
import { textRenderer } from './text-source.js';
import { type Validated, validateSchedule } from './validate.js';
import { ScheduleWiring } from './wiring.js';
import { formatLocal } from './zoned-time.js';

export interface ScheduleModuleOptions {
  /** The audio engine; port ON_AIR when not given. */
  port?: OnAirPort;
  media?: MediaLookup;
  probe?: ClockProbe;
}

/** The lookup given (tests), else the verified cache's; a damaged file counts as missing. */
function lookupOf(given: MediaLookup | undefined, cache: MediaCache | undefined): MediaLookup | undefined {
  return given ?? cacheLookup(cache);
}

export class ScheduleModule implements StationModule {
  readonly name = 'schedule';
  readonly needs = [HAL, POWER];
  readonly wants = [ON_AIR, MEDIA_CACHE, SPEAKER];
  readonly provides = [POWER_HOLDER, ANNOUNCER];
  private ctx!: ModuleContext;
  private media: MediaCache | undefined;
  private state!: JsonDoc<ScheduleState>;
  private settings!: ScheduleSettings;
  private plan: Plan | undefined;
  private w!: ScheduleWiring;
  private watch: MediaWatch | undefined;
  private text!: TextBulletins;
  private recorded!: RecordedBulletins;

  constructor(private readonly o: ScheduleModuleOptions = {}) {}

  get emergency(): Emergency {
    return this.w.emergency;
  }

  get runner(): Runner {
    return this.w.runner;
  }

  get gate(): ClockGate {
    return this.w.gate;
  }

  async start(ctx: ModuleContext): Promise<void> {
    this.ctx = ctx;
    this.media = ctx.want(MEDIA_CACHE);
    const { clock, dataDir } = ctx;
    const sdoc = settingsDoc(dataDir, clock);
    await sdoc.load();
    this.settings = sdoc.data;
    this.state = stateDoc(dataDir, clock);
    await this.state.load();
    this.plan = this.restorePlan();
    if (this.state.data.applied) this.pinMedia(this.state.data.applied);
    await this.wire(ctx, lookupOf(this.o.media, this.media));
  }

  private async wire(ctx: ModuleContext, lookup: MediaLookup | undefined): Promise<void> {
    const { clock, dataDir } = ctx;
    const playLog = new PlayLog(dataDir, this.settings.playLogMax, ctx.store.events);
    await playLog.load();
    const attentionPath = await writeChime(join(dataDir, 'attention.wav'));
    const closingPath = await writeChime(join(dataDir, 'closing.wav'), CLOSING_TONES_HZ);
    const speaker = ctx.want(SPEAKER);
    const port = this.o.port ?? ctx.want(ON_AIR) ?? new UnavailablePort();
    const chain = ctx.need(POWER).chain;
    const power = new PowerLink(chain, this.zoneIds());
    ctx.provide(POWER_HOLDER, power);
    this.w = new ScheduleWiring({
      station: {
        clock,
        profile: ctx.profile,
        alarms: ctx.alarms,
        events: ctx.store.events,
        hal: ctx.need(HAL),
        chain,
      },
      port,
      playLog,
      attentionPath,
      settings: this.settings,
      state: this.state,
      plan: () => this.plan,
      media: lookup,
      speak: textRenderer(() => speaker, attentionPath, closingPath),
      probe: this.o.probe ?? timedatectlProbe(),
      wake: ctx.wake,
      power,
      preRollMs: preRollMs(ctx.profile.timings, ctx.profile.zones.length, this.settings.preRollMarginMs),
    });
    this.bulletins(speaker, closingPath);
    await this.w.start();
    const em = this.w.emergency;
    ctx.provide(ANNOUNCER, {
      start: (req) => em.start(req),
      stop: () => em.stop(),
      status: () => em.status(),
      scheduledTier: () => this.w.runner.onAirItem?.rule.tier,
      zoneIds: () => this.zoneIds(),
    });
    this.startMediaWatch(ctx, lookup);
  }

  /** Text bulletins and recorded ones (issue 17): both play through the announcement runner by tier. */
  private bulletins(speaker: Speaker | undefined, closingPath: string): void {
    this.text = new TextBulletins({
      emergency: this.w.emergency,
      speaker: () => {
        if (!speaker) throw new LoaError('UNAVAILABLE', 'this station has no text-to-speech module');
        return speaker;
      },
      zoneIds: () => this.zoneIds(),
      closingPath,
      scheduledTier: () => this.w.runner.onAirItem?.rule.tier,
    });
    this.recorded = new RecordedBulletins({
      clock: this.ctx.clock,
      emergency: this.w.emergency,
      zoneIds: () => this.zoneIds(),
      closingPath,
      scheduledTier: () => this.w.runner.onAirItem?.rule.tier,
    });
  }

  /** Media the schedule needs, checked ahead of its window and fetched again when missing. */
  private startMediaWatch(ctx: ModuleContext, lookup: MediaLookup | undefined): void {
    this.watch = new MediaWatch({
      clock: ctx.clock,
      alarms: ctx.alarms,
      events: ctx.store.events,
      plan: () => this.plan,
      check: mediaCheck(lookup, this.media),
      fetch: districtFetch(this.media),
      aheadMs: this.settings.mediaCheckAheadMs,
      everyMs: this.settings.mediaCheckEveryMs,
    });
    this.watch.start();
  }

  async stop(): Promise<void> {
    this.watch?.stop();
    await this.w?.stop();
    await this.state?.flush();
  }

  /** Validates a document against this station (zones, zone of time); changes nothing. */
  check(raw: unknown): Validated {
    return validateSchedule(raw, {
      zones: this.zoneIds(),
      defaultTz: this.ctx.store.config.data.timezone,
      now: this.ctx.clock.now(),
    });
  }

  /** Validates in full, writes atomically, then re-plans from now. */
  async apply(raw: unknown): Promise<{
    version: number;
    programmes: number;
    missingMedia: string[];
    warnings: ScheduleWarning[];
  }> {
    const v = this.check(raw);
    await persistApplied(this.state, v.doc, this.ctx.clock.now());
    this.plan = v.plan;
    this.pinMedia(v.doc);
    this.ctx.store.events.emit({
      kind: 'schedule.applied',
      severity: 'info',
      sub: 'schedule',
      message: `schedule version ${v.doc.version} applied (${v.doc.programmes.length} programmes)`,
      text: { key: 'ev.schedule.applied', vars: { version: v.doc.version, n: v.doc.programmes.length } },
      details: { version: v.doc.version, programmes: v.doc.programmes.length },
    });
    await this.w.runner.replan('schedule applied');
    void this.watch?.check();
    return {
      version: v.doc.version,
      programmes: v.doc.programmes.length,
      missingMedia: this.missingMedia(v.doc),
      warnings: this.warnings(v),
    };
  }

  show(x: unknown): ShowResult {
    const q = parseShow(x);
    const now = this.ctx.clock.now();
    const p = this.plan;
    return {
      timezone: p?.tz ?? this.ctx.store.config.data.timezone,
      version: p?.version ?? null,
      validUntil: p?.validUntilMs ?? null,
      // the last second of validity: "2030-12-31 23:59", not "2031-01-01 00:00"
      validUntilLocal: p ? formatLocal(p.validUntilMs - 1000, p.tz) : null,
      stale: p ? now >= p.validUntilMs : false,
      items: p ? showItems(p, q.from ?? now, q.days) : [],
    };
  }

  /** The entry point for the district link (and the button): validated like the command. */
  async startEmergency(params: unknown, origin: EmergencyOrigin): Promise<EmergencyStatus> {
    return this.w.emergency.start(await emergencyRequest(params, origin, this.zoneIds()));
  }

  methods(): Record<string, Handler> {
    const s = this.state;
    return {
      'schedule.get': () => ({ applied: s.data.applied, appliedAt: s.data.appliedAt }),
      'schedule.check': (x) => {
        const v = this.check(parseDoc(x, 'schedule.check'));
        return {
          ok: true,
          version: v.doc.version,
          programmes: v.doc.programmes.length,
          timezone: v.plan.tz,
          missingMedia: this.missingMedia(v.doc),
          warnings: this.warnings(v),
        };
      },
      'schedule.apply': (x) => this.apply(parseDoc(x, 'schedule.apply')),
      'schedule.show': (x) => this.show(x),
      playLog: (x) => {
        const tz = this.ctx.store.config.data.timezone;
        return this.w.playLog.query(parsePlayLog(x)).map((e) => ({
          ...e,
          startTime: isoLocal(e.start, tz),
          ...(e.end !== undefined ? { endTime: isoLocal(e.end, tz) } : {}),
        }));
      },
      'emergency.start': (x) => this.startEmergency(x, 'command'),
      'emergency.stop': () => this.w.emergency.stop(),
      'emergency.status': () => {
        const s = this.w.emergency.status();
        const tz = this.ctx.store.config.data.timezone;
        // one clock: the end of the last one in station time with its offset
        return s.last ? { ...s, last: { ...s.last, endedTime: isoLocal(s.last.ended, tz) } } : s;
      },
      'bulletin.text': (x) => this.text.say(x, 'command'),
      'bulletin.stop': (x) => this.text.stop(x),
      'bulletin.play': (x) => this.recorded.play(x, 'command'),
    };
  }

  status(): unknown {
    const p = this.plan;
    const cur = this.w.runner.onAirItem;
    return {
      version: p?.version ?? null,
      timezone: p?.tz ?? null,
      stale: p ? this.ctx.clock.now() >= p.validUntilMs : false,
      clock: { state: this.w.gate.state ?? 'unknown', open: this.w.gate.open },
      onAir: cur ? { programmeId: cur.rule.id, title: cur.rule.title, start: cur.start, end: cur.end } : null,
      nextWakeAt: this.w.runner.nextWakeAt ?? null,
      emergency: this.w.emergency.status(),
      mediaMissing: [...(this.watch?.missing.values() ?? [])],
      // the next programme within SOON_DAYS: none means nothing will play (doctor warns)
      next: p ? (nextProgramme(p, this.ctx.clock.now(), SOON_DAYS) ?? null) : null,
      soonDays: SOON_DAYS,
    };
  }

  /** Accepted, but said: a schedule that will not play, or reads its times in another zone. */
  private warnings(v: Validated): ScheduleWarning[] {
    const now = this.ctx.clock.now();
    return playabilityWarnings(v.doc, v.plan, now, this.ctx.store.config.data.timezone);
  }

  /** The media cache never evicts what the applied schedule needs. */
  private pinMedia(doc: ScheduleDoc): void {
    this.media?.pin('schedule', mediaRefsOf(doc.programmes.map((p) => p.source)));
  }

  /** Cached files the schedule names that the cache does not hold (yet): said, not refused. */
  private missingMedia(doc: ScheduleDoc): string[] {
    const cache = this.media;
    if (!cache) return [];
    return mediaRefsOf(doc.programmes.map((p) => p.source)).filter((sha) => !cache.manifest.data.items[sha]);
  }

  private zoneIds(): number[] {
    return this.ctx.profile.zones.map((z) => z.id).sort((a, b) => a - b);
  }

  /** The persisted schedule, checked again against this station (a profile may have changed). */
  private restorePlan(): Plan | undefined {
    const applied = this.state.data.applied;
    if (!applied) return undefined;
    try {
      return this.check(applied).plan;
    } catch (e) {
      this.ctx.alarms.raise(
        'schedule.invalid',
        'schedule',
        `the stored schedule no longer fits this station: ${toLoaError(e).message}`,
      );
      return undefined;
    }
  }
}
