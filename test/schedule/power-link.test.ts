import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { ModuleContext, StationModule } from '../../src/module/module.js';
import { POWER, POWER_HOLDER } from '../../src/power/ports.js';
import { PowerLink } from '../../src/schedule/power-link.js';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';
import { MemoryChain } from './runner-harness.js';

describe('power link: schedule and emergency share the chain', () => {
  it('powers down after use only when it powered up; a technician’s chain and zones come back', async () => {
    const clock = new ManualClock();
    const chain = new MemoryChain(clock, 100);
    const link = new PowerLink(chain, [1, 2, 3, 4]);
    await chain.setZone(4, true);
    await drive(clock, chain.powerOn()); // the technician's "power on", zone 4
    await link.setSchedule({ on: true, zones: [1, 2] });
    expect(chain.commanded).toEqual({ on: true, zones: [1, 2] });
    await link.setSchedule({ on: false, zones: [] });
    expect(chain.commanded).toEqual({ on: true, zones: [4] });
    expect(chain.state).toBe('on');
  });

  it('an emergency overrides the schedule’s zones and gives them back', async () => {
    const clock = new ManualClock();
    const chain = new MemoryChain(clock, 100);
    const link = new PowerLink(chain, [1, 2, 3, 4]);
    await link.setSchedule({ on: true, zones: [2] });
    const up = link.setEmergency({ on: true, zones: [1, 2, 3, 4] });
    await clock.advance(200);
    await up;
    expect(chain.commanded).toEqual({ on: true, zones: [1, 2, 3, 4] });
    await link.setEmergency(undefined);
    expect(chain.commanded).toEqual({ on: true, zones: [2] });
    await link.setSchedule({ on: false, zones: [] });
    expect(chain.state).toBe('off');
    expect(chain.commanded).toEqual({ on: false, zones: [] });
  });
});

/** Holds the chain the way the schedule module does, through the POWER_HOLDER port. */
class HoldingModule implements StationModule {
  readonly name = 'holder';
  readonly needs = [POWER];
  readonly provides = [POWER_HOLDER];
  link!: PowerLink;
  async start(ctx: ModuleContext): Promise<void> {
    this.link = new PowerLink(ctx.need(POWER).chain, [1, 2, 3, 4]);
    ctx.provide(POWER_HOLDER, this.link);
  }
  async stop(): Promise<void> {}
}

describe('power link: what is persisted while the schedule holds the chain', () => {
  let h: SimHarness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  it('a zone command mid-programme persists the pre-programme state, so a crash restarts the chain off', async () => {
    const holder = new HoldingModule();
    h = await startSimStation({ modules: [holder] });
    const s = h.station;
    const link = holder.link;
    const control = s.control;
    await link.setSchedule({ on: true, zones: [1, 2] });
    await drive(h.clock, control.zone(3, true));
    expect(s.chain.commanded).toEqual({ on: true, zones: [1, 2, 3] });
    expect(s.store.state.data.power).toEqual({ on: false, zones: [] });
    await link.setSchedule({ on: false, zones: [] });
    await drive(h.clock, h.clock.sleep(10_000));
    expect(s.chain.state).toBe('off');
  });

  it('a technician’s explicit power on mid-programme is kept after it and persisted', async () => {
    const holder = new HoldingModule();
    h = await startSimStation({ modules: [holder] });
    const s = h.station;
    const link = holder.link;
    const control = s.control;
    await link.setSchedule({ on: true, zones: [2] });
    await drive(h.clock, control.power(true));
    expect(s.store.state.data.power).toEqual({ on: true, zones: [] });
    await link.setSchedule({ on: false, zones: [] });
    await drive(h.clock, h.clock.sleep(10_000));
    expect(s.chain.state).toBe('on');
  });
});
