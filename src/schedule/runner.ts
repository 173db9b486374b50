/**
 * The schedule runner. Decisions stay in the pure planner; the runner wakes at the planner's
 * next change (node-schedule in production, the Clock in tests), asks "what should be on air
 * now", and makes it so: the programme slot of the audio engine and the power chain. A clock
 * that jumps (checked every tick) or a late wake-up just gets a fresh answer — a finished item
 * is never replayed (its key is kept as done), a window the clock jumped into starts late from
 * its current offset, and nothing missed is fired afterwards.
 */
import type { OnAirPort, Slot } from '../audio/port.js';
import type { Clock, Timer } from '../core/clock.js';
import { toLoaError } from '../core/errors.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import type { JsonDoc } from '../store/doc.js';
import type { Plan, Rule } from './compile.js';
import type { ItemLog } from './item-log.js';
import { nextChange, type Occurrence, onAirAt } from './plan.js';
import type { PowerLink } from './power-link.js';
import { nextPowerChange, type PowerOptions, powerWindowAt, zonesFor } from './power-plan.js';
import { PreRollGuard } from './pre-roll-guard.js';
import type { ScheduleSettings } from './settings.js';
import { type MediaLookup, playable, type TextRender } from './sources.js';
import type { ScheduleState } from './state.js';
import { DAY_MS } from './zoned-time.js';

export const STALE_ALARM = 'schedule.stale';
/** A programme that cannot play in its window: the fallback chain is on air instead (or nothing). */
export const UNPLAYABLE_ALARM = 'schedule.unplayable';
/** A wall clock moving more than this against the monotonic one is a jump (NTP step, RTC-less boot). */
const JUMP_MS = 2000;
/** Done keys are kept this long after their end, to survive a clock stepped back by days. */
const DONE_KEEP_MS = 3 * DAY_MS;

export interface RunnerDeps {
  clock: Clock;
  wake: { at(epochMs: number, fn: () => void): Timer };
  port: OnAirPort;
  power: PowerLink;
  gate: { readonly open: boolean };
  alarms: Alarms;
  events: EventSink;
  items: ItemLog;
  state: JsonDoc<ScheduleState>;
  plan: () => Plan | undefined;
  settings: ScheduleSettings;
  power_: PowerOptions;
  media: MediaLookup | undefined;
  speak?: TextRender | undefined;
}

interface Current {
  occ: Occurrence;
  /** The request id given to the engine (and the play-log id): one per start or resume. */
  reqId: string;
  /** Why the programme itself cannot play: the fallback chain stands in for it. */
  replaced?: string;
  /** Try the programme again each tick (its media may arrive during the window). */
  retry?: boolean;
}

export class Runner {
  private current: Current | undefined;
  private wakeTimer: Timer | undefined;
  private tickTimer: Timer | undefined;
  private drift = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly requested = new Map<string, number>();
  private readonly startDelays = new StartDelays();
  private readonly preRoll: PreRollGuard;
  nextWakeAt: number | undefined;

  constructor(private readonly d: RunnerDeps) {
    this.preRoll = new PreRollGuard({
      alarms: d.alarms,
      media: d.media,
      alarmKey: UNPLAYABLE_ALARM,
      fallbackReady: () => this.fallbackReady(),
    });
  }

  start(): Promise<void> {
    const { clock, port } = this.d;
    this.drift = clock.now() - clock.monotonic();
    this.unsubscribe.push(port.onEnded((slot, id, reason) => this.ended(slot, id, reason)));
    this.unsubscribe.push(port.onFirstAudio((slot, id, _at, ready) => this.firstAudio(slot, id, ready)));
    this.tickTimer = clock.setInterval(() => this.tick(), this.d.settings.tickMs);
    return this.replan('start');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.tickTimer?.cancel();
    this.wakeTimer?.cancel();
    for (const u of this.unsubscribe) u();
    await this.running;
    if (this.current) this.d.items.close(this.current.reqId, 'station stopped');
  }

  get onAirItem(): Occurrence | undefined {
    return this.current?.occ;
  }

