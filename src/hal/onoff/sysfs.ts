/**
 * The sysfs GPIO tree as the kernel exposes it (Documentation/admin-guide/gpio/sysfs.rst):
 * one gpiochipN/ per controller with `label`, `base`, `ngpio`; `export` creates gpioN/.
 * Profiles name a line by chip label and offset ("pinctrl-bcm2711:17") because the global
 * number moved: on Raspberry Pi OS Bookworm (kernel 6.6) the Pi 4's chip sits at base 512 and
 * the Pi 5's RP1 at 571, so "GPIO17" is 529 or 588, never 17.
 *
 * The root is fixed: onoff writes to /sys/class/gpio/ (its GPIO_ROOT_PATH is a constant), so a
 * configurable root here would resolve lines in one tree and drive them in another. Tests
 * mount a fake tree over /sys/class in a private mount namespace instead.
 */

import { constants } from 'node:fs';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../core/clock.js';
import { hasErrno, LoaError } from '../../core/errors.js';

export const SYSFS_GPIO = '/sys/class/gpio';

export interface GpioChip {
  label: string;
  base: number;
  ngpio: number;
}

export interface LineRef {
  label: string;
  offset: number;
}

/** "pinctrl-bcm2711:17" → { label, offset }; the label may itself contain colons. */
export function parseLineRef(channel: string): LineRef | undefined {
  const i = channel.lastIndexOf(':');
  if (i <= 0) return undefined;
  const offset = Number(channel.slice(i + 1));
  if (!/^\d{1,4}$/.test(channel.slice(i + 1)) || !Number.isInteger(offset)) return undefined;
  return { label: channel.slice(0, i), offset };
}

/** Fails with the way forward when this kernel has no sysfs GPIO at all. */
export async function assertSysfsGpio(root = SYSFS_GPIO): Promise<void> {
  try {
    await access(join(root, 'export'), constants.W_OK);
  } catch (e) {
    const why = hasErrno(e, 'EACCES')
      ? 'is not writable by this user (add it to the gpio group)'
      : 'is missing';
    throw new LoaError(
      'CONFIG',
      `${root}/export ${why}: this kernel has no usable sysfs GPIO (Debian 13 / Raspberry Pi OS Trixie kernels are built without it). Drive the relays from a Firmata board instead: use the firmata-only profile (hw/profiles/firmata-only.json, see docs/hardware.md)`,
    );
  }
}

export async function listChips(root = SYSFS_GPIO): Promise<GpioChip[]> {
  const chips: GpioChip[] = [];
  for (const name of await readdir(root)) {
    if (!name.startsWith('gpiochip')) continue;
    const read = (f: string) => readFile(join(root, name, f), 'utf8').then((s) => s.trim());
    const [label, base, ngpio] = await Promise.all([read('label'), read('base'), read('ngpio')]);
    chips.push({ label, base: Number(base), ngpio: Number(ngpio) });
  }
  return chips;
}

/** The global line number of a channel, or a HARDWARE error naming the channel and what exists. */
export function resolveLine(chips: GpioChip[], channel: string, what: string): number {
  const ref = parseLineRef(channel);
  if (!ref)
    throw new LoaError(
      'CONFIG',
      `${what}.channel: "${channel}" is not a GPIO line; write CHIP-LABEL:OFFSET such as "pinctrl-bcm2711:17"`,
    );
  const chip = chips.find((c) => c.label === ref.label);
  const have = chips.map((c) => `${c.label} (base ${c.base}, ${c.ngpio} lines)`).join(', ') || 'none';
  if (!chip)
    throw new LoaError(
      'HARDWARE',
      `${what}: no GPIO chip labelled "${ref.label}" on this machine (channel "${channel}"); chips here: ${have}`,
    );
  if (ref.offset >= chip.ngpio)
    throw new LoaError(
      'HARDWARE',
      `${what}: line ${ref.offset} does not exist on ${chip.label}, which has lines 0–${chip.ngpio - 1}`,
    );
  return chip.base + ref.offset;
}

/**
 * Exports a line unless it already is (sysfs keeps exports across a crash), then waits for
 * udev/the kernel to create gpioN/value. onoff busy-waits for it synchronously (10 000 tries),
 * which can lose to a slow udev on a loaded Pi; an async bounded wait does not block the loop.
 */
export async function exportLine(n: number, clock: Clock, timeoutMs: number, what: string): Promise<void> {
  const value = join(SYSFS_GPIO, `gpio${n}`, 'value');
  if (await exists(value)) return;
  try {
    await writeFile(join(SYSFS_GPIO, 'export'), String(n));
  } catch (e) {
    const why = hasErrno(e, 'EBUSY')
      ? 'is claimed by a kernel driver or another program (check dtoverlay lines in config.txt)'
      : `cannot be exported (${(e as Error).message})`;
    throw new LoaError('HARDWARE', `${what}: GPIO ${n} ${why}`);
  }
  const deadline = clock.monotonic() + timeoutMs;
  for (let i = 0; i < 10_000; i++) {
    if (await exists(value)) return;
    if (clock.monotonic() > deadline) break;
    await clock.sleep(2);
  }
  throw new LoaError(
    'HARDWARE',
    `${what}: GPIO ${n} exported but ${value} did not appear within ${timeoutMs} ms`,
  );
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
