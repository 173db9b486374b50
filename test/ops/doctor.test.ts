import { afterEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/ops/doctor/local.js';
import { renderFindings, runDoctor } from '../../src/ops/doctor/run.js';
import { doctorExitCode, type Finding } from '../../src/ops/doctor/types.js';
import { StationControl } from '../../src/station/control.js';
import { drive, type SimHarness, startSimStation } from '../helpers/sim-station.js';

const syncedBox: Probe = {
  async run(cmd) {
    if (cmd === 'ffmpeg') return { code: 0, out: 'ffmpeg version 5.1.6 Copyright' };
    if (cmd === 'timedatectl') return { code: 0, out: 'yes\n' };
    return { code: 127, out: '' };
  },
};

describe('stationctl doctor checks', () => {
  let h: SimHarness;
  afterEach(async () => h?.cleanup());

  async function findings(): Promise<Finding[]> {
    const status = await new StationControl(h.station).status();
    return runDoctor({ status, dataDir: h.dataDir, probe: syncedBox });
  }
  const byId = (fs: Finding[], id: string) => fs.find((f) => f.id === id);

  it('a healthy station on air: all good, exit 0', async () => {
    h = await startSimStation();
    await h.station.chain.setZone(1, true);
    await drive(h.clock, h.station.chain.powerOn());
    const fs = await findings();
    expect(fs.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(doctorExitCode(fs)).toBe(0);
    expect(renderFindings(fs, 'en', 'sim-test')).toMatch(/All good\./);
  });

  it('a locked-out transmitter is a fault with the antenna as the next step, in both languages', async () => {
    h = await startSimStation();
    await drive(h.clock, h.station.chain.powerOn());
    h.sim.inject({ name: 'antenna-open' });
    await h.clock.advance(61_000);
    const fs = await findings();
    expect(byId(fs, 'tx')).toMatchObject({ status: 'fault', key: 'doc.tx.lockout' });
    expect(fs.some((f) => f.id === 'alarm.tx.lockout')).toBe(false); // explained once, not twice
    expect(doctorExitCode(fs)).toBe(2);
    expect(renderFindings(fs, 'en', 'x')).toMatch(
      /LOCKED OUT[\s\S]*next: Inspect the antenna[\s\S]*stationctl reset-lockout/,
    );
    expect(renderFindings(fs, 'vi', 'x')).toMatch(/BỊ KHÓA[\s\S]*làm gì: Kiểm tra ăng-ten/);
  });

  it('a stuck zone relay and lost mains are faults naming the zone', async () => {
    h = await startSimStation();
    h.sim.inject({ name: 'relay-stuck', channel: 'zone.3' });
    await h.station.chain.setZone(3, true);
    await drive(h.clock, h.station.chain.powerOn());
    let fs = await findings();
    expect(byId(fs, 'zone.3.relay')).toMatchObject({
      status: 'fault',
      vars: { zone: 3, commanded: '@word.on', contact: '@word.off' },
    });
    expect(renderFindings(fs, 'vi', 'x')).toMatch(
      /Rơ-le vùng 3 \(Thôn 3\) được lệnh bật nhưng tiếp điểm đang tắt/,
    );
    h.sim.clear();
    h.sim.inject({ name: 'mains-lost' });
    await h.clock.advance(1000);
    fs = await findings();
    expect(byId(fs, 'mains')).toMatchObject({ status: 'fault' });
  });

  it('an unreachable daemon and a missing ffmpeg are faults; an unsynchronised clock too', async () => {
    const bare: Probe = {
      run: async (cmd) => (cmd === 'timedatectl' ? { code: 0, out: 'no\n' } : { code: 127, out: '' }),
    };
    const fs = await runDoctor({ status: { error: 'ENOENT' }, dataDir: '/nonexistent-loa', probe: bare });
    expect(fs.map((f) => `${f.id}:${f.status}`)).toEqual([
      'daemon:fault',
      'ffmpeg:fault',
      'disk:warn',
      'clock:fault',
    ]);
  });
});

describe('doctor checks on the station modules', () => {
  it('names every faulty speaker line and asks to commission uncalibrated ones', async () => {
    const { checkLines } = await import('../../src/ops/doctor/modules.js');
    const fs = checkLines({
      zones: [
        { id: 1, name: 'Thôn 1', state: 'ok', calibrated: true },
        { id: 2, name: 'Thôn 2', state: 'short', calibrated: true },
        { id: 3, name: 'Thôn 3', state: 'ok', calibrated: false },
        { id: 4, name: 'Chợ', state: 'degraded', calibrated: true, deviationPct: 23.4 },
      ],
    });
    expect(fs.map((f) => `${f.id}:${f.status}:${f.key}`)).toEqual([
      'line.2:fault:doc.line.short',
      'line.3:warn:doc.line.uncalibrated',
      'line.4:warn:doc.line.degraded',
    ]);
    expect(renderFindings(fs, 'vi', 'x')).toMatch(/Vùng 2 \(Thôn 2\): đường dây loa bị CHẬP/);
    expect(renderFindings(fs, 'en', 'x')).toMatch(/stationctl lines calibrate 3/);
  });

  it('reports the audio output, damaged media, the schedule and the uplink', async () => {
    const m = await import('../../src/ops/doctor/modules.js');
    expect(
      m.checkAudio({ sink: { kind: 'alsa', ok: false, error: 'no such device' }, sources: [] })[0],
    ).toMatchObject({ status: 'fault' });
    const missing = {
      programmeId: 'tin',
      title: 'Bản tin',
      startLocal: '2026-12-05 17:00:00',
      timezone: 'Asia/Ho_Chi_Minh',
      missing: ['ab12…'],
      fetching: false,
    };
    expect(m.checkMedia({ files: 3 }, { mediaMissing: [missing] })).toEqual([
      expect.objectContaining({
        id: 'media.missing.tin',
        status: 'fault',
        vars: expect.objectContaining({ title: 'Bản tin' }),
      }),
    ]);
    expect(m.checkMedia({ files: 3 }, { mediaMissing: [] })[0]).toMatchObject({
      status: 'ok',
      vars: { n: 3 },
    });
    expect(m.checkSchedule({ version: null, stale: false })[0]).toMatchObject({
      status: 'warn',
      key: 'doc.schedule.none',
    });
    expect(
      m
        .checkSchedule({ version: 3, stale: true, clock: { state: 'unsynchronised', open: false } })
        .map((f) => f.status),
    ).toEqual(['warn', 'fault']);
    const now = Date.UTC(2026, 10, 30, 5, 0);
    expect(
      m.checkUplink(
        { enabled: true, link: 'waiting', outbox: { items: 42, oldestTs: now - 3_600_000 } },
        now,
      )[0],
    ).toMatchObject({
      status: 'fault',
      vars: { ago: 60, depth: 42 },
    });
    expect(m.checkUplink({ enabled: true, link: 'up', outbox: { items: 0 } }, now)[0]?.status).toBe('ok');
    expect(m.checkUplink({ enabled: false }, now)[0]?.key).toBe('doc.uplink.off');
  });
});
