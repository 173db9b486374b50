/**
 * Builds the firmware (hw/firmware/Makefile: gcc-avr, avr-libc, arduino-core-avr) and the simavr
 * harness (test/helpers/avr/Makefile: libsimavr-dev) into var/avr/, once per test run (vitest
 * global set-up) and before the hw bench. make rebuilds only what changed.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AVR_OUT = join(ROOT, 'var', 'avr');
export const AVR_ELF = join(AVR_OUT, 'mega', 'LoaFirmata.elf');
export const AVR_SIM = join(AVR_OUT, 'loa-avr-sim');
export const ARDUINO_AVR = '/usr/share/arduino/hardware/arduino/avr';
export const MEGA_PINS_HEADER = join(ARDUINO_AVR, 'variants', 'mega', 'pins_arduino.h');

export function buildAvr(): void {
  const make = (dir: string, ...args: string[]) => {
    try {
      execFileSync('make', ['-s', '-C', dir, `OUT=${AVR_OUT}`, ...args], { stdio: 'pipe' });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new Error(
        `building ${dir} failed (packages gcc-avr avr-libc arduino-core-avr libsimavr-dev libelf-dev: scripts/ensure-system.sh): ${err.stderr?.toString() ?? err.message}`,
      );
    }
  };
  make(join(ROOT, 'hw', 'firmware'), 'BOARD=mega');
  make(join(ROOT, 'test', 'helpers', 'avr'));
}
