/**
 * The station's commands, independent of transport: StationService and the district session
 * both call these through the station's CommandGate, which also writes the one audit event
 * per command (security/audit.ts). Every command validates its input first and changes
 * nothing when it refuses.
 */
import { z } from 'zod';
import type { StationStatus, ZoneStatus } from '../api/status.js';
import type { Clock } from '../core/clock.js';
import { keyed } from '../core/errors.js';
import type { Alarms, StationEvent } from '../core/events.js';
import { isoLocal } from '../core/local-time.js';
import type { CommandRegistry } from '../core/registry.js';
import { invalidInput } from '../core/validate.js';
import type { Hal } from '../hal/hal.js';
import type { Profile } from '../hal/profile.js';
import { faultKey, parseFault } from '../hal/sim/index.js';
import type { SimStation } from '../hal/sim/model.js';
import type { StationModule } from '../module/module.js';
import type { AmpThermal } from '../power/amp-thermal.js';
import { blockText } from '../power/block-text.js';
import type { ChainState, PowerChain } from '../power/chain.js';
import type { Supervisor } from '../power/supervisor.js';
import type { Transmitter, TxReadings } from '../power/transmitter.js';
import type { Store } from '../store/store.js';

/** What the core commands read and drive of a started station (station.ts implements it). */
export interface StationView {
  readonly stationId: string;
  readonly profile: Profile;
  readonly clock: Clock;
  readonly startedAt: number;
  readonly hal: Hal;
  readonly chain: PowerChain;
  readonly tx: Transmitter;
  readonly supervisor: Supervisor;
  readonly ampThermal: AmpThermal | undefined;
  readonly alarms: Alarms;
  readonly store: Store;
  readonly sim: SimStation | undefined;
  readonly modules: readonly StationModule[];
  saveCommanded(): void;
  manualPower(on: boolean): void;
}

const eventsQuery = z.strictObject({
  limit: z.number().int().min(1).max(10_000).default(50),
  sinceSeq: z.number().int().min(0).optional(),
  sinceTs: z.number().int().min(0).optional(),
  kind: z.string().max(64).optional(),
  severity: z.enum(['info', 'warning', 'alarm']).optional(),
});

/** A sensor that cannot be read (its board is missing) must not make `status` fail: the
 * driver's health says why. */
function unreadable<T>(p: Promise<T>): Promise<T | undefined> {
  return p.catch(() => undefined);
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input ?? {}, { reportInput: true });
  if (!r.success) throw invalidInput(what, r.error.issues);
  return r.data;
}

export class StationControl {
  constructor(readonly station: StationView) {}

  async status(): Promise<StationStatus> {
    const s = this.station;
    const h = s.hal;
    const zones: ZoneStatus[] = [];
    for (const z of s.profile.zones)
      zones.push({
        id: z.id,
        name: z.name,
        commanded: s.chain.commanded.zones.includes(z.id),
        relay: h.output(z.relay).commanded,
        feedback: await unreadable(h.feedback(z.relay)),
      });
    const current = h.analog.get('amp.current_a');
    const sim = s.sim;
    return {
      stationId: s.stationId,
      profile: s.profile.name,
      uptimeS: Math.round((s.clock.now() - s.startedAt) / 1000),
      power: { state: s.chain.state, commandedOn: s.chain.commanded.on, blockedBy: s.chain.blockedBy },
      transmitter:
        s.tx.state === 'absent'
          ? undefined
          : { state: s.tx.state, trips: s.tx.tripCount, ...(await this.txReadings()) },
      amplifier: {
        on: h.output('amp.power').commanded,
        muted: h.output('amp.mute').commanded,
        feedback: await unreadable(h.feedback('amp.power')),
        currentA: current ? await unreadable(current.read()) : undefined,
        ...(await this.ampTemperature()),
      },
      mainsPresent: s.supervisor.mainsPresent,
      zones,
      timezone: this.tz,
      alarms: s.alarms.list().map((a) => ({ ...a, sinceTime: isoLocal(a.since, this.tz) })),
      drivers: h.health(),
      events: {
        lastSeq: s.store.events.lastSeq,
        retained: s.store.events.size,
        dropped: s.store.events.dropped,
      },
      sim: sim ? { faults: sim.activeFaults().map(faultKey) } : undefined,
      modules: await this.moduleStatus(),
    };
  }

  private async ampTemperature(): Promise<{ temperatureC?: number | undefined; overTemp?: boolean }> {
    const th = this.station.ampThermal;
    const sensor = this.station.hal.analog.get('amp.temperature_c');
    if (!th || !sensor) return {};
    return { temperatureC: await unreadable(sensor.read()), overTemp: th.overTemp };
  }

  async power(on: unknown): Promise<{ state: ChainState }> {
    if (typeof on !== 'boolean')
      throw keyed('INVALID_ARGUMENT', `on: allowed true or false (got ${JSON.stringify(on)})`, 'r.onOff', {
        got: JSON.stringify(on),
      });
    const s = this.station;
    if (on && s.chain.blockedBy)
      throw keyed('REFUSED', `power on refused: ${s.chain.blockedBy}`, 'r.powerBlocked', {
        why: blockText(s.chain.blockedBy),
      });
    const p = on ? s.chain.powerOn() : s.chain.powerOff();
    s.manualPower(on);
    s.saveCommanded();
    await p;
    return { state: s.chain.state };
  }

