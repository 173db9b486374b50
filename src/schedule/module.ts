/**
 * The schedule as a station module: wires the persisted schedule, the clock gate, the runner,
 * emergencies (command, button, district) and the play log onto the station's power chain and
 * the audio engine's OnAirPort.
 */
import { join } from 'node:path';
import type { Handler } from '../api/local.js';
import type { OnAirPort } from '../audio/port.js';
import { SystemClock } from '../core/clock.js';
import { toLoaError } from '../core/errors.js';
import { mediaOf } from '../media/module.js';
import type { StationModule } from '../module/module.js';
import type { Station } from '../station/station.js';
import type { JsonDoc } from '../store/doc.js';
import { writeChime } from './chime.js';
import { type ClockGate, type ClockProbe, timedatectlProbe } from './clock-gate.js';
import type { Plan } from './compile.js';
import type { ScheduleDoc } from './document.js';
import type { Emergency, EmergencyOrigin, EmergencyStatus } from './emergency.js';
import { findOnAirPort, UnavailablePort } from './onair.js';
import { PlayLog } from './play-log.js';
import { PowerLink } from './power-link.js';
import { preRollMs } from './power-plan.js';
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
import { type Validated, validateSchedule } from './validate.js';
import { ScheduleWiring } from './wiring.js';
import { formatLocal } from './zoned-time.js';

export interface ScheduleModuleOptions {
  /** The audio engine; found among the station's modules ('audio') when not given. */
  port?: OnAirPort;
  media?: MediaLookup;
  probe?: ClockProbe;
}

export class ScheduleModule implements StationModule {
  readonly name = 'schedule';
  private station!: Station;
  private power: PowerLink | undefined;
  private state!: JsonDoc<ScheduleState>;
  private settings!: ScheduleSettings;
  private plan: Plan | undefined;
  private w!: ScheduleWiring;

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

  async start(station: Station): Promise<void> {
    this.station = station;
    const { clock, dataDir } = station.o;
    const sdoc = settingsDoc(dataDir, clock);
    await sdoc.load();
    this.settings = sdoc.data;
    this.state = stateDoc(dataDir, clock);
    await this.state.load();
    this.plan = this.restorePlan();
    if (this.state.data.applied) this.pinMedia(this.state.data.applied);
    const playLog = new PlayLog(dataDir, this.settings.playLogMax, station.store.events);
    await playLog.load();
    const attentionPath = await writeChime(join(dataDir, 'attention.wav'));
    const port = this.o.port ?? findOnAirPort(station.modules) ?? new UnavailablePort();
    const power = new PowerLink(station.chain, this.zoneIds());
    this.power = power;
    station.powerHolder = power;
    this.w = new ScheduleWiring({
      station,
      port,
      playLog,
      attentionPath,
      settings: this.settings,
      state: this.state,
      plan: () => this.plan,
      media: this.o.media,
      probe: this.o.probe ?? timedatectlProbe(),
      wake: clock instanceof SystemClock ? 'node-schedule' : 'clock',
      power,
      preRollMs: preRollMs(
        station.profile.timings,
        station.profile.zones.length,
        this.settings.preRollMarginMs,
      ),
    });
    await this.w.start();
  }

  async stop(): Promise<void> {
    if (this.station?.powerHolder === this.power) this.station.powerHolder = undefined;
    await this.w?.stop();
    await this.state?.flush();
  }

  /** Validates a document against this station (zones, zone of time); changes nothing. */
  check(raw: unknown): Validated {
    return validateSchedule(raw, {
      zones: this.zoneIds(),
      defaultTz: this.station.store.config.data.timezone,
      now: this.station.o.clock.now(),
    });
  }

  /** Validates in full, writes atomically, then re-plans from now. */
  async apply(raw: unknown): Promise<{ version: number; programmes: number; missingMedia: string[] }> {
    const v = this.check(raw);
    await persistApplied(this.state, v.doc, this.station.o.clock.now());
    this.plan = v.plan;
    this.pinMedia(v.doc);
    this.station.store.events.emit({
      kind: 'schedule.applied',
      severity: 'info',
      sub: 'schedule',
      message: `schedule version ${v.doc.version} applied (${v.doc.programmes.length} programmes)`,
      details: { version: v.doc.version, programmes: v.doc.programmes.length },
    });
    await this.w.runner.replan('schedule applied');
    return {
      version: v.doc.version,
      programmes: v.doc.programmes.length,
      missingMedia: this.missingMedia(v.doc),
    };
  }

  show(x: unknown): ShowResult {
    const q = parseShow(x);
    const now = this.station.o.clock.now();
    const p = this.plan;
    return {
      timezone: p?.tz ?? this.station.store.config.data.timezone,
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
        };
      },
      'schedule.apply': (x) => this.apply(parseDoc(x, 'schedule.apply')),
      'schedule.show': (x) => this.show(x),
      playLog: (x) => this.w.playLog.query(parsePlayLog(x)),
      'emergency.start': (x) => this.startEmergency(x, 'command'),
      'emergency.stop': () => this.w.emergency.stop(),
      'emergency.status': () => this.w.emergency.status(),
    };
  }

  status(): unknown {
    const p = this.plan;
    const cur = this.w.runner.onAirItem;
    return {
      version: p?.version ?? null,
      timezone: p?.tz ?? null,
      stale: p ? this.station.o.clock.now() >= p.validUntilMs : false,
      clock: { state: this.w.gate.state ?? 'unknown', open: this.w.gate.open },
      onAir: cur ? { programmeId: cur.rule.id, title: cur.rule.title, start: cur.start, end: cur.end } : null,
      nextWakeAt: this.w.runner.nextWakeAt ?? null,
      emergency: this.w.emergency.status(),
    };
  }

  /** The media cache never evicts what the applied schedule needs. */
  private pinMedia(doc: ScheduleDoc): void {
    mediaOf(this.station)?.cache.pin('schedule', mediaRefsOf(doc.programmes.map((p) => p.source)));
  }

  /** Cached files the schedule names that the cache does not hold (yet): said, not refused. */
  private missingMedia(doc: ScheduleDoc): string[] {
    const cache = mediaOf(this.station)?.cache;
    if (!cache) return [];
    return mediaRefsOf(doc.programmes.map((p) => p.source)).filter((sha) => !cache.manifest.data.items[sha]);
  }

  private zoneIds(): number[] {
    return this.station.profile.zones.map((z) => z.id).sort((a, b) => a - b);
  }

  /** The persisted schedule, checked again against this station (a profile may have changed). */
  private restorePlan(): Plan | undefined {
    const applied = this.state.data.applied;
    if (!applied) return undefined;
    try {
      return this.check(applied).plan;
    } catch (e) {
      this.station.alarms.raise(
        'schedule.invalid',
        'schedule',
        `the stored schedule no longer fits this station: ${toLoaError(e).message}`,
      );
      return undefined;
    }
  }
}
