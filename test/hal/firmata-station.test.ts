/**
 * The power chain and interlocks on the firmata driver, end to end through the real protocol and
 * the real LoaFirmata firmware on simavr: antenna-open on the board trips the transmitter; a host that dies (kill -9) or hangs
 * (SIGSTOP) stops its heartbeats and the board drops its relays; an unplugged board leaves
 * the daemon up and reporting, and it comes back by itself.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLocal } from '../../src/api/local-client.js';
import type { StationStatus } from '../../src/api/status.js';
import { SystemClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { Station } from '../../src/station/station.js';
import { AvrBoard } from '../helpers/avr-board.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { hwProfile, wireFirmataOnly, writeProfile } from '../helpers/hw-profiles.js';
import { tempDir } from '../helpers/sim-station.js';

const RELAYS = [22, 23, 24, 25, 26, 27, 28]; // firmata-only: tx, amp, mute, zones 1–4
let dir: string;
let emu: AvrBoard;
let station: Station | undefined;
let daemon: Daemon | undefined;

beforeEach(async () => {
  dir = tempDir('loa-fstation-');
  emu = await AvrBoard.start({ dir });
  wireFirmataOnly(emu);
  emu.setAnalog(2, 60); // ~29 °C
});

afterEach(async () => {
  await station?.stop();
  station = undefined;
  if (daemon?.proc.signalCode === 'SIGSTOP' || daemon?.proc.exitCode === null) daemon?.proc.kill('SIGCONT');
  await daemon?.stop('SIGKILL');
  daemon = undefined;
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function startDaemonOnBoard(): Promise<Daemon> {
  const data = join(dir, 'data');
  mkdirSync(data);
  const profile = writeProfile(dir, hwProfile('firmata-only', emu.path));
  // relays and the board are under test, not the sound card (the box has none here)
  daemon = await startDaemon([
    '--profile',
    profile,
    '--data-dir',
    data,
    '--station-id',
    'hw-e2e',
    '--allow-silent-output',
  ]);
  return daemon;
}

describe('station on the firmata driver', () => {
  it('trips the transmitter when the board reports an open antenna', async () => {
    const { log } = memoryLogger('e2e');
    const profile = hwProfile('firmata-only', emu.path);
    const clock = new SystemClock();
    station = new Station({
      profile,
      dataDir: dir,
      stationId: 'e2e',
      clock,
      log,
      drivers: await driverFactories(),
    });
    await station.start();
    const s = station;
    await s.chain.powerOn();
    expect(s.tx.state).toBe('on');
    await pollUntil(async () => emu.level(22) === 0); // transmitter relay energised (low-level trigger)
    emu.setAnalog(1, 1023); // antenna open: reflected power 1023 × 0.0244 ≈ 25 W > 5 W
    await pollUntil(async () => s.tx.state === 'tripped');
    // the write reaches the board over the serial line: poll for it rather than race it
    await pollUntil(async () => emu.level(22) === 1); // dropped through the real protocol
    const trip = s.store.events.query({ limit: 10, kinds: ['tx.trip'] })[0];
    expect(trip?.message).toMatch(/reflected power 2\d\.\d W over 5 W/);
    expect(s.chain.state).toBe('on'); // only the transmitter trips; the rest stays up
    expect(emu.level(23)).toBe(0);
  });

  it('kill -9 of the host: heartbeats stop and the board drops every relay by itself', async () => {
    const d = await startDaemonOnBoard();
    await callLocal(d.socket, 'power', { on: true });
    await pollUntil(async () => emu.level(22) === 0 && emu.level(23) === 0);
    const tripsBefore = emu.trips;
    d.proc.kill('SIGKILL');
    await pollUntil(async () => RELAYS.every((p) => emu.level(p) === 1));
    // the firmware drops the pins first, then reports the trip over its UART at the byte time
    // (one simulated serial line): poll for the report rather than race it
    await pollUntil(async () => emu.trips !== tripsBefore);
    expect(emu.trips).toBe(tripsBefore + 1);
  });

  it('a hung host (SIGSTOP) loses its relays; once it runs again it restores them', async () => {
    const d = await startDaemonOnBoard();
    await callLocal(d.socket, 'power', { on: true });
    await pollUntil(async () => emu.level(22) === 0);
    // a host starved on a loaded machine may already have tripped the board once: count from here
    const tripsBefore = emu.trips;
    d.proc.kill('SIGSTOP');
    await pollUntil(async () => emu.trips > tripsBefore && emu.level(22) === 1);
    d.proc.kill('SIGCONT');
    await pollUntil(async () => emu.level(22) === 0 && emu.level(23) === 0);
    await d.waitFor(/dropped its relays: host heartbeats stopped/);
  });

  it('an unplugged board: the daemon stays up, reports it, and reconnects when it returns', async () => {
    const d = await startDaemonOnBoard();
    await callLocal(d.socket, 'power', { on: true });
    await pollUntil(async () => emu.level(22) === 0);
    await emu.unplug();
    const missing = await pollUntil(async () => {
      const s = (await callLocal(d.socket, 'status')) as StationStatus;
      return s.drivers[0]?.ok === false && s;
    });
    expect(missing.drivers[0]?.detail).toMatch(/board MISSING on .*Mega_2560_simavr/);
    const text = await d.ctl('status');
    expect(text.code).toBe(0);
    await emu.replug();
    wireFirmataOnly(emu);
    await pollUntil(
      async () => ((await callLocal(d.socket, 'status')) as StationStatus).drivers[0]?.ok,
      15_000,
    );
    await pollUntil(async () => emu.level(22) === 0 && emu.level(23) === 0); // commanded state restored
    expect(d.proc.exitCode).toBeNull();
  });
});
