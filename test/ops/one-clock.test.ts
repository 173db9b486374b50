/**
 * One clock: every time a technician reads from stationctl is the station's local time with
 * its offset (config.json timezone, Asia/Ho_Chi_Minh here), whatever TZ the SSH session has,
 * and JSON carries ISO 8601 with that offset. A fault at 19:17 local reads 19:17 in events,
 * status alarms, line history and watch, next to a schedule that says 19:17.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let dir: string;
const savedTz = process.env.TZ;

/** "HH:MM" in Vietnam of an instant. */
const vnHourMin = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

beforeAll(async () => {
  // the technician's shell is in another zone: nothing they read may follow it
  process.env.TZ = 'America/New_York';
  dir = tempDir('loa-one-clock-');
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
}, 60_000);
afterAll(async () => {
  await d?.stop();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  rmSync(dir, { recursive: true, force: true });
});

describe('one clock in every human view', () => {
  it('events, status alarms, line history and watch show station time with its offset; JSON is ISO 8601 with it', async () => {
    const at = Date.now();
    expect((await d.ctl('sim', 'fault', 'mains-lost')).code).toBe(0);
    await pollUntil(async () => /mains\.lost/.test((await d.ctl('status')).stdout), 20_000);
    const local = vnHourMin(at);
    const status = (await d.ctl('status')).stdout;
    const alarmLine = status.split('\n').find((l) => /mains\.lost/.test(l)) ?? '';
    expect(alarmLine).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\d ${local}:\\d\\d \\+07:00 mains\\.lost`));
    const events = (await d.ctl('events', '--kind', 'mains.lost')).stdout;
    expect(events).toMatch(new RegExp(` ${local}:\\d\\d \\+07:00 ! power`));
    const json = JSON.parse((await d.ctl('--json', 'events', '--kind', 'mains.lost')).stdout) as Array<{
      ts: number;
      time: string;
    }>;
    const ev = json.at(-1);
    expect(ev?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
    expect(Date.parse(ev?.time ?? '')).toBe(ev?.ts);
    const st = JSON.parse((await d.ctl('--json', 'status')).stdout) as {
      timezone: string;
      alarms: Array<{ key: string; sinceTime: string }>;
    };
    expect(st.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(st.alarms.find((a) => a.key === 'mains.lost')?.sinceTime).toMatch(/\+07:00$/);
    await d.ctl('sim', 'clear');

    expect((await d.ctl('lines', 'check', '1')).code).toBe(0);
    const hist = (await d.ctl('lines', 'history', '1')).stdout;
    expect(hist).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00/);
    expect(hist).not.toMatch(/Z\b/);
    const watch = (await d.ctl('watch', '--once')).stdout.split('\n')[0] ?? '';
    expect(watch).toMatch(/\d\d:\d\d:\d\d \+07:00/);
  }, 60_000);
});
