/**
 * Speaker line supervision for every zone. Two loops:
 * - a fast passive check (default every 200 ms) reads each line's voltage and current and
 *   isolates a shorted zone within a second (2 of 3 readings), keeping the others playing;
 * - a full check (default every 30 s, at most 60 s) takes 3 readings of every zone —
 *   impedance, earth leakage — and classifies ok, degraded, open, short, earth fault or
 *   sensor fault, so a fault is reported well inside EN 54-16's 100 s.
 * The full check puts the audible test tone on the lines only outside programmes (by
 * default, hourly, in daytime); otherwise it reads passively under the pilot or programme.
 */
import type { Clock, Timer } from '../core/clock.js';
import { keyed, LoaError } from '../core/errors.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import type { DigitalOut } from '../hal/types.js';
import { checkCalibration } from './calibrate.js';
import type { HistoryEntry, HistoryLog } from './history.js';
import { ZoneIsolator } from './isolate.js';
import { type Method, median, type Reading, readLine, readZone, type ZoneSense } from './measure.js';
import type { Baseline, LinesSettings } from './settings.js';
import { LineZone } from './zone.js';

export interface LinesDeps {
  clock: Clock;
  zones: ZoneSense[];
  events: EventSink;
  alarms: Alarms;
  history: HistoryLog;
  settings(): LinesSettings;
  baseline(zone: number): Baseline | undefined;
  saveBaselines(b: Record<number, Baseline>): void;
  /** The sense board's test-tone relay, when the board has one. */
  tone: DigitalOut | undefined;
  /** True while a programme is on air (the power chain is up, or a module says so). */
  programmeOnAir(): boolean;
  /** Local hour 0–23 of an epoch time (station time zone), for the tone's daytime window. */
  localHour(epochMs: number): number;
}

export type ToneUse = 'command' | 'scheduled' | 'confirm';
const ON_AIR = 'a programme is on air';
const NOT_DUE = 'not due';

export interface CheckResult {
  method: Method;
  toneSkipped: string | undefined;
  /** `toneSkipped` as a keyed text (core/i18n.ts). */
  toneSkippedText?: Text;
  zones: number[];
}

export class LinesSupervisor {
  readonly zones: LineZone[];
  lastCheckAt: number | undefined;
  lastToneAt = Number.NEGATIVE_INFINITY;
  checks = 0;
  private timers: Timer[] = [];
  private running: Promise<unknown> = Promise.resolve();
  private fastBusy = false;
  private stopped = false;

  constructor(private readonly d: LinesDeps) {
    this.zones = d.zones.map((z) => new LineZone(z, new ZoneIsolator(z.relay), d));
  }

