/**
 * The `lines` station module: wires the line supervisor to the station's hardware, store,
 * alarms and power chain, and adds `lines.status`, `lines.check`, `lines.calibrate` and
 * `lines.history` to the control API. Baselines and settings live in `lines.json`, the
 * measurement history in `lines-history.jsonl`, both in the data dir.
 *
 * "A programme is on air" (no audible test tone) is true while the power chain is not off, or
 * while any other module holds it with `setProgrammeOnAir(source, true)` (e.g. a schedule's
 * pre-roll before it powers the chain up).
 */

import { join } from 'node:path';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { keyed } from '../core/errors.js';
import { isoLocal } from '../core/local-time.js';
import type { Handler } from '../core/registry.js';
import { invalidInput } from '../core/validate.js';
import type { Hal } from '../hal/hal.js';
import { HAL } from '../hal/port.js';
import type { Profile } from '../hal/profile.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { POWER, type StationPower } from '../power/ports.js';
import { JsonDoc } from '../store/doc.js';
import { HistoryLog } from './history.js';
import type { ZoneSense } from './measure.js';
import { registerLineMetrics } from './metrics.js';
import { LINES } from './port.js';
import { type LinesStatus, linesStatus } from './report.js';
import {
  type Baseline,
  defaultSettings,
  type LinesDoc,
  type LinesSettings,
  linesDocSchema,
} from './settings.js';
import { LinesSupervisor } from './supervisor.js';

/** The profile output that switches the sense board's audible test tone onto the lines (optional). */
export const TEST_TONE_OUTPUT = 'lines.test_tone';

export interface LinesModuleOptions {
  dataDir: string;
  /** Overrides applied over the settings in lines.json (tests, bench). */
  settings?: Partial<LinesSettings>;
}

export class LinesModule implements StationModule {
  readonly name = 'lines';
  readonly needs = [HAL, POWER];
  readonly provides = [LINES];
  private ctx!: ModuleContext;
  private hal!: Hal;
  private power!: StationPower;
  private doc!: JsonDoc<LinesDoc>;
  private history!: HistoryLog;
  sup!: LinesSupervisor;
  private readonly holders = new Set<string>();

  constructor(private readonly o: LinesModuleOptions) {}

  async start(ctx: ModuleContext): Promise<void> {
    this.ctx = ctx;
    this.hal = ctx.need(HAL);
    this.power = ctx.need(POWER);
    const clock = ctx.clock;
    this.doc = new JsonDoc({
      file: join(this.o.dataDir, 'lines.json'),
      schema: linesDocSchema,
      version: 1,
      clock,
      stats: ctx.store.stats,
      defaults: () => ({ schema: 1, settings: defaultSettings(), baselines: {} }),
    });
    await this.doc.load();
    this.reportRecovery();
    const log = ctx.log.child('lines');
    this.history = new HistoryLog({
      file: join(this.o.dataDir, 'lines-history.jsonl'),
      perZone: this.settings().historyPerZone,
      stats: ctx.store.stats,
      onError: (e) => log.error('line history not written', { error: String(e) }),
    });
    const h = await this.history.load();
    if (h.badLines) log.warn('line history had damaged lines, skipped', { ...h });
    this.sup = new LinesSupervisor({
      clock,
      zones: zoneSenses(this.hal, ctx.profile),
      events: ctx.store.events,
      alarms: ctx.alarms,
      history: this.history,
      settings: () => this.settings(),
      baseline: (id) => this.doc.data.baselines[String(id)],
      saveBaselines: (b) => this.saveBaselines(b),
      tone: this.hal.outputs.get(TEST_TONE_OUTPUT),
      programmeOnAir: () => this.programmeOnAir(),
      localHour: hourIn(ctx.store.config.data.timezone),
    });
    this.sup.start();
    ctx.provide(LINES, this);
  }

  async stop(): Promise<void> {
    await this.sup?.stop();
    await this.doc?.flush();
  }

  settings(): LinesSettings {
    return { ...this.doc.data.settings, ...this.o.settings };
  }

  /** Another module says a programme is (or is no longer) on air: no audible test tone meanwhile. */
  setProgrammeOnAir(source: string, on: boolean): void {
    if (on) this.holders.add(source);
    else this.holders.delete(source);
  }

  programmeOnAir(): boolean {
    return this.holders.size > 0 || this.power.chain.state !== 'off';
  }

