/**
 * hw.onoff.command_to_relay_p99_ms — `zone 1 on|off` sent to the daemon's local API until the
 *   fake sysfs kernel sees the GPIO line change (daemon in a private mount namespace).
 * hw.firmata.command_to_relay_p99_ms — the same until the Firmata emulator (socat pty) drives
 *   the relay pin.
 * hw.firmata.heartbeat_loss_to_off_ms — the daemon is killed (-9); time from the last heartbeat
 *   the emulator received to its relays off, with the shipped failsafeTimeoutMs (1000 ms).
 * Medians are printed beside each p99.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { callLocal } from '../../src/api/local-client.js';
import { startDaemon } from '../../test/helpers/daemon.js';
import { FakeGpioKernel } from '../../test/helpers/fake-gpio-kernel.js';
import { FirmataEmulator } from '../../test/helpers/firmata-emulator.js';
import { openGpioNamespace } from '../../test/helpers/gpio-namespace.js';
import { FAST_TIMINGS, hwProfile, wireFirmataOnly, writeProfile } from '../../test/helpers/hw-profiles.js';
import { startNsDaemon } from '../../test/helpers/ns-station.js';
import { tempDir } from '../../test/helpers/sim-station.js';
import { type Figure, median, percentile } from '../figures.js';

const ROUNDS = 100;
const SHIPPED_BOARD = { heartbeatMs: 200, failsafeTimeoutMs: 1000, staleMs: 2000 };

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error('bench: condition not met in time');
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Toggles zone 1 ROUNDS times; `seen(level)` resolves with the time the relay reached it. */
async function toggleLatencies(
  socket: string,
  watch: (energised: boolean) => Promise<number>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const on = i % 2 === 0;
    const seen = watch(on);
    const t0 = performance.now();
    await callLocal(socket, 'zone', { zone: 1, on });
    out.push((await seen) - t0);
  }
  return out;
}

function figures(prefix: string, xs: number[], note: string): Figure[] {
  const r = (x: number) => Math.round(x * 100) / 100;
  return [
    { name: `${prefix}_p99_ms`, value: r(percentile(xs, 99)), unit: 'ms', note },
    { name: `${prefix}_median_ms`, value: r(median(xs)), unit: 'ms', note: `median of ${xs.length}` },
  ];
}

async function onoff(): Promise<Figure[]> {
  const ns = await openGpioNamespace();
  if ('skip' in ns) throw new Error(`hw.onoff needs a mount namespace: ${ns.skip}`);
  const dir = tempDir('loa-bench-onoff-');
  for (const f of readdirSync(ns.root)) rmSync(join(ns.root, f), { recursive: true, force: true });
  const kernel = new FakeGpioKernel(ns.root, [{ label: 'pinctrl-bcm2711', base: 512, ngpio: 58 }]);
  kernel.start();
  kernel.setInput(512 + 20, 0); // mains present
  const emu = await FirmataEmulator.start({ dir });
  const data = join(dir, 'data');
  mkdirSync(data);
  const d = startNsDaemon(ns, writeProfile(dir, hwProfile('rpi4-gpio', emu.path, SHIPPED_BOARD)), data);
  try {
    await until(() => d.output.some((l) => l.includes('"msg":"ready"')), 30_000);
    await d.call('power', { on: true });
    const zone1 = 512 + 23;
    await until(() => kernel.line(512 + 22)?.raw === 1); // unmuted: the chain is up
    const xs = await toggleLatencies(join(data, 'station.sock'), (on) => {
      return new Promise((res) => {
        const off = kernel.onChange((c) => {
          if (c.line === zone1 && c.raw === (on ? 1 : 0)) {
            off();
            res(c.at);
          }
        });
      });
    });
    return figures(
      'hw.onoff.command_to_relay',
      xs,
      `local API → sysfs value write seen (inotify), ${ROUNDS} toggles`,
    );
  } finally {
    await d.stop('SIGTERM');
    kernel.stop();
    await emu.stop();
    await ns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firmataDaemon(dir: string, emu: FirmataEmulator, n: number) {
  const data = join(dir, `data-${n}`);
  mkdirSync(data);
  const p = hwProfile('firmata-only', emu.path, SHIPPED_BOARD);
  Object.assign(p.timings, FAST_TIMINGS);
  return startDaemon(['--profile', writeProfile(dir, p), '--data-dir', data, '--station-id', 'bench']);
}

function pinSeen(emu: FirmataEmulator, pin: number, level: 0 | 1): Promise<number> {
  return new Promise((res) => {
    const off = emu.onWrite((p, l, at) => {
      if (p === pin && l === level) {
        off();
        res(at);
      }
    });
  });
}

async function firmata(): Promise<Figure[]> {
  const dir = tempDir('loa-bench-firmata-');
  const emu = await FirmataEmulator.start({ dir });
  wireFirmataOnly(emu);
  try {
    const d = await firmataDaemon(dir, emu, 0);
    await callLocal(d.socket, 'power', { on: true });
    await until(() => emu.level(24) === 0); // unmuted: the chain is up
    const xs = await toggleLatencies(d.socket, (on) => pinSeen(emu, 25, on ? 0 : 1));
    await d.stop('SIGTERM');
    const losses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const k = await firmataDaemon(dir, emu, i);
      await callLocal(k.socket, 'power', { on: true });
      await until(() => emu.level(22) === 0);
      const off = pinSeen(emu, 22, 1);
      k.proc.kill('SIGKILL');
      const at = await off;
      losses.push(at - (emu.lastBeatAt ?? at));
      await k.stop();
    }
    return [
      ...figures(
        'hw.firmata.command_to_relay',
        xs,
        `local API → relay pin driven on the emulator, ${ROUNDS} toggles`,
      ),
      {
        name: 'hw.firmata.heartbeat_loss_to_off_ms',
        value: Math.round(median(losses)),
        unit: 'ms',
        note: `last heartbeat → relays off after kill -9, failsafeTimeoutMs 1000, median of 5 (max ${Math.round(Math.max(...losses))})`,
      },
    ];
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  return [...(await onoff()), ...(await firmata())];
}
