import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/core/clock.js';
import { type ModemProfile, modemSchema } from '../../src/hal/modem-profile.js';
import { parseCesq, parseCpsi, parseCsq, parseQeng, parseReg } from '../../src/modem/at-parse.js';
import { AtModemSource } from '../../src/modem/at-source.js';
import { MmcliModemSource } from '../../src/modem/mmcli-source.js';
import { ModemEmulator } from '../helpers/modem-emulator.js';

const FAKE_MMCLI = join(import.meta.dirname, '..', 'helpers', 'fake-mmcli.sh');

function profile(p: Partial<ModemProfile>): ModemProfile {
  return modemSchema.parse({ source: 'at', commandTimeoutMs: 1500, ...p });
}

async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('27.007 answers', () => {
  it('decodes the standard scales and the vendor serving-cell lines', () => {
    expect(parseCsq(['+CSQ: 20,99'])).toBe(-73);
    expect(parseCsq(['+CSQ: 99,99'])).toBeNull();
    expect(parseCesq(['+CESQ: 99,99,255,255,22,53'])).toEqual({ rsrqDb: -9, rsrpDbm: -88 });
    expect(parseCesq(['+CESQ: 99,99,255,255,255,255'])).toEqual({ rsrqDb: null, rsrpDbm: null });
    expect(parseReg(['+CEREG: 2,5,"3a0f","0a1b2c3d",7'], '+CEREG')).toEqual({
      registration: 'roaming',
      tac: '3A0F',
      cellId: '0A1B2C3D',
    });
    expect(
      parseQeng([
        '+QENG: "servingcell","NOCONN","LTE","FDD",452,04,1A2B3C,221,1850,3,5,5,3A0F,-97,-11,-66,170,12,-,-',
      ]),
    ).toMatchObject({ rsrpDbm: -97, rsrqDb: -11, rssiDbm: -66, sinrDb: 14, cellId: '1A2B3C' });
    expect(
      parseCpsi(['+CPSI: LTE,Online,452-04,0x3A0F,28715661,291,EUTRAN-BAND3,1650,5,5,-94,-850,-590,15']),
    ).toMatchObject({ rsrqDb: -9.4, rsrpDbm: -85, rssiDbm: -59, sinrDb: 15, tac: '3A0F', cellId: '1B62A8D' });
  });
});

describe('modem sources against the emulated modem on a pty', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function emulator(o: Partial<Parameters<typeof ModemEmulator.start>[0]> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'loa-modem-'));
    const emu = await ModemEmulator.start({ dir, ...o });
    cleanups.push(async () => {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    return { emu, dir };
  }

  it.each(['quectel', 'simcom', 'none'] as const)(
    'AT port (%s): signal the test varies, registration, cell and data state',
    async (vendor) => {
      const { emu } = await emulator({ vendor });
      const src = new AtModemSource(profile({ port: emu.path, vendor }), new SystemClock());
      cleanups.push(() => src.close());
      let r = await src.read();
      expect(r).toMatchObject({
        registration: 'home',
        connected: true,
        tech: 'lte',
        operator: 'Viettel',
        cellId: '0A1B2C3D',
        tac: '3A0F',
      });
      expect(r.signal).toMatchObject({ rsrpDbm: -88, rsrqDb: -9, rssiDbm: vendor === 'none' ? -61 : -61 });
      expect(r.signal.sinrDb).toBe(vendor === 'none' ? null : 14);
      expect(emu.commands).toContain('ATE0');
      emu.set({ rsrpDbm: -117, rsrqDb: -16, rssiDbm: -91, sinrDb: -3, stat: 5, pdp: false });
      r = await src.read();
      expect(r).toMatchObject({ registration: 'roaming', connected: false });
      expect(r.signal).toMatchObject({ rsrpDbm: -117, rsrqDb: -16, rssiDbm: -91 });
      if (vendor !== 'none') expect(r.signal.sinrDb).toBe(-3);
    },
  );

  it('a hung modem fails within the command deadline; an unplugged one is UNAVAILABLE; back after replug', async () => {
    const { emu } = await emulator();
    const src = new AtModemSource(profile({ port: emu.path }), new SystemClock());
    cleanups.push(() => src.close());
    await src.read();
    emu.hang(true);
    await expect(src.read()).rejects.toThrow(/did not answer AT\+CSQ within 1500 ms/);
    emu.hang(false);
    await expect(src.read()).resolves.toMatchObject({ registration: 'home' });
    await emu.unplug();
    await expect(src.read()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await emu.replug();
    await expect(src.read()).resolves.toMatchObject({ operator: 'Viettel' });
  });

  it('AT reconnect and reset reach the modem (context cycled; CFUN=1,1, then it re-enumerates)', async () => {
    const { emu } = await emulator();
    const src = new AtModemSource(profile({ port: emu.path, apn: 'v-internet' }), new SystemClock());
    cleanups.push(() => src.close());
    await src.reconnect();
    expect(emu.commands.slice(-3)).toEqual([
      'AT+CGDCONT=1,"IP","v-internet"',
      'AT+CGACT=0,1',
      'AT+CGACT=1,1',
    ]);
    await src.reset();
    expect(emu.commands.at(-1)).toBe('AT+CFUN=1,1');
    await until(async () => (await src.read().catch(() => undefined))?.registration === 'home');
  });

  it('ModemManager: mmcli -J output generated from the emulator state is read the same way', async () => {
    const mmDir = mkdtempSync(join(tmpdir(), 'loa-mm-'));
    cleanups.push(() => rmSync(mmDir, { recursive: true, force: true }));
    const { emu } = await emulator({ mmDir });
    const bin = join(mmDir, 'mmcli');
    copyFileSync(FAKE_MMCLI, bin);
    chmodSync(bin, 0o755);
    process.env.LOA_FAKE_MM_DIR = mmDir;
    cleanups.push(() => {
      delete process.env.LOA_FAKE_MM_DIR;
    });
    const src = new MmcliModemSource(profile({ source: 'mmcli' }), bin);
    let r = await src.read();
    expect(r).toEqual({
      registration: 'home',
      connected: true,
      tech: 'lte',
      operator: 'Viettel',
      cellId: '0A1B2C3D',
      tac: '003A0F',
      signal: { rssiDbm: -61, rsrpDbm: -88, rsrqDb: -9, sinrDb: 14 },
    });
    emu.set({ rsrpDbm: -121, stat: 2, pdp: false });
    r = await src.read();
    expect(r).toMatchObject({ registration: 'searching', connected: false, operator: null, tech: null });
    expect(r.signal.rsrpDbm).toBeNull();
    emu.set({ stat: 1, pdp: true });
    await src.reset();
    const log = join(mmDir, 'actions.log');
    await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('reset'));
    await emu.unplug();
    await expect(src.read()).rejects.toThrow(/couldn't find modem/);
    const calls = readFileSync(join(mmDir, 'calls.log'), 'utf8');
    expect(calls).toMatch(/--signal-setup=10/);
    expect(calls).toMatch(/-J -b \/org\/freedesktop\/ModemManager1\/Bearer\/0/);
  });

  it('mmcli missing: a clear UNAVAILABLE naming ModemManager', async () => {
    const src = new MmcliModemSource(profile({ source: 'mmcli' }), '/nonexistent/mmcli');
    await expect(src.read()).rejects.toThrow(/mmcli not found: is ModemManager installed and running\?/);
  });
});
