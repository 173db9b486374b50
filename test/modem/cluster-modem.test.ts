/**
 * A cluster station (simulated plant, SystemClock) with its modem module on the emulated
 * modem's real pty: readings and alarms, the doctor in both languages, and the recovery ladder
 * end to end — reconnect, reset, then a power cycle seen at the simulated relay, which is what
 * powers the emulated modem.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderStatus } from '../../src/cli/station/format.js';
import { renderFrame } from '../../src/cli/station/watch.js';
import { renderFindings, runDoctor } from '../../src/ops/doctor/run.js';
import { StationControl } from '../../src/station/control.js';
import { type Rig, rig, until } from '../helpers/cluster-rig.js';

describe('cluster modem supervision', () => {
  let r: Rig | undefined;
  afterEach(async () => {
    await r?.stop();
    r = undefined;
  });

  it('reports signal, operator, cell and data; weak signal and no registration raise alarms; doctor in vi and en', async () => {
    r = await rig();
    const rig0 = r;
    await until(() => rig0.status().present && rig0.status().data.todayRxMb >= 0, 'a first reading');
    expect(r.status()).toMatchObject({
      source: 'at',
      registration: 'home',
      signal: {
        quality: 'good',
        rsrpDbm: -88,
        sinrDb: 14,
        tech: 'lte',
        operator: 'Viettel',
        cellId: '0A1B2C3D',
      },
      data: { state: 'connected', planMb: 3000 },
    });
    await until(() => rig0.emu.rx > 5000, 'traffic');
    await rig0.modem.poll();
    await rig0.modem.poll();
    const control = new StationControl(r.station);
    const doctor = async () =>
      runDoctor({
        status: await control.status(),
        dataDir: '/tmp',
        probe: { run: async () => ({ code: 0, out: 'ffmpeg version 5.1\nyes\n' }) },
      });
    expect(renderStatus(await control.status(), 'en')).toMatch(
      /^ {2}4G\s+Viettel LTE {2}RSRP -88 dBm {2}SINR 14 dB {2}data connected/m,
    );
    expect(renderStatus(await control.status(), 'vi')).toMatch(/dữ liệu connected {2}[\d.]+ MB tháng này/);
    const frame = renderFrame(await control.status(), 'en', new Date()).join('\n');
    expect(frame).toMatch(/4G: lte {2}RSRP -88 dBm {2}data connected/);
    expect(frame).not.toMatch(/Transmitter/);
    const history = (await r.station.commands.call('modem.history', { limit: 3 })) as { rsrpDbm: number }[];
    expect(history).toHaveLength(3);
    expect(history.at(-1)?.rsrpDbm).toBe(-88);
    await expect(r.station.commands.call('modem.history', { limit: 0 })).rejects.toThrow(
      /limit: a whole number 1\.\.360 \(got 0\)/,
    );
    let fs = await doctor();
    expect(fs.find((f) => f.id === 'modem')).toMatchObject({ status: 'ok', key: 'doc.modem.ok' });
    expect(renderFindings(fs, 'en', 'cluster-1')).toMatch(
      /4G: Viettel LTE, signal good \(RSRP -88 dBm, SINR 14 dB\)/,
    );
    expect(renderFindings(fs, 'vi', 'cluster-1')).toMatch(/4G: Viettel LTE, sóng tốt \(RSRP -88 dBm/);
    expect(renderFindings(fs, 'en', 'cluster-1')).not.toMatch(/Transmitter/);

    r.emu.set({ rsrpDbm: -116, sinrDb: -2 });
    await until(() => rig0.station.alarms.has('modem.weak-signal'), 'the weak-signal alarm');
    fs = await doctor();
    expect(renderFindings(fs, 'en', 'c')).toMatch(
      /4G signal is weak: Viettel LTE, RSRP -116 dBm \(poor\)[\s\S]*next: Check the modem antenna/,
    );
    expect(renderFindings(fs, 'vi', 'c')).toMatch(
      /Sóng 4G yếu: Viettel LTE, RSRP -116 dBm \(yếu\)[\s\S]*làm gì: Kiểm tra ăng-ten/,
    );
    r.emu.set({ rsrpDbm: -107 }); // above -110 but inside the 5 dB hysteresis
    await r.modem.poll();
    expect(r.station.alarms.has('modem.weak-signal')).toBe(true);
    r.emu.set({ rsrpDbm: -95 });
    await until(() => !rig0.station.alarms.has('modem.weak-signal'), 'the alarm to clear');

    r.emu.set({ stat: 3, pdp: false });
    await until(() => rig0.station.alarms.has('modem.not-registered'), 'not registered');
    fs = await doctor();
    expect(renderFindings(fs, 'vi', 'c')).toMatch(/Modem 4G chưa đăng ký được vào mạng \(denied\)/);
    expect(fs.filter((f) => f.id.startsWith('alarm.modem'))).toEqual([]); // explained once
  });

  it('hung modem: reconnect, then reset, then a power cycle at the relay; data flows again; each step an event', async () => {
    r = await rig();
    const rig0 = r;
    await until(() => rig0.status().present && rig0.emu.rx > 2000, 'traffic');
    r.emu.stallData('power'); // only a power cycle brings this one back
    await until(() => rig0.events.some((e) => e.kind === 'modem.recovered'), 'recovery', 45_000);
    const steps = r.events.filter((e) => e.kind === 'modem.recovery').map((e) => e.details.step);
    expect(steps).toEqual(['reconnect', 'reset', 'power-cycle']);
    expect(r.relay).toEqual([true, false]); // energised (power cut), then released
    expect(r.emu.commands).toContain('AT+CGACT=1,1');
    expect(r.emu.commands).toContain('AT+CFUN=1,1');
    const rec = r.events.find((e) => e.kind === 'modem.recovered');
    expect(rec?.details).toMatchObject({ step: 'power-cycle' });
    await until(() => rig0.status().data.state === 'connected', 'connected again');
    expect(r.station.alarms.has('modem.hung')).toBe(false);
  });

  it('a modem that vanishes (USB unplug) is missing after three silent polls and power-cycled back', async () => {
    r = await rig();
    const rig0 = r;
    await until(() => rig0.status().present && rig0.emu.rx > 2000, 'traffic');
    await r.emu.unplug();
    await until(() => rig0.station.alarms.has('modem.missing'), 'modem.missing');
    expect(r.status()).toMatchObject({ present: false, data: { state: 'unknown' } });
    await until(() => rig0.events.some((e) => e.kind === 'modem.recovered'), 'recovery', 45_000);
    const steps = r.events.filter((e) => e.kind === 'modem.recovery').map((e) => e.details.step);
    expect(steps).toEqual(['power-cycle']); // nothing to tell a modem that is not there
    await until(() => !rig0.station.alarms.has('modem.missing'), 'modem back');
  });
});
