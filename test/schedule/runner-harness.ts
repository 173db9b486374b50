/**
 * The runner alone on a ManualClock, for weeks of simulated time in milliseconds: a fake audio
 * engine (FakeOnAir), a small in-memory power chain with the PowerChain's narrow shape
 * (sequencing itself is tested in test/power), the real PowerLink, state document and play log.
 */
import { rmSync } from 'node:fs';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { ClockWake } from '../../src/core/wake.js';
import type { ChainState, Commanded } from '../../src/power/chain.js';
import { compile, type Plan } from '../../src/schedule/compile.js';
import { ItemLog } from '../../src/schedule/item-log.js';
import { PlayLog } from '../../src/schedule/play-log.js';
import { PowerLink } from '../../src/schedule/power-link.js';
import { Runner } from '../../src/schedule/runner.js';
import { defaultSettings, type ScheduleSettings } from '../../src/schedule/settings.js';
import type { MediaLookup } from '../../src/schedule/sources.js';
import { stateDoc } from '../../src/schedule/state.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { FakeOnAir } from '../helpers/fake-onair.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Raw, ZONES } from './fixtures.js';

/** An in-memory chain: comes up after `upMs`, records every change with its wall time. */
export class MemoryChain {
  state: ChainState = 'off';
  private want: Commanded = { on: false, zones: [] };
  readonly history: Array<{ at: number; what: string }> = [];
  constructor(
    private readonly clock: ManualClock,
    private readonly upMs = 3500,
  ) {}
  get commanded(): Commanded {
    return { on: this.want.on, zones: [...this.want.zones].sort((a, b) => a - b) };
  }
  async powerOn(): Promise<void> {
    this.want.on = true;
    if (this.state === 'on') return;
    this.state = 'powering-up';
    this.history.push({ at: this.clock.now(), what: 'up' });
    await this.clock.sleep(this.upMs);
    if (this.want.on && this.state === 'powering-up') {
      this.state = 'on';
      this.history.push({ at: this.clock.now(), what: 'on' });
    }
  }
  async powerOff(): Promise<void> {
    this.want.on = false;
    if (this.state !== 'off') this.history.push({ at: this.clock.now(), what: 'off' });
    this.state = 'off';
  }
  async setZone(id: number, on: boolean): Promise<void> {
    this.want.zones = on ? [...new Set([...this.want.zones, id])] : this.want.zones.filter((z) => z !== id);
  }
}

export interface RunnerHarness {
  clock: ManualClock;
  port: FakeOnAir;
  chain: MemoryChain;
  power: PowerLink;
  gate: { open: boolean };
  events: MemoryEvents;
  alarms: Alarms;
  runner: Runner;
  playLog: PlayLog;
  setPlan(raw: Raw): Promise<void>;
  cleanup(): Promise<void>;
}

export async function runnerHarness(
  o: {
    start?: number;
    raw?: Raw;
    settings?: Partial<ScheduleSettings>;
    lengths?: Record<string, number>;
    dir?: string;
    /** The media cache lookup (sha256 → path); none: paths are played as given. */
    media?: MediaLookup;
  } = {},
): Promise<RunnerHarness> {
  const clock = new ManualClock(o.start);
  const dir = o.dir ?? tempDir('loa-runner-');
  const events = new MemoryEvents();
  const alarms = new Alarms(events, () => clock.now());
  const port = new FakeOnAir(clock, o.lengths ?? {});
  const chain = new MemoryChain(clock);
  const power = new PowerLink(chain, ZONES);
  const gate = { open: true };
  const state = stateDoc(dir, clock);
  await state.load();
  // a fixed lead of 0 keeps start instants exact in assertions; 'auto' has its own test
  const settings = { ...defaultSettings(), tickMs: 60_000, startLeadMs: 0, ...o.settings };
  const playLog = new PlayLog(dir, settings.playLogMax, events);
  await playLog.load();
  const items = new ItemLog({
    clock,
    port,
    playLog,
    confirm: async (zones) => ({
      at: clock.now(),
      amplifier: chain.state === 'on',
      zones: Object.fromEntries(zones.map((z) => [z, chain.commanded.zones.includes(z)])),
    }),
    chainOn: () => chain.state === 'on',
    relayFeedbackMs: 500,
  });
  let plan: Plan | undefined = o.raw
    ? validateSchedule(o.raw, { zones: ZONES, now: clock.now() }).plan
    : undefined;
  const runner = new Runner({
    clock,
    wake: new ClockWake(clock),
    port,
    power,
    gate,
    alarms,
    events,
    items,
    state,
    plan: () => plan,
    settings,
    power_: { preRollMs: 4700, gapMs: settings.powerGapMs },
    media: o.media,
  });
  await runner.start();
  return {
    clock,
    port,
    chain,
    power,
    gate,
    events,
    alarms,
    runner,
    playLog,
    async setPlan(raw) {
      plan = validateSchedule(raw, { zones: ZONES, now: clock.now() }).plan;
      await runner.replan('test');
    },
    async cleanup() {
      await runner.stop();
      await state.flush();
      await playLog.flush();
      if (!o.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { compile };
