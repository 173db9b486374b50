/**
 * The same line faults, read through the real Firmata protocol: a station on the firmata-only
 * profile talks to the real LoaFirmata firmware on simavr over a pseudo-terminal; the board's analogue inputs
 * carry what a sense board would put on A4–A15 (per zone: line voltage, line current, earth).
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { LinesModule } from '../../src/lines/module.js';
import { Station } from '../../src/station/station.js';
import { AvrBoard } from '../helpers/avr-board.js';
import { pollUntil } from '../helpers/daemon.js';
import { hwProfile, wireFirmataOnly } from '../helpers/hw-profiles.js';
import { tempDir } from '../helpers/sim-station.js';

/** firmata-only: zone n senses voltage on A(1+3n), current on A(2+3n), earth on A(3+3n). */
const ch = (zone: number) => ({ v: 1 + 3 * zone, i: 2 + 3 * zone, earth: 3 + 3 * zone });
/** Counts for a healthy line: 82 × 0.1222 V ≈ 10 V; current V/Z in 1.955 mA counts; earth full scale. */
const HEALTHY_I: Record<number, number> = { 1: 123, 2: 77, 3: 92, 4: 62 }; // 41.7, 66.7, 55.6, 83.3 Ω
const RELAY: Record<number, number> = { 1: 25, 2: 26, 3: 27, 4: 28 };

let dir: string;
let emu: AvrBoard;
let station: Station | undefined;
let lines: LinesModule;

function healthy(zone: number): void {
  emu.setAnalog(ch(zone).v, 82);
  emu.setAnalog(ch(zone).i, HEALTHY_I[zone] as number);
  emu.setAnalog(ch(zone).earth, 1023);
}

const stateOf = (zone: number) => lines.status().zones.find((z) => z.id === zone);

beforeEach(async () => {
  dir = tempDir('loa-lines-fw-');
  emu = await AvrBoard.start({ dir });
  wireFirmataOnly(emu);
  emu.setAnalog(2, 60); // transmitter ~29 °C
  for (const z of [1, 2, 3, 4]) healthy(z);
  lines = new LinesModule({
    dataDir: dir,
    settings: { checkEveryMs: 1000, sampleGapMs: 60, fastMs: 50 },
  });
  station = new Station({
    profile: hwProfile('firmata-only', emu.path),
    dataDir: dir,
    stationId: 'lines-fw',
    clock: new SystemClock(),
    log: memoryLogger('lines-fw').log,
    drivers: await driverFactories(),
    modules: [lines],
  });
  await station.start();
});

afterEach(async () => {
  await station?.stop();
  station = undefined;
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('line supervision on the Firmata board (LoaFirmata on simavr)', () => {
  it('calibrates from the board, then reads open, earth fault, sensor fault and degraded on zone 2 only', async () => {
    const s = station as Station;
    await pollUntil(async () => lines.status().zones.every((z) => z.state === 'ok'), 15_000);
    const cal = await lines.sup.calibrate([1, 2, 3, 4]);
    expect(cal.map((c) => Math.round(c.baseline.ohm))).toEqual([42, 67, 56, 83]);
    expect(cal[0]?.baseline.method).toBe('passive'); // this board has no test tone

    const faults: Array<[string, () => void]> = [
      ['open', () => emu.setAnalog(ch(2).i, 0)],
      ['earth-fault', () => emu.setAnalog(ch(2).earth, 24)], // 12 kΩ
      [
        'sensor-fault',
        () => {
          emu.setAnalog(ch(2).v, 0); // no sense signal at all
          emu.setAnalog(ch(2).i, 0);
        },
      ],
      ['degraded', () => emu.setAnalog(ch(2).i, 55)], // 93 Ω: +40 %
    ];
    for (const [state, inject] of faults) {
      inject();
      await pollUntil(async () => s.alarms.has(`lines.${state}:zone.2`), 15_000);
      expect(stateOf(2)?.state).toBe(state);
      for (const z of [1, 3, 4]) expect(stateOf(z)?.state).toBe('ok');
      healthy(2);
      await pollUntil(
        async () => stateOf(2)?.state === 'ok' && !s.alarms.has(`lines.${state}:zone.2`),
        15_000,
      );
    }
  });

  it('isolates a shorted zone through the board while the other zones stay on', async () => {
    const s = station as Station;
    for (const z of [1, 2, 3]) await s.chain.setZone(z, true);
    await s.chain.powerOn();
    // energised (low-level trigger); the board reports its pins over the harness: poll
    await pollUntil(async () => [1, 2, 3].every((z) => emu.level(RELAY[z] as number) === 0));
    emu.setAnalog(ch(2).v, 8); // the sense voltage collapses…
    emu.setAnalog(ch(2).i, 1023); // …and the current hits full scale: 0.5 Ω
    await pollUntil(async () => emu.level(RELAY[2] as number) === 1, 5_000);
    expect(stateOf(2)).toMatchObject({ state: 'short', isolated: true });
    for (const z of [1, 3]) expect(emu.level(RELAY[z] as number)).toBe(0);
    expect(s.chain.state).toBe('on');
    expect(s.alarms.has('lines.short:zone.2')).toBe(true);
    healthy(2);
    await pollUntil(async () => emu.level(RELAY[2] as number) === 0, 15_000);
    expect(stateOf(2)).toMatchObject({ state: 'ok', isolated: false });
  });
});
