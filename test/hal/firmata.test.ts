/**
 * The firmata driver against the real LoaFirmata firmware on a simulated ATmega2560 (simavr,
 * UART on a pseudo-terminal): handshake, calibrated and filtered analogue reads, glitch-free
 * digital writes, unplug and replug, garbage on the line both ways, a hung board, a board that
 * never answers, bad options.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { Hal } from '../../src/hal/hal.js';
import type { Profile } from '../../src/hal/profile.js';
import { AvrBoard } from '../helpers/avr-board.js';
import { pollUntil } from '../helpers/daemon.js';
import { hwProfile, wireFirmataOnly } from '../helpers/hw-profiles.js';
import { tempDir } from '../helpers/sim-station.js';

let dir: string;
let emu: AvrBoard;
let hal: Hal | undefined;
const writes: [number, number][] = [];

async function openHal(p: Profile): Promise<Hal> {
  const { log } = memoryLogger('firmata-test');
  hal = await Hal.open(p, await driverFactories(), { clock: new SystemClock(), log });
  return hal;
}

beforeEach(async () => {
  dir = tempDir('loa-firmata-');
  emu = await AvrBoard.start({ dir });
  wireFirmataOnly(emu);
  writes.length = 0;
  emu.onWrite((pin, level) => writes.push([pin, level]));
});

afterEach(async () => {
  await hal?.close().catch(() => undefined);
  hal = undefined;
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('firmata driver', () => {
  it('completes the handshake and reads calibrated, median-filtered analogue values', async () => {
    emu.setAnalog(2, 100); // LM35 on A2: 100 counts × 0.4887 °C
    const h = await openHal(hwProfile('firmata-only', emu.path));
    const temp = h.analogIn('tx.temperature_c');
    await pollUntil(async () => Math.abs((await temp.read()) - 48.87) < 1e-9);
    // four bad samples in a row (a relay switching next to the ADC): the median over 9 ignores them
    emu.spike(2, 1023, 4);
    const seen: number[] = [];
    await pollUntil(
      async () => {
        seen.push(await temp.read());
        return emu.spikesSent && seen.length > 1;
      },
      10_000,
      2,
    );
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 5)); // keep sampling while the last spikes arrive
      seen.push(await temp.read());
    }
    expect(Math.max(...seen)).toBeCloseTo(48.87, 9);
    emu.setAnalog(3, 716); // ACS712 on A3: 716 × 0.04887 − 25 A
    await pollUntil(
      async () => Math.abs((await h.analogIn('amp.current_a').read()) - (716 * 0.04887 - 25)) < 1e-9,
    );
    expect(h.health()[0]).toMatchObject({ ok: true, kind: 'firmata' });
  });

  it('starts every relay at its safe level before any other write, and follows commands', async () => {
    const h = await openHal(hwProfile('firmata-only', emu.path));
    // low-level-trigger module: off = pin high; amp.mute (safe = muted) likewise de-energised
    await pollUntil(async () => [22, 23, 24, 25, 26, 27, 28].every((pin) => emu.level(pin) === 1));
    expect(writes.filter(([, l]) => l === 0)).toEqual([]); // nothing was energised, even briefly
    await h.output('tx.power').set(true);
    await pollUntil(async () => emu.level(22) === 0);
    await pollUntil(async () => (await h.input('tx.feedback').read()) === true);
    await h.output('tx.power').set(false);
    await pollUntil(async () => emu.level(22) === 1);
    await pollUntil(async () => (await h.input('tx.feedback').read()) === false);
  });

  it('reports an unplugged board, stays up, and reconnects and restores outputs by itself', async () => {
    const h = await openHal(hwProfile('firmata-only', emu.path));
    await h.output('zone.2').set(true);
    await pollUntil(async () => emu.level(26) === 0);
    await emu.unplug();
    await pollUntil(async () => !h.health()[0]?.ok);
    expect(h.health()[0]?.detail).toMatch(/MISSING/);
    await expect(h.analogIn('tx.reflected_w').read()).rejects.toThrow(/board missing/);
    await expect(h.output('amp.power').set(false)).resolves.toBeUndefined(); // off never fails
    await expect(h.output('amp.power').set(true)).rejects.toMatchObject({ code: 'HARDWARE' });
    await h.output('amp.power').set(false);
    await emu.replug();
    wireFirmataOnly(emu);
    await pollUntil(async () => h.health()[0]?.ok, 15_000);
    await pollUntil(async () => emu.level(26) === 0 && emu.level(23) === 1);
    expect(h.health()[0]?.detail).toMatch(/reconnects 1/);
    await h.analogIn('tx.reflected_w').read();
  });

  it('reports a board that goes silent with its port open, and picks it up when it answers again', async () => {
    const h = await openHal(hwProfile('firmata-only', emu.path));
    emu.mute(true); // firmware hung (the simulated CPU stopped): no reports, no answers
    await pollUntil(async () => h.health()[0]?.detail?.includes('silent for'));
    expect(h.health()[0]?.ok).toBe(false);
    emu.mute(false);
    await pollUntil(async () => h.health()[0]?.ok, 15_000);
    await h.analogIn('tx.temperature_c').read();
  });

  it('survives garbage on the line, both ways', async () => {
    emu.setAnalog(0, 200);
    const h = await openHal(hwProfile('firmata-only', emu.path));
    emu.garbage([0x00, 0x42, 0xe7, 0xf0, 0x33, 0x99, 0x12, 0xf7, 0x7f, 0xc3, 0x90]);
    // to the firmware: stray data, a truncated digital write, an unsupported pin mode for the
    // transmitter relay, and an over-long sysex that would energise zone 2 if it were obeyed
    const longSysex = [0xf0, 0x0b, ...new Array(30).fill([26, 0]).flat(), 0xf7];
    emu.garbageToBoard([0x05, 0x7f, 0x93, 0x01, 0xf0, 0x0a, 0x90, 0x00, 0xf4, 22, 0x05, ...longSysex]);
    emu.setAnalog(0, 300);
    await pollUntil(async () => Math.abs((await h.analogIn('tx.forward_w').read()) - 300 * 0.0978) < 1e-9);
    await h.output('zone.1').set(true);
    await pollUntil(async () => emu.level(25) === 0); // written after the garbage: it got through
    expect(emu.level(26)).toBe(1); // zone 2 still off
    expect(emu.level(22)).toBe(1); // the transmitter relay still driven, off
    expect(h.health()[0]?.ok).toBe(true);
  });

  it('fails at start, naming the port, when the board never answers', async () => {
    emu.mute(true);
    const p = hwProfile('firmata-only', emu.path, { handshakeTimeoutMs: 300 });
    const err = await openHal(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoaError);
    expect((err as LoaError).code).toBe('HARDWARE');
    expect((err as LoaError).message).toContain(`no Firmata answer on ${emu.path}`);
    expect((err as LoaError).message).toContain('tx.power');
  });

  it('fails at start, naming the port, when nothing is plugged in', async () => {
    const p = hwProfile('firmata-only', `${dir}/usb-nothing-here-if00`);
    await expect(openHal(p)).rejects.toThrow(
      /cannot open serial port .*usb-nothing-here-if00 \(not plugged in\?\)/,
    );
  });

  it('refuses bad options and channels, naming the key', async () => {
    const p = hwProfile('firmata-only', emu.path, { heartbeatMs: 500, failsafeTimeoutMs: 1000 });
    await expect(openHal(p)).rejects.toThrow(/drivers."board".*failsafeTimeoutMs.*3 × heartbeatMs/);
    const q = hwProfile('firmata-only', emu.path);
    (q.outputs['zone.3'] as { channel: string }).channel = 'A7';
    await expect(openHal(q)).rejects.toThrow(/outputs."zone.3".channel: "A7" is not a digital pin/);
    const r = hwProfile('firmata-only', emu.path);
    (r.analog['tx.forward_w'] as { channel: string }).channel = 'A40';
    await expect(openHal(r)).rejects.toThrow(/analog."tx.forward_w": this board has no A40/);
  });
});
