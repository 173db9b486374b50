/**
 * A cluster station in-process (simulated plant, SystemClock) with its modem module on the
 * emulated modem's real pty; the simulated modem power relay powers the emulated modem (the
 * relay's NC contact: energised = power cut). For tests and the cluster bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../src/core/clock.js';
import type { StationEvent } from '../../src/core/events.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { modemSchema } from '../../src/hal/modem-profile.js';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import { ModemModule } from '../../src/modem/module.js';
import type { ModemStatus } from '../../src/modem/status.js';
import { Station } from '../../src/station/station.js';
import { ModemEmulator, type ModemEmulatorOptions } from './modem-emulator.js';

export async function until(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Rig {
  emu: ModemEmulator;
  station: Station;
  modem: ModemModule;
  events: StationEvent[];
  relay: boolean[];
  status(): ModemStatus;
  stop(): Promise<void>;
}

/** The cluster-sim profile with its modem on the emulator's pty and short test timings. */
function rigProfile(emu: ModemEmulator, netDir: string, recovery: Record<string, number>): Profile {
  const profile = loadProfile('cluster-sim');
  profile.modem = modemSchema.parse({
    source: 'at',
    port: emu.path,
    vendor: 'quectel',
    netDir,
    pollMs: 200,
    commandTimeoutMs: 1000,
    powerRelay: 'modem.power_cut',
    planMbPerMonth: 3000,
    thresholds: { weakForMs: 0, unregisteredForMs: 0 },
    recovery: {
      stallMs: 1500,
      reconnectWaitMs: 2000,
      resetWaitMs: 5000,
      powerOffMs: 300,
      powerCycleWaitMs: 8000,
      backoffMs: 600_000,
      ...recovery,
    },
  });
  return profile;
}

export async function rig(
  recovery: Record<string, number> = {},
  emuOptions: Partial<ModemEmulatorOptions> = {},
): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-cluster-'));
  const netDir = join(dir, 'net');
  const emu = await ModemEmulator.start({ dir, netDir, vendor: 'quectel', ...emuOptions });
  const profile = rigProfile(emu, netDir, recovery);
  const modem = new ModemModule({ dataDir: join(dir, 'data') });
  const station = new Station({
    profile,
    dataDir: join(dir, 'data'),
    stationId: 'cluster-1',
    clock: new SystemClock(),
    log: memoryLogger('cluster').log,
    drivers: await driverFactories(),
    modules: [modem],
  });
  await station.start();
  // the station registers the core commands and each module's methods as it starts
  const sim = station.sim;
  if (!sim) throw new Error('no sim');
  const events: StationEvent[] = [];
  station.store.events.onEvent((e) => events.push(e));
  // the relay's NC contact feeds the modem: energised (contact closed on our side) = power cut
  const relay: boolean[] = [];
  sim.onChange(() => {
    const cut = sim.contact('modem.power_cut');
    if ((relay.at(-1) ?? false) !== cut) relay.push(cut);
    void emu.power(!cut);
  });
  return {
    emu,
    station,
    modem,
    events,
    relay,
    status: () => modem.status() as ModemStatus,
    async stop() {
      await station.stop();
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
