/**
 * The station module "modem": the 4G modem supervised (docs/cluster.md). Polls the modem
 * (ModemManager or the AT port, as the profile says) and the interface's byte counters every
 * pollMs; raises the modem alarms; counts the SIM's data per day and month; runs the hung-modem
 * ladder; keeps a bounded history; and reports signal, data use and stream health in its
 * status section, which the uplink sends to the district past its deadbands. Off when the
 * profile has no `modem` section.
 */

import type { Clock, Timer } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { Handler } from '../core/registry.js';
import type { ModemProfile } from '../hal/modem-profile.js';
import { HAL } from '../hal/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { AtModemSource } from './at-source.js';
import { registerModemMetrics } from './metrics.js';
import { MmcliModemSource } from './mmcli-source.js';
import { RecoveryLadder } from './recovery.js';
import { type ModemStatus, modemStatus, type Sample } from './status.js';
import { StreamHealth } from './stream-health.js';
import { ModemAlarms } from './thresholds.js';
import type { ModemReading, ModemSource } from './types.js';
import { DataUsage, readCounters } from './usage.js';

export interface ModemModuleOptions {
  dataDir: string;
  /** The mmcli executable (tests put a fake one on PATH instead). */
  mmcli?: string;
}

interface Running {
  m: ModemProfile;
  clock: Clock;
  source: ModemSource;
  usage: DataUsage;
  alarms: ModemAlarms;
  ladder: RecoveryLadder;
  stream: StreamHealth;
  history: Sample[];
  last: ModemReading | undefined;
  lastError: string | undefined;
  timer?: Timer;
  stops: (() => void)[];
}

export class ModemModule implements StationModule {
  readonly name = 'modem';
  readonly needs = [HAL];
  private r: Running | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly o: ModemModuleOptions) {}

  async start(ctx: ModuleContext): Promise<void> {
    const m = ctx.profile.modem;
    if (!m) return;
    const clock = ctx.clock;
    const source: ModemSource =
      m.source === 'at' ? new AtModemSource(m, clock) : new MmcliModemSource(m, this.o.mmcli);
    const usage = new DataUsage(this.o.dataDir, clock);
    await usage.load();
    const relay = m.powerRelay ? ctx.need(HAL).output(m.powerRelay) : undefined;
    const ladder = new RecoveryLadder(m.recovery, clock, ctx.store.events, ctx.alarms, {
      reconnect: () => source.reconnect(),
      reset: () => source.reset(),
      powerCycle: relay
        ? async (offMs) => {
            await relay.set(true); // energised: the NC contact opens, the modem loses power
            await clock.sleep(offMs);
            await relay.set(false);
          }
        : undefined,
    });
    const stream = new StreamHealth(clock);
    const r: Running = {
      m,
      clock,
      source,
      usage,
      alarms: new ModemAlarms(m.thresholds, ctx.alarms, clock, m.planMbPerMonth),
      ladder,
      stream,
      history: [],
      last: undefined,
      lastError: undefined,
      stops: [ctx.store.events.onEvent((e) => stream.onEvent(e))],
    };
    this.r = r;
    r.timer = clock.setInterval(() => void this.poll(), m.pollMs);
    void this.poll();
  }

  async stop(): Promise<void> {
    const r = this.r;
    if (!r) return;
    this.r = undefined;
    r.timer?.cancel();
    for (const s of r.stops) s();
    await this.polling?.catch(() => undefined);
    await r.source.close().catch(() => undefined);
    await r.usage.flush();
  }

  methods(): Record<string, Handler> {
    return {
      'modem.status': () => this.status() ?? { enabled: false },
      'modem.history': (p) => this.history(p),
    };
  }

  registerMetrics(registry: import('prom-client').Registry) {
    return registerModemMetrics(registry, () => this.status());
  }

  status(): ModemStatus | undefined {
    const r = this.r;
    if (!r) return undefined;
    return modemStatus({
      source: r.source.kind,
      reading: r.last,
      lastError: r.lastError,
      usage: r.usage,
      planMb: r.m.planMbPerMonth,
      ladder: r.ladder.status(),
      stream: r.stream.status(),
    });
  }

  /** One poll at a time; resolves when the poll in progress (if any) is done (tests, bench). */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    const r = this.r;
    if (!r) return;
    const counters = await readCounters(r.m.netDir, r.m.interface);
    if (counters) r.usage.count(counters);
    r.alarms.budget(r.usage.monthMb);
    let reading: ModemReading | undefined;
    try {
      reading = await r.source.read();
      r.last = reading;
      r.lastError = undefined;
      r.alarms.reading(reading);
    } catch (e) {
      r.last = undefined;
      r.lastError = toLoaError(e).message;
      r.alarms.missing(r.lastError);
    }
    this.record(r, reading);
    await r.ladder.observe({
      present: reading !== undefined,
      claimsConnected: reading?.connected === true,
      rxBytes: counters?.rx,
    });
  }

  private record(r: Running, reading: ModemReading | undefined): void {
    r.history.push({
      at: r.clock.now(),
      present: reading !== undefined,
      registration: reading?.registration ?? null,
      connected: reading?.connected ?? false,
      ...(reading?.signal ?? { rssiDbm: null, rsrpDbm: null, rsrqDb: null, sinrDb: null }),
    });
    if (r.history.length > r.m.historySize) r.history.splice(0, r.history.length - r.m.historySize);
  }

  private history(params: unknown): Sample[] {
    const r = this.r;
    if (!r) throw new LoaError('UNIMPLEMENTED', 'this station has no modem section in its profile');
    const limit = (params as { limit?: unknown } | undefined)?.limit ?? 60;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > r.m.historySize)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `limit: a whole number 1..${r.m.historySize} (got ${JSON.stringify(limit)})`,
      );
    return r.history.slice(-limit);
  }
}