  /** Re-plans from now; calls arriving while one runs coalesce into one more pass. */
  replan(reason: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.reconcile(reason).catch((e) => this.failed('replan', e));
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async reconcile(reason: string): Promise<void> {
    const now = this.d.clock.now();
    this.pruneDone(now);
    const plan = this.usablePlan(now);
    const t = now + this.lead();
    const air = plan ? onAirAt(plan, t, new Set(Object.keys(this.d.state.data.done))) : undefined;
    let want = air?.item;
    // unsynchronised clock: nothing new starts; what already plays carries on in its window
    if (!this.d.gate.open) want = want && want.key === this.current?.occ.key ? want : undefined;
    await this.switchTo(want, t, reason);
    await this.applyPower(plan, now);
    this.arm(plan, now);
  }

  private usablePlan(now: number): Plan | undefined {
    const plan = this.d.plan();
    const stale = plan !== undefined && now >= plan.validUntilMs;
    if (stale)
      this.d.alarms.raise(
        STALE_ALARM,
        'schedule',
        `schedule version ${plan.version} is past its valid_until; ${this.d.settings.staleAction === 'stop' ? 'scheduled items stopped' : 'still playing it'} until a new one is applied`,
        { version: plan.version, validUntil: plan.validUntilMs },
      );
    else this.d.alarms.clear(STALE_ALARM, 'schedule is current');
    return stale && this.d.settings.staleAction === 'stop' ? undefined : plan;
  }

  /** `now` is the planning instant: the wall clock plus the start lead. */
  private async switchTo(want: Occurrence | undefined, now: number, reason: string): Promise<void> {
    const cur = this.current;
    if (cur && want && cur.occ.key === want.key && sameSpec(cur.occ.rule, want.rule)) {
      cur.occ = want;
      if (!cur.replaced || !cur.retry || !(await this.playableNow(want, now))) return;
      // its media arrived during the window: the programme takes over at its wall-clock position
      this.current = undefined;
      this.d.items.close(cur.reqId, 'programme media arrived');
      this.d.alarms.clear(UNPLAYABLE_ALARM, `${want.rule.title}: its media arrived, now playing`);
      await this.begin(want, now);
      return;
    }
    if (cur) {
      this.current = undefined;
      if (cur.replaced) this.d.alarms.clear(UNPLAYABLE_ALARM, `${cur.occ.rule.title}: window over`);
      const why =
        now >= cur.occ.end ? 'window ended' : want ? `pre-empted by ${want.rule.id}` : `stopped (${reason})`;
      if (now >= cur.occ.end) this.markDone(cur.occ);
      this.d.items.close(cur.reqId, why);
      if (!want) await this.d.port.stop('programme', cur.reqId).catch((e) => this.failed('stop', e));
    }
    if (want) await this.begin(want, now);
  }

  private async begin(occ: Occurrence, now: number): Promise<void> {
    // asked ahead of its instant (the lead): from its beginning, held to the instant
    const ahead = occ.start > this.d.clock.now();
    const offsetMs = ahead ? 0 : Math.max(0, now - occ.start);
    const reqId = `${occ.key}#${now}`;
    this.requested.set(reqId, this.d.clock.monotonic());
    let full: Awaited<ReturnType<typeof playable>>;
    try {
      full = await playable(occ.rule.source, offsetMs, this.d.media, this.d.speak);
    } catch (e) {
      this.replace(occ, `${reqId}#fallback`, toLoaError(e).message, true, toLoaError(e).text);
      return;
    }
    const { speech, ...p } = full;
    try {
      this.current = { occ, reqId };
      this.d.items.expect(reqId, occ, speech);
      const startAt = ahead ? this.holdUntil(occ.start) : undefined;
      // a scheduled item runs on wall-clock time under an emergency (docs/schedule.md)
      await this.d.port.play('programme', {
        id: reqId,
        ...p,
        volume: occ.rule.volume,
        startAt,
        wallClock: true,
      });
      this.d.events.emit({
        kind: 'schedule.start',
        severity: 'info',
        sub: 'schedule',
        message: `${occ.rule.title} started${offsetMs >= 1000 ? ` ${Math.round(offsetMs / 1000)} s into its window` : ''}`,
        text: {
          key: offsetMs >= 1000 ? 'ev.schedule.start.late' : 'ev.schedule.start',
          vars: { title: occ.rule.title, s: Math.round(offsetMs / 1000) },
        },
        details: { id: occ.rule.id, key: occ.key, reqId, offsetMs, zones: occ.rule.zones },
      });
    } catch (e) {
      if (this.current?.reqId === reqId) this.current = undefined;
      this.failed(`start ${occ.rule.id}`, e, occ);
      this.replace(occ, `${reqId}#fallback`, toLoaError(e).message, false, toLoaError(e).text);
    }
  }

  private playableNow(occ: Occurrence, now: number): Promise<boolean> {
    return playable(occ.rule.source, Math.max(0, now - occ.start), this.d.media).then(
      () => true,
      () => false,
    );
  }

  /**
   * The programme cannot play in its window: never silence on a keyed transmitter. The
   * station's fallback playlist (its own slot, below the programme) is heard instead, and the
   * play log says so; with no fallback either, the chain stays down for the window (applyPower).
   */
  private replace(occ: Occurrence, reqId: string, why: string, retry: boolean, whyText?: Text): void {
    this.current = { occ, reqId, replaced: why, retry };
    const fallback = this.fallbackReady();
    const what = fallback
      ? 'the fallback playlist is on air instead'
      : 'no fallback playlist either: amplifiers and transmitter stay off for its window';
    this.d.alarms.raise(
      UNPLAYABLE_ALARM,
      'schedule',
      `programme "${occ.rule.title}" cannot play (${why}): ${what}`,
      { id: occ.rule.id, key: occ.key, start: occ.start, end: occ.end, why, fallback },
    );
    this.d.items.expect(reqId, occ);
    if (fallback) this.d.items.replaced(reqId, why, whyText);
  }

  private fallbackReady(): boolean {
    return this.d.port.holds?.('fallback') ?? false;
  }

  private async applyPower(plan: Plan | undefined, now: number): Promise<void> {
    const win = plan && this.d.gate.open ? powerWindowAt(plan, now, this.d.power_) : undefined;
    const item = this.current?.occ;
    const zones = item ? item.rule.zones : win ? zonesFor(win, now, undefined) : [];
    // a replaced programme with nothing to stand in for it: no keyed transmitter sending silence,
    // neither in its window nor in the pre-roll before it when its media is known missing
    const replaced = this.current?.replaced !== undefined;
    const darkAhead = await this.preRoll.dark(win, now, item !== undefined, replaced);
    const dark = darkAhead || (replaced && !this.fallbackReady());
    await this.d.power.setSchedule({ on: !dark && (item !== undefined || win !== undefined), zones });
  }

  private arm(plan: Plan | undefined, now: number): void {
    this.wakeTimer?.cancel();
    if (this.stopped) return;
    const lead = this.lead();
    const next = plan ? nextChange(plan, now + lead) : undefined;
    const candidates = [
      next !== undefined ? next - lead : undefined,
      plan ? nextPowerChange(plan, now, this.d.power_) : undefined,
      plan && plan.validUntilMs > now ? plan.validUntilMs : undefined,
      now + DAY_MS, // re-check at least daily
    ].filter((x): x is number => x !== undefined && x > now);
    const at = Math.min(...candidates);
    this.nextWakeAt = at;
    this.wakeTimer = this.d.wake.at(at, () => void this.replan('timer'));
  }

  private tick(): void {
    const { clock } = this.d;
    const drift = clock.now() - clock.monotonic();
    if (Math.abs(drift - this.drift) > JUMP_MS) {
      this.d.events.emit({
        kind: 'clock.jump',
        severity: 'warning',
        sub: 'schedule',
        message: `wall clock moved ${Math.round((drift - this.drift) / 1000)} s; schedule re-planned from now`,
        text: { key: 'ev.clock.jump', vars: { s: Math.round((drift - this.drift) / 1000) } },
        details: { deltaMs: drift - this.drift },
      });
      this.drift = drift;
      void this.replan('clock jump');
    }
    if (this.current) this.d.items.sample(this.current.reqId);
    if (this.current?.retry || this.preRoll.holding) void this.replan('programme media check');
  }

  private firstAudio(slot: Slot, id: string, readyMs?: number): void {
    if (slot !== 'programme' || this.current?.reqId !== id) return;
    this.d.items.started(id);
    const asked = this.requested.get(id);
    // a held start was ready before it was heard: the decoder's start-up is until then
    if (asked !== undefined) this.startDelays.record((readyMs ?? this.d.clock.monotonic()) - asked);
    this.requested.clear();
  }

  /**
   * A start asked for ahead of its instant is held in the engine until it would be heard on
   * time (the instant less the output latency), on the engine's monotonic clock: the lead only
   * has to cover the decoder's start-up, and an early start is never early.
   */
  private holdUntil(start: number): number | undefined {
    const { clock, settings } = this.d;
    const wait = start - clock.now() - settings.outputLatencyMs;
    return wait > 0 ? clock.monotonic() + wait : undefined;
  }

  /** How long before an instant the engine is asked to start, so the audio is heard on time. */
  lead(): number {
    const s = this.d.settings;
    if (s.startLeadMs !== 'auto') return s.startLeadMs;
    return Math.min(5000, Math.round(this.startDelays.typical() + s.outputLatencyMs));
  }

  private ended(slot: Slot, id: string, reason: string): void {
    const cur = this.current;
    if (slot !== 'programme' || cur?.reqId !== id) return;
    this.current = undefined;
    this.d.items.close(id, reason === 'stopped' ? 'stopped by operator' : reason);
    const now = this.d.clock.now();
    if (reason === 'failed' && now < cur.occ.end) {
      // the rest of its window goes to the fallback chain, not to silence
      this.failed(`play ${cur.occ.rule.id}`, new Error('the audio engine gave up on it'), cur.occ);
      this.replace(cur.occ, `${id}#fallback`, 'the audio engine gave up on it', false);
    } else this.markDone(cur.occ);
    void this.replan(`item ${reason}`);
  }

  private markDone(occ: Occurrence): void {
    this.d.state.update((s) => {
      s.done[occ.key] = occ.end;
    });
  }

  private pruneDone(now: number): void {
    const old = Object.entries(this.d.state.data.done).filter(([, end]) => end < now - DONE_KEEP_MS);
    if (old.length)
      this.d.state.update((s) => {
        for (const [k] of old) delete s.done[k];
      });
  }

  private failed(what: string, e: unknown, occ?: Occurrence): void {
    const err = toLoaError(e);
    this.d.events.emit({
      kind: 'schedule.failed',
      severity: 'alarm',
      sub: 'schedule',
      message: `${what}: ${err.message}`,
      text: err.text ? { key: 'ev.schedule.failed', vars: { why: err.text } } : undefined,
      details: { code: err.code, ...(occ ? { id: occ.rule.id, key: occ.key } : {}) },
    });
  }
}

/** Recent request → first-audio delays of the engine (decoder start, pre-roll), ms. */
class StartDelays {
  /**
   * Before any start has been seen: an ffmpeg file decoder plus the engine's file pre-roll,
   * generously (120–400 ms measured on the loaded 2-core machine): starts are held, so early
   * costs nothing, while late is late.
   */
  private static readonly GUESS_MS = 1000;
  private readonly samples: number[] = [];
  record(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > 15) this.samples.shift();
  }
  /**
   * The longest of the last 15: starts are held to their instant, so asking early costs
   * nothing there, while asking late makes them late (on the loaded 2-core machine decoder
   * start-ups spread from 120 to 600 ms; with the second longest, 4 of 20 starts were still
   * 58–178 ms late). The price: a window with nothing after it is stopped this much before its
   * end (a file that ends by itself is not cut).
   */
  typical(): number {
    return this.samples.length ? Math.max(...this.samples) : StartDelays.GUESS_MS;
  }
}

function sameSpec(a: Rule, b: Rule): boolean {
  return JSON.stringify([a.source, a.volume, a.zones]) === JSON.stringify([b.source, b.volume, b.zones]);
}
