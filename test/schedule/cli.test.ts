/** stationctl schedule/play-log/emergency against the built daemon on the sim profile. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, ROOT, STATIONCTL, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { doc, programme } from './fixtures.js';

const SAMPLE = join(ROOT, 'schedule', 'sample.json');

function ctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      [STATIONCTL, ...args],
      { env: { ...process.env, LANG: 'C' } },
      (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Hanoi's wall clock "HH:MM" now. */
function hanoiNow(): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
}

/**
 * Runs `call` and says whether one of the [start, end) windows (pairs of "HH:MM", Hanoi) was
 * open throughout; a call that straddles an edge is retried (a minute later it cannot).
 */
async function onAirDuring<T>(
  windows: string[],
  call: () => Promise<T>,
): Promise<{ got: T; onAir: boolean }> {
  const open = () => {
    const t = hanoiNow();
    return windows.some((w, i) => i % 2 === 0 && t >= w && t < (windows[i + 1] as string));
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = open();
    const got = await call();
    if (open() === before) return { got, onAir: before };
  }
  throw new Error('the clock kept crossing a programme edge');
}

describe('stationctl schedule commands', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('checks, applies and shows a schedule; rejects a bad one naming the programme', async () => {
    const dir = tempDir();
    const daemon = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')]);
    d = daemon;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc([programme('chieu', { start: '17h', zones: [7] })])));
    const rej = await d.ctl('schedule', 'check', bad);
    expect(rej.code).toBe(1);
    expect(rej.stderr).toMatch(/programme "chieu" \(programmes\[0\]\) start: a local time "HH:MM"/);
    expect((await d.ctl('schedule', 'apply', bad)).code).toBe(1);
    expect((await d.ctl('schedule', 'show')).stdout).toMatch(/No schedule applied/);

    expect((await d.ctl('schedule', 'check', SAMPLE)).stdout).toMatch(
      /Schedule version 1 is valid: 2 programme/,
    );
    const applied = await d.ctl('schedule', 'apply', SAMPLE);
    expect(applied.stdout).toMatch(/version 1 applied \(2 programme\(s\)\)/);
    // the daemon runs on the real clock: a programme on air now is shown too, with its own times
    const morning = await onAirDuring(['05:30', '06:30'], () =>
      daemon.ctl('schedule', 'show', '--days', '2'),
    );
    expect(morning.got.stdout.match(/05:30–06:30/g)).toHaveLength(morning.onAir ? 3 : 2);
    const shown = morning.got;
    expect(shown.stdout).toMatch(/17:00–18:00 .*zones 1,2,3,4 .*Buổi chiều/);
    const vi = await d.ctl('--lang', 'vi', 'schedule', 'show', '--days', '1');
    expect(vi.stdout).toMatch(/Lịch phát phiên bản 1 \(Asia\/Ho_Chi_Minh\)/);
    expect(vi.stdout).toMatch(/vùng 1,2,3,4/);
    const week = await onAirDuring(['05:30', '06:30', '17:00', '18:00'], () =>
      daemon.ctl('schedule', 'show', '--json'),
    );
    expect(JSON.parse(week.got.stdout).items).toHaveLength(week.onAir ? 15 : 14);
    const st = JSON.parse((await d.ctl('status', '--json')).stdout);
    expect(st.modules.schedule).toMatchObject({ version: 1, timezone: 'Asia/Ho_Chi_Minh', stale: false });

    expect((await d.ctl('play-log')).stdout).toMatch(/Nothing in the play log/);
    expect((await d.ctl('emergency', 'status')).stdout).toMatch(/No emergency bulletin is playing/);
    const nofile = await d.ctl('emergency', 'start', join(dir, 'missing.mp3'));
    expect(nofile.code).toBe(1);
    expect(nofile.stderr).toMatch(/no file .*missing\.mp3 on the station/);
    expect((await d.ctl('emergency', 'stop')).stderr).toMatch(/no emergency bulletin is playing/);
  });

  it('checks a file without a daemon, with zones from --profile', async () => {
    const dir = tempDir();
    const socket = join(dir, 'none.sock');
    expect((await ctl('--socket', socket, 'schedule', 'check', SAMPLE)).stdout).toMatch(/zones not checked/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc([programme('x', { zones: [9] })])));
    const r = await ctl('--socket', socket, '--lang', 'vi', 'schedule', 'check', bad, '--profile', 'sim');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Bị từ chối: lịch phát bị từ chối: chương trình "x": zones: vùng 9 không có ở đài này; chỉ có vùng 1, 2, 3, 4/,
    );
  });
});