  async zone(id: unknown, on: unknown): Promise<{ zone: number; on: boolean }> {
    const s = this.station;
    const ids = s.profile.zones.map((z) => z.id);
    if (typeof id !== 'number' || !ids.includes(id))
      throw keyed(
        'INVALID_ARGUMENT',
        `zone: allowed ${ids.join(', ')} (got ${JSON.stringify(id)})`,
        'r.zone',
        {
          allowed: ids.join(', '),
          got: JSON.stringify(id) ?? '-',
        },
      );
    if (typeof on !== 'boolean')
      throw keyed('INVALID_ARGUMENT', `on: allowed true or false (got ${JSON.stringify(on)})`, 'r.onOff', {
        got: JSON.stringify(on) ?? '-',
      });
    await s.chain.setZone(id, on);
    s.saveCommanded();
    return { zone: id, on };
  }

  async resetLockout(): Promise<{ wasLockedOut: boolean }> {
    const was = await this.station.tx.resetLockout();
    return { wasLockedOut: was };
  }

  private get tz(): string {
    return this.station.store.config.data.timezone;
  }

  /** Each event with `time`: ISO 8601 in the station's zone, with its offset. */
  events(query: unknown): Array<StationEvent & { time: string }> {
    const q = parse(eventsQuery, query, 'events');
    return this.query(q).map((e) => ({ ...e, time: isoLocal(e.ts, this.tz) }));
  }

  private query(q: z.infer<typeof eventsQuery>): StationEvent[] {
    return this.station.store.events.query({
      limit: q.limit,
      ...(q.sinceSeq !== undefined ? { sinceSeq: q.sinceSeq } : {}),
      ...(q.sinceTs !== undefined ? { sinceTs: q.sinceTs } : {}),
      ...(q.kind ? { kinds: [q.kind] } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
    });
  }

  simFault(raw: unknown): { fault: string } {
    const sim = this.requireSim();
    const r = (raw ?? {}) as Record<string, unknown>;
    const f = parseFault(
      {
        name: String(r.name ?? ''),
        zone: typeof r.zone === 'number' ? r.zone : undefined,
        channel: typeof r.channel === 'string' ? r.channel : undefined,
        count: typeof r.count === 'number' ? r.count : undefined,
      },
      this.station.profile.zones.map((z) => z.id),
      Object.keys(this.station.profile.outputs),
    );
    sim.inject(f);
    return { fault: faultKey(f) };
  }

  simClear(raw: unknown): { cleared: string } {
    const sim = this.requireSim();
    const key = (raw as { key?: unknown } | undefined)?.key;
    if (key !== undefined && typeof key !== 'string')
      throw keyed('INVALID_ARGUMENT', 'key: a fault key such as "line-open:zone.2"', 'r.faultKey');
    const active = sim.activeFaults().map(faultKey).join(', ');
    if (key !== undefined && !sim.activeFaults().some((f) => faultKey(f) === key))
      throw keyed('NOT_FOUND', `no active fault "${key}"; active: ${active || 'none'}`, 'r.noFault', {
        key,
        active: active || { key: 'r.none' },
      });
    sim.clear(key);
    return { cleared: key ?? 'all' };
  }

  private async moduleStatus(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const m of this.station.modules) if (m.status) out[m.name] = await m.status();
    return out;
  }

  private requireSim() {
    const sim = this.station.sim;
    if (!sim)
      throw keyed(
        'REFUSED',
        `sim commands need a simulated station; profile ${this.station.profile.name} drives real hardware`,
        'r.notSim',
        { profile: this.station.profile.name },
      );
    return sim;
  }

  /** Live readings; where a sensor is unreadable (board missing), the guard's last ones. */
  private async txReadings(): Promise<TxReadings> {
    const h = this.station.hal;
    const last = this.station.tx.readings;
    return {
      forwardW: (await unreadable(h.analogIn('tx.forward_w').read())) ?? last.forwardW,
      reflectedW: (await unreadable(h.analogIn('tx.reflected_w').read())) ?? last.reflectedW,
      temperatureC: (await unreadable(h.analogIn('tx.temperature_c').read())) ?? last.temperatureC,
    };
  }
}

/** Registers the core commands; the station does this before any module starts. */
export function registerCoreCommands(api: Pick<CommandRegistry, 'register'>, c: StationControl): void {
  const p = (x: unknown) => (x ?? {}) as Record<string, unknown>;
  api.register('status', () => c.status());
  api.register('power', (x) => c.power(p(x).on));
  api.register('zone', (x) => c.zone(p(x).zone, p(x).on));
  api.register('resetLockout', () => c.resetLockout());
  api.register('events', (x) => c.events(x));
  api.register('simFault', (x) => c.simFault(x));
  api.register('simClear', (x) => c.simClear(x));
}
