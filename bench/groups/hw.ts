/**
 * hw.onoff.command_to_relay_p99_ms — `zone 1 on|off` sent to the daemon's local API until the
 *   fake sysfs kernel sees the GPIO line change (daemon in a private mount namespace).
 * hw.avr.command_to_pin_p99_ms — the same until the real LoaFirmata firmware, running on a
 *   simulated ATmega2560 (simavr, test/helpers/avr-board.ts), drives the relay pin.
 * hw.avr.heartbeat_loss_to_off_ms — the daemon is killed (-9); wall time from the last heartbeat
 *   entering the AVR's UART to the last fail-safe pin at its safe level, with the shipped
 *   failsafeTimeoutMs (1000 ms; target ≤ 1050). hw.avr.heartbeat_loss_to_off_sim_ms: the same
 *   in simulated AVR time (the firmware's own clock).
 * (Until issue 19 these were hw.firmata.*, measured on a TypeScript emulator of the firmware.)
 * The daemons get their own command allowance (LOA_RATE_ALLOW, docs/security.md): 100 toggles
 * are a script, not a person, and the default limit (30 at once, 30 a minute) would stop them.
 * Medians are printed beside each p99.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { callLocal } from '../../src/api/local-client.js';
import { AvrBoard } from '../../test/helpers/avr-board.js';
import { buildAvr } from '../../test/helpers/avr-build.js';
import { startDaemon } from '../../test/helpers/daemon.js';
import { FakeGpioKernel } from '../../test/helpers/fake-gpio-kernel.js';
import { openGpioNamespace } from '../../test/helpers/gpio-namespace.js';
import { FAST_TIMINGS, hwProfile, wireFirmataOnly, writeProfile } from '../../test/helpers/hw-profiles.js';
import { startNsDaemon } from '../../test/helpers/ns-station.js';
import { tempDir } from '../../test/helpers/sim-station.js';
import { type Figure, median, percentile } from '../figures.js';

const ROUNDS = 100;
const SHIPPED_BOARD = { heartbeatMs: 200, failsafeTimeoutMs: 1000, staleMs: 2000 };
const RELAYS = [22, 23, 24, 25, 26, 27, 28]; // firmata-only: tx, amp, mute, zones 1–4; safe = 1
/** The bench's own allowance on the admin socket it uses (LOA_RATE_ALLOW, docs/security.md). */
const BENCH_ENV = { LOA_RATE_ALLOW: 'unix:admin=1000/60000' };

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
  const emu = await AvrBoard.start({ dir });
  const data = join(dir, 'data');
  mkdirSync(data);
  const profile = writeProfile(dir, hwProfile('rpi4-gpio', emu.path, SHIPPED_BOARD));
  const d = startNsDaemon(ns, profile, data, BENCH_ENV);
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

async function firmataDaemon(dir: string, emu: AvrBoard, n: number) {
  const data = join(dir, `data-${n}`);
  mkdirSync(data);
  const p = hwProfile('firmata-only', emu.path, SHIPPED_BOARD);
  Object.assign(p.timings, FAST_TIMINGS);
  const args = ['--profile', writeProfile(dir, p), '--data-dir', data, '--station-id', 'bench'];
  return startDaemon([...args, '--allow-silent-output'], BENCH_ENV); // relays timed, not sound
}

function pinSeen(emu: AvrBoard, pin: number, level: 0 | 1): Promise<number> {
  return new Promise((res) => {
    const off = emu.onWrite((p, l, at) => {
      if (p === pin && l === level) {
        off();
        res(at);
      }
    });
  });
}

/** Kills the daemon and times the last fail-safe pin reaching its safe level after the last beat. */
async function heartbeatLoss(emu: AvrBoard, socket: string, kill: () => void) {
  await callLocal(socket, 'power', { on: true });
  await until(() => emu.level(22) === 0);
  const safeAt = new Map<number, { at: number; sim: number }>();
  const off = emu.onWrite((pin, level, at, sim) => {
    if (RELAYS.includes(pin) && level === 1) safeAt.set(pin, { at, sim });
  });
  kill();
  await until(() => RELAYS.every((p) => emu.level(p) === 1), 10_000);
  off();
  const last = [...safeAt.values()].reduce((a, b) => (b.at > a.at ? b : a));
  return { wall: last.at - (emu.lastBeatAt ?? last.at), sim: last.sim - (emu.lastBeatSimMs ?? last.sim) };
}

async function firmata(): Promise<Figure[]> {
  const dir = tempDir('loa-bench-avr-');
  const emu = await AvrBoard.start({ dir });
  wireFirmataOnly(emu);
  try {
    const d = await firmataDaemon(dir, emu, 0);
    await callLocal(d.socket, 'power', { on: true });
    await until(() => emu.level(24) === 0); // unmuted: the chain is up
    const xs = await toggleLatencies(d.socket, (on) => pinSeen(emu, 25, on ? 0 : 1));
    await d.stop('SIGTERM');
    const wall: number[] = [];
    const sim: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const k = await firmataDaemon(dir, emu, i);
      const loss = await heartbeatLoss(emu, k.socket, () => k.proc.kill('SIGKILL'));
      wall.push(loss.wall);
      sim.push(loss.sim);
      await k.stop();
    }
    const r = (x: number) => Math.round(x * 10) / 10;
    const lag = `simulation lag behind wall time at most ${r(emu.lagMaxMs)} ms`;
    return [
      ...figures(
        'hw.avr.command_to_pin',
        xs,
        `local API → relay pin driven by LoaFirmata on simavr, ${ROUNDS} toggles`,
      ),
      {
        name: 'hw.avr.heartbeat_loss_to_off_ms',
        value: r(median(wall)),
        unit: 'ms',
        note: `last heartbeat → all 7 fail-safe pins safe after kill -9, failsafeTimeoutMs 1000, median of 5 (max ${r(Math.max(...wall))}); ${lag}`,
      },
      {
        name: 'hw.avr.heartbeat_loss_to_off_sim_ms',
        value: r(median(sim)),
        unit: 'ms',
        note: `the same in simulated AVR time (max ${r(Math.max(...sim))})`,
      },
    ];
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  // both parts run the firmware on simavr: built first (a fresh clone has no var/avr yet)
  buildAvr();
  return [...(await onoff()), ...(await firmata())];
}
