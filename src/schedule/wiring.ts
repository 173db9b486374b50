/**
 * Builds the schedule's moving parts on a started station and connects them: the clock gate
 * re-plans the runner when it opens or closes, the emergency button starts (or, pressed
 * again, stops) an emergency, the play log follows both.
 */
import type { OnAirPort } from '../audio/port.js';
import type { Clock } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { WakeTimer } from '../core/wake.js';
import type { Hal } from '../hal/hal.js';
import type { Profile } from '../hal/profile.js';
import type { PowerChain } from '../power/chain.js';
import type { JsonDoc } from '../store/doc.js';
import { ClockGate, type ClockProbe } from './clock-gate.js';
import type { Plan } from './compile.js';
import { Emergency } from './emergency.js';
import { ItemLog } from './item-log.js';
import type { Confirmation, PlayLog } from './play-log.js';
import type { PowerLink } from './power-link.js';
import { Runner } from './runner.js';
import type { ScheduleSettings } from './settings.js';
import type { MediaLookup, TextRender } from './sources.js';
import type { ScheduleState } from './state.js';

/** What of the station the schedule reads and drives. */
export interface WiringStation {
  clock: Clock;
  profile: Profile;
  alarms: Alarms;
  events: EventSink;
  hal: Hal;
  chain: PowerChain;
}

export interface WiringDeps {
  station: WiringStation;
  port: OnAirPort;
  playLog: PlayLog;
  attentionPath: string;
  settings: ScheduleSettings;
  state: JsonDoc<ScheduleState>;
  plan: () => Plan | undefined;
  media: MediaLookup | undefined;
  speak?: TextRender;
  probe: ClockProbe;
  wake: WakeTimer;
  power: PowerLink;
  preRollMs: number;
}

export const BUTTON_INPUT = 'button.emergency';
/** A second press within this time of the first is contact bounce or a double press, not "stop". */
const BUTTON_STOP_HOLDOFF_MS = 2000;

export class ScheduleWiring {
  readonly gate: ClockGate;
  readonly runner: Runner;
  readonly emergency: Emergency;
  readonly items: ItemLog;
  readonly playLog: PlayLog;
  private unwatch: (() => void) | undefined;
  private buttonAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly d: WiringDeps) {
    const s = d.station;
    const clock = s.clock;
    this.playLog = d.playLog;
    this.items = new ItemLog({
      clock,
      port: d.port,
      playLog: d.playLog,
      confirm: (zones) => this.confirm(zones),
      chainOn: () => s.chain.state === 'on',
      relayFeedbackMs: s.profile.timings.relayFeedbackMs,
    });
    this.gate = new ClockGate({
      clock,
      probe: d.probe,
      alarms: s.alarms,
      events: s.events,
      settings: d.settings.clock,
      onChange: () => void this.runner.replan('clock gate'),
    });
    this.runner = new Runner({
      clock,
      wake: d.wake,
      port: d.port,
      power: d.power,
      gate: this.gate,
      alarms: s.alarms,
      events: s.events,
      items: this.items,
      state: d.state,
      plan: d.plan,
      settings: d.settings,
      power_: { preRollMs: d.preRollMs, gapMs: d.settings.powerGapMs },
      media: d.media,
      speak: d.speak,
    });
    this.emergency = new Emergency({
      clock,
      port: d.port,
      power: d.power,
      items: this.items,
      events: s.events,
      attentionPath: d.attentionPath,
    });
  }

  async start(): Promise<void> {
    await this.gate.start();
    await this.runner.start();
    const button = this.d.station.hal.inputs.get(BUTTON_INPUT);
    this.unwatch = button?.watch?.((pressed) => {
      if (pressed) this.pressed();
    });
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    this.gate.stop();
    if (this.emergency.active) await this.emergency.stop().catch(() => undefined);
    await this.runner.stop();
    await this.playLog.flush();
  }

  /** The physical button: press to start; press again (after the hold-off) to stop. */
  private pressed(): void {
    const now = this.d.station.clock.monotonic();
    if (this.emergency.active) {
      if (now - this.buttonAt >= BUTTON_STOP_HOLDOFF_MS) void this.emergency.stop().catch(() => undefined);
      return;
    }
    this.buttonAt = now;
    const b = this.d.settings.button;
    const zones = this.d.station.profile.zones.map((z) => z.id).sort((x, y) => x - y);
    const message =
      b.message === null
        ? null
        : /^[a-z]+:\/\//.test(b.message)
          ? { kind: 'stream' as const, url: b.message }
          : { kind: 'file' as const, path: b.message };
    this.emergency.start({ message, zones, repeat: b.repeat, everyS: b.everyS, origin: 'button' });
  }

  private async confirm(zones: number[]): Promise<Confirmation> {
    const s = this.d.station;
    const out: Confirmation = {
      at: s.clock.now(),
      amplifier: await s.hal.feedback('amp.power'),
      zones: {},
    };
    for (const z of s.profile.zones)
      if (zones.includes(z.id)) out.zones[z.id] = await s.hal.feedback(z.relay);
    return out;
  }
}