  status(): LinesStatus {
    const now = this.ctx.clock.now();
    const tone = this.hal.outputs.has(TEST_TONE_OUTPUT);
    return linesStatus(this.sup, this.settings(), this.history, now, this.programmeOnAir(), tone);
  }

  registerMetrics(registry: Registry): () => void {
    return registerLineMetrics(registry, () => this.status());
  }

  methods(): Record<string, Handler> {
    return {
      'lines.status': () => this.status(),
      'lines.check': async (p) => {
        const { zone } = parse(zoneParams, p, 'lines.check');
        const r = await this.sup.check({ zones: this.zoneIds(zone), command: true });
        const st = this.status();
        return { ...r, zones: st.zones.filter((z) => r.zones.includes(z.id)) };
      },
      'lines.calibrate': async (p) => {
        const { zone } = parse(zoneParams, p, 'lines.calibrate');
        return { zones: await this.sup.calibrate(this.zoneIds(zone)) };
      },
      'lines.history': (p) => {
        const q = parse(historyParams, p, 'lines.history');
        const ids = this.zoneIds(q.zone);
        const st = this.status().zones.find((z) => z.id === q.zone);
        return {
          zone: q.zone,
          trend: st?.trend ?? null,
          entries: this.history.list(ids[0] ?? q.zone, q.limit).map((e) => ({
            ...e,
            time: isoLocal(e.t, this.ctx.store.config.data.timezone),
          })),
        };
      },
    };
  }

  private zoneIds(zone: number | undefined): number[] {
    const ids = this.ctx.profile.zones.map((z) => z.id);
    if (zone === undefined) return ids;
    if (!ids.includes(zone))
      throw keyed('INVALID_ARGUMENT', `zone: allowed ${ids.join(', ')} (got ${zone})`, 'r.zone', {
        allowed: ids.join(', '),
        got: zone,
      });
    return [zone];
  }

  private saveBaselines(b: Record<number, Baseline>): void {
    this.doc.update((d) => {
      for (const [id, base] of Object.entries(b)) d.baselines[id] = base;
    });
  }

  private reportRecovery(): void {
    const r = this.doc.recovery;
    if (r)
      this.ctx.store.events.emit({
        kind: 'store.recovered',
        severity: 'alarm',
        sub: 'lines',
        message: `${r.file} was damaged (${r.reason}); kept as ${r.keptAs}, started from ${r.usedBackup ? 'the last good copy' : 'defaults (no baselines: recalibrate)'}`,
        text: {
          key: r.usedBackup ? 'ev.store.recovered.backup' : 'ev.store.recovered.lines',
          vars: { file: r.file, keptAs: r.keptAs },
        },
        details: { ...r },
      });
  }
}

/** Each zone's sense channels, relay and speakers, as the board profile binds them. */
export function zoneSenses(hal: Hal, profile: Profile): ZoneSense[] {
  return profile.zones.map((z) => {
    const fb = profile.outputs[z.relay]?.feedback;
    return {
      id: z.id,
      name: z.name,
      voltage: hal.analogIn(z.sense.voltage),
      current: hal.analogIn(z.sense.current),
      earth: hal.analogIn(z.sense.earthKohm),
      relay: hal.output(z.relay),
      feedback: fb ? hal.input(fb) : undefined,
      speakers: z.speakers,
      currentStepA: adcStep(profile, z.sense.current),
    };
  });
}

/**
 * A Firmata board's analogue input is a 10-bit count scaled by the profile's calibration, so one
 * count is `scale` amperes; other drivers leave it to the `currentStepA` setting.
 */
function adcStep(profile: Profile, channel: string): number | undefined {
  const a = profile.analog[channel];
  if (!a || profile.drivers[a.driver]?.kind !== 'firmata') return undefined;
  return Math.abs(a.calibration.scale);
}

export const zoneParams = z.strictObject({ zone: z.number().int().min(1).max(32).optional() });
const historyParams = z.strictObject({
  zone: z.number().int().min(1).max(32),
  limit: z.number().int().min(1).max(20_000).default(100),
});

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input ?? {}, { reportInput: true });
  if (!r.success) throw invalidInput(what, r.error.issues);
  return r.data;
}

/** Local hour in the station's time zone (Asia/Ho_Chi_Minh by default). */
export function hourIn(timeZone: string): (epochMs: number) => number {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  return (ms) => Number(f.format(ms)) % 24;
}
