/**
 * The onoff driver against a fake sysfs GPIO tree in a private mount namespace, through the
 * built daemon and stationctl: lines found by chip label at base 512 (571 on a Pi 5),
 * active-low, initial level written with the direction, safe state on exit, kill -9 and
 * `stationctl safe-state`, a kernel without sysfs GPIO, a chip that is not there.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationStatus } from '../../src/api/status.js';
import { AvrBoard } from '../helpers/avr-board.js';
import { pollUntil } from '../helpers/daemon.js';
import { FakeGpioKernel } from '../helpers/fake-gpio-kernel.js';
import { openGpioNamespace } from '../helpers/gpio-namespace.js';
import { hwProfile, writeProfile } from '../helpers/hw-profiles.js';
import { type NsDaemon, nsStationctl, startNsDaemon } from '../helpers/ns-station.js';
import { tempDir } from '../helpers/sim-station.js';

const ns = await openGpioNamespace();
const skip = 'skip' in ns ? ns.skip : undefined;
if (skip) console.warn(`onoff tests skipped: ${skip}`);

const PI4 = [
  { label: 'pinctrl-bcm2711', base: 512, ngpio: 58 },
  { label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8 },
];
const g = (bcm: number) => 512 + bcm;
// rpi4-gpio: active-high relays (energised = raw 1); contacts close to ground (raw 0)
const OUT = { tx: g(17), amp: g(27), mute: g(22), z1: g(23), z2: g(24), z3: g(25), z4: g(16) };
const CONTACTS = [
  [17, 5],
  [27, 6],
  [23, 12],
  [24, 13],
  [25, 19],
  [16, 26],
].map(([coil, contact]) => ({
  coil: g(coil as number),
  contact: g(contact as number),
  energisedAt: 1 as const,
  closedLevel: 0 as const,
}));

describe.skipIf(skip !== undefined)('onoff driver in a private mount namespace', () => {
  const nsx = ns as Exclude<typeof ns, { skip: string }>;
  let dir: string;
  let kernel: FakeGpioKernel;
  let emu: AvrBoard;
  let daemon: NsDaemon | undefined;
  let profile: string;

  beforeEach(async () => {
    dir = tempDir('loa-onoff-');
    for (const f of readdirSync(nsx.root)) rmSync(join(nsx.root, f), { recursive: true, force: true });
    kernel = new FakeGpioKernel(nsx.root, PI4, CONTACTS);
    kernel.start();
    kernel.setInput(g(5), 1); // contacts open: pulled up
    for (const c of [6, 12, 13, 19, 26, 21]) kernel.setInput(g(c), 1);
    kernel.setInput(g(20), 0); // mains.present: the opto pulls the line low while mains is there
    emu = await AvrBoard.start({ dir });
    profile = writeProfile(dir, hwProfile('rpi4-gpio', emu.path));
  });

  afterEach(async () => {
    await daemon?.stop('SIGKILL');
    daemon = undefined;
    kernel.stop();
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await nsx.close();
  });

  const raw = (n: number) => kernel.line(n)?.raw;
  const allOff = () => Object.values(OUT).every((n) => raw(n) === 0);

  async function startStation(): Promise<NsDaemon> {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    daemon = startNsDaemon(nsx, profile, dataDir);
    const d = daemon;
    await pollUntil(
      async () => d.output.some((l) => l.includes('"msg":"ready"')) || d.proc.exitCode !== null,
      20_000,
    );
    if (d.proc.exitCode !== null) throw new Error(`daemon exited:\n${d.output.join('\n')}`);
    return d;
  }

  it('finds lines by chip label at base 512, starts them safe with no glitch, handles active-low', async () => {
    const d = await startStation();
    for (const n of Object.values(OUT)) expect(kernel.exported).toContain(n);
    expect(kernel.exported).not.toContain(17); // a hard-coded BCM number would have been wrong
    // every output's first raw level was its safe level, and nothing was energised before a command
    for (const n of Object.values(OUT)) expect(kernel.history.find((c) => c.line === n)?.raw).toBe(0);
    expect(kernel.history.filter((c) => c.raw === 1)).toEqual([]);
    expect(kernel.line(OUT.mute)).toMatchObject({ activeLow: true, direction: 'out', raw: 0 }); // muted
    expect(kernel.line(g(20))).toMatchObject({ activeLow: true, direction: 'in' });

    await d.call('power', { on: true });
    await pollUntil(async () => raw(OUT.tx) === 1 && raw(OUT.amp) === 1 && raw(OUT.mute) === 1);
    const s = (await d.call('status')) as StationStatus;
    expect(s.mainsPresent).toBe(true);
    expect(s.amplifier).toMatchObject({ on: true, muted: false, feedback: true });
    expect(s.drivers.map((x) => [x.driver, x.ok])).toEqual([
      ['gpio', true],
      ['board', true],
    ]);
    expect(s.alarms.filter((a) => a.key.startsWith('relay.stuck'))).toEqual([]);

    expect(await d.stop('SIGTERM')).toBe(0);
    expect(allOff()).toBe(true); // ordered power-down left every relay de-energised, muted
  });

  it('kill -9 leaves the transmitter keyed; stationctl safe-state drops it without a daemon', async () => {
    const d = await startStation();
    await d.call('power', { on: true });
    await pollUntil(async () => raw(OUT.tx) === 1 && raw(OUT.mute) === 1);
    await d.stop('SIGKILL');
    expect(raw(OUT.tx)).toBe(1); // sysfs keeps an output's level when its process dies
    const r = await nsStationctl(nsx, 'safe-state', '--profile', profile);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Outputs safe on gpio (onoff): tx.power, amp.power, amp.mute');
    await pollUntil(async () => allOff());
    const vi = await nsStationctl(nsx, '--lang', 'vi', 'safe-state', '--profile', profile);
    expect(vi.stdout).toContain('Đã đưa về trạng thái an toàn trên gpio');

    await startStation(); // the lines are still exported from before: adopted, not refused
    expect(allOff()).toBe(true);
  });

  it('never glitches a low-level-trigger relay board on at export (level written with the direction)', async () => {
    const p = hwProfile('rpi4-gpio', emu.path);
    for (const [name, o] of Object.entries(p.outputs)) o.activeLow = name !== 'amp.mute';
    p.outputs['amp.mute'] = { ...(p.outputs['amp.mute'] as (typeof p.outputs)[string]), activeLow: false };
    const r = await nsStationctl(nsx, 'safe-state', '--profile', writeProfile(dir, p));
    expect(r.code).toBe(0);
    for (const n of Object.values(OUT)) {
      expect(kernel.line(n)).toMatchObject({ direction: 'out', raw: 1 });
      expect(kernel.history.filter((c) => c.line === n).map((c) => c.raw)).toEqual([1]); // never 0, not even briefly
    }
  });

  it('resolves the same profile on a Pi 5 (RP1 at base 571)', async () => {
    kernel.stop();
    for (const f of readdirSync(nsx.root)) rmSync(join(nsx.root, f), { recursive: true, force: true });
    kernel = new FakeGpioKernel(nsx.root, [{ label: 'pinctrl-rp1', base: 571, ngpio: 54 }]);
    kernel.start();
    const p = hwProfile('rpi4-gpio', emu.path);
    for (const o of Object.values(p.outputs)) o.channel = o.channel.replace('pinctrl-bcm2711', 'pinctrl-rp1');
    const r = await nsStationctl(nsx, 'safe-state', '--profile', writeProfile(dir, p));
    expect(r.code).toBe(0);
    expect(kernel.exported.slice(0, 3)).toEqual([571 + 17, 571 + 27, 571 + 22]);
  });

  it('refuses to start, naming the channel, when the profile names a chip this machine lacks', async () => {
    const p = hwProfile('rpi4-gpio', emu.path);
    (p.outputs['tx.power'] as { channel: string }).channel = 'pinctrl-rp1:17';
    profile = writeProfile(dir, p);
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    daemon = startNsDaemon(nsx, profile, dataDir);
    expect(await daemon.exited).toBe(78);
    const text = daemon.output.join('\n');
    expect(text).toContain('outputs.\\"tx.power\\": no GPIO chip labelled \\"pinctrl-rp1\\"');
    expect(text).toContain('pinctrl-bcm2711 (base 512, 58 lines)');
    expect(text).not.toMatch(/profile sim|simulat/i); // never a fall back to the simulator
  });

  it('names the Firmata profile as the way forward on a kernel without sysfs GPIO', async () => {
    kernel.stop();
    for (const f of readdirSync(nsx.root)) rmSync(join(nsx.root, f), { recursive: true, force: true });
    const r = await nsStationctl(nsx, 'safe-state', '--profile', profile);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no usable sysfs GPIO.*firmata-only profile/);
  });
});