  start(): void {
    const s = this.d.settings();
    this.timers.push(this.d.clock.setInterval(() => void this.fastTick(), s.fastMs));
    this.timers.push(this.d.clock.setInterval(() => void this.check({}).catch(() => {}), s.checkEveryMs));
    void this.check({}).catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) t.cancel();
    this.timers = [];
    await this.running.catch(() => undefined);
    await this.d.tone?.set(false);
    for (const z of this.zones) z.isolator.detach();
    await this.d.history.flush();
  }

  zone(id: number): LineZone | undefined {
    return this.zones.find((z) => z.id === id);
  }

  /** The fast passive short check over every zone. */
  async fastTick(): Promise<void> {
    if (this.fastBusy || this.stopped) return;
    this.fastBusy = true;
    try {
      for (const z of this.zones) await z.applyFast(await readLine(z.sense, z.limits()));
    } finally {
      this.fastBusy = false;
    }
  }

  /** A full check of some or all zones; `command` checks (a technician) ignore the tone's timetable. */
  check(o: { zones?: number[]; command?: boolean }): Promise<CheckResult> {
    return this.serial(() => this.runCheck(o.zones ?? this.zones.map((z) => z.id), o.command ?? false));
  }

  /** Takes readings and records baselines; all-or-nothing (a refusal changes nothing). */
  calibrate(ids: number[]): Promise<Array<{ zone: number; baseline: Baseline }>> {
    return this.serial(() => this.runCalibrate(ids));
  }

  /**
   * Why the audible tone cannot be used now (undefined: it can). A technician's command ignores
   * the timetable; a scheduled check needs it due (toneEveryMs) and a confirmation of a coarse
   * reading needs toneConfirmGapMs since the last tone, both within the tone hours.
   */
  toneBlocked(why: ToneUse): string | undefined {
    return this.toneBlock(why)?.en;
  }

  /** The same, with its keyed text for terminals in another language. */
  toneBlock(why: ToneUse): { en: string; text: Text } | undefined {
    const s = this.d.settings();
    const say = (en: string, key: string, vars: Record<string, number> = {}) => ({ en, text: { key, vars } });
    if (!this.d.tone)
      return say('the sense board has no test tone (profile output lines.test_tone)', 'l.tone.none');
    if (s.tone === 'never') return say('the test tone is disabled (tone: never)', 'l.tone.disabled');
    if (s.tone === 'outside-programmes' && this.d.programmeOnAir()) return say(ON_AIR, 'l.tone.onAir');
    if (why === 'command') return undefined;
    const now = this.d.clock.now();
    if (now - this.lastToneAt < (why === 'confirm' ? s.toneConfirmGapMs : s.toneEveryMs))
      return say(NOT_DUE, 'l.tone.notDue');
    const h = this.d.localHour(now);
    const { from, to } = s.toneHours;
    const inHours = from < to ? h >= from && h < to : h >= from || h < to;
    return inHours ? undefined : say(`outside the tone hours ${from}–${to}`, 'l.tone.hours', { from, to });
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const p = this.running.catch(() => undefined).then(job);
    this.running = p.catch(() => undefined);
    return p;
  }

  private async runCheck(ids: number[], command: boolean): Promise<CheckResult> {
    const s = this.d.settings();
    const zones = this.zones.filter((z) => ids.includes(z.id));
    const block = this.toneBlock(command ? 'command' : 'scheduled');
    const blocked = block?.en;
    const coarse = new Set<LineZone>();
    const each = async (z: LineZone, r: Reading) => {
      if ((await z.apply(r)) === 'unresolved') coarse.add(z);
      else coarse.delete(z);
    };
    const all = await this.sample(zones, s.samplesPerCheck, blocked === undefined, each);
    if (coarse.size > 0 && this.toneBlocked('confirm') === undefined) {
      // a passive reading could not tell ok from degraded: confirm under the test tone
      const more = await this.sample([...coarse], s.samplesPerCheck, true, each);
      for (const [id, rs] of more) all.get(id)?.push(...rs);
    }
    const now = this.d.clock.now();
    this.lastCheckAt = now;
    this.checks++;
    const method: Method = [...all.values()].flat().some((r) => r.method === 'tone') ? 'tone' : 'passive';
    if (method === 'tone') this.lastToneAt = now;
    this.record(zones, all, now, s);
    const skipped = blocked === NOT_DUE ? undefined : block;
    return {
      method,
      toneSkipped: skipped?.en,
      ...(skipped ? { toneSkippedText: skipped.text } : {}),
      zones: ids,
    };
  }

  private async runCalibrate(ids: number[]): Promise<Array<{ zone: number; baseline: Baseline }>> {
    const blocked = this.toneBlocked('command');
    if (blocked === ON_AIR)
      throw keyed(
        'REFUSED',
        'calibration refused: a programme is on air; calibrate outside programmes',
        'r.calOnAir',
      );
    const zones = this.zones.filter((z) => ids.includes(z.id));
    const all = await this.sample(zones, 5, blocked === undefined, async () => {});
    const s = this.d.settings();
    const now = this.d.clock.now();
    const results = zones.map((z) => ({
      z,
      r: checkCalibration({
        readings: all.get(z.id) ?? [],
        expectedOhm: z.expectedOhm,
        speakers: z.sense.speakers,
        settings: { ...s, currentStepA: z.limits().currentStepA },
        now,
      }),
    }));
    const refused = results.flatMap(({ z, r }) => (r.ok ? [] : [`zone ${z.id}: ${r.reason}`]));
    if (refused.length)
      throw new LoaError('REFUSED', `calibration refused, nothing recorded: ${refused.join('; ')}`, {
        zones: results.map(({ z, r }) => ({ zone: z.id, ...(r.ok ? { ok: true } : { reason: r.reason }) })),
      });
    const out = results.map(({ z, r }) => ({ zone: z.id, baseline: (r as { baseline: Baseline }).baseline }));
    this.d.saveBaselines(Object.fromEntries(out.map((o) => [o.zone, o.baseline])));
    for (const z of zones) z.recalibrated();
    this.d.events.emit({
      kind: 'lines.calibrated',
      severity: 'info',
      sub: 'lines',
      message: `line baseline recorded for zone(s) ${ids.join(', ')}`,
      text: { key: 'ev.lines.calibrated', vars: { zones: ids.join(', ') } },
      details: { zones: out.map((o) => ({ zone: o.zone, ...o.baseline })) },
    });
    return out;
  }

  /**
   * Takes `n` rounds of readings of the zones, `sampleGapMs` apart, with the test tone on when
   * allowed; the tone goes off at once if a programme starts meanwhile.
   */
  private async sample(
    zones: LineZone[],
    n: number,
    useTone: boolean,
    each: (z: LineZone, r: Reading) => Promise<void>,
  ): Promise<Map<number, Reading[]>> {
    const s = this.d.settings();
    const out = new Map<number, Reading[]>(zones.map((z) => [z.id, []]));
    let tone = useTone && this.d.tone !== undefined;
    try {
      if (tone) {
        await this.d.tone?.set(true);
        await this.d.clock.sleep(s.toneSettleMs);
      }
      for (let k = 0; k < n && !this.stopped; k++) {
        if (tone && this.toneBlocked('command')) {
          tone = false;
          await this.d.tone?.set(false);
        }
        for (const z of zones) {
          const r = await readZone(z.sense, z.limits(), tone ? 'tone' : 'passive');
          out.get(z.id)?.push(r);
          await each(z, r);
        }
        if (k < n - 1 && s.sampleGapMs > 0) await this.d.clock.sleep(s.sampleGapMs);
      }
    } finally {
      if (tone) await this.d.tone?.set(false);
    }
    return out;
  }

  /** Keeps a history point per zone: every tone check, else one per historyEveryMs, and on change. */
  private record(zones: LineZone[], all: Map<number, Reading[]>, now: number, s: LinesSettings): void {
    const entries: HistoryEntry[] = [];
    for (const z of zones) {
      const rs = (all.get(z.id) ?? []).filter((r) => !r.sensorFault);
      const tone = rs.some((r) => r.method === 'tone');
      const changed = z.since > z.lastHistoryAt;
      if (!tone && !changed && now - z.lastHistoryAt < s.historyEveryMs) continue;
      z.lastHistoryAt = now;
      entries.push({
        zone: z.id,
        t: now,
        ohm: rs.length ? median(rs.map((r) => r.ohm)) : null,
        earthKohm: rs.length ? median(rs.map((r) => r.earthKohm)) : null,
        state: z.state,
        method: tone ? 'tone' : 'passive',
      });
    }
    this.d.history.add(entries);
  }
}
