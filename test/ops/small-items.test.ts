/**
 * The smaller truths, on the real daemon with the real stationctl: a transmitter trip is an
 * active alarm (status and watch do not say "none" while it is off air), `sim --help` lists the
 * faults, a schedule's zones "1,2" is refused saying what is allowed, and the settings files the
 * docs say are created with defaults are there to edit.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let dir: string;

beforeAll(async () => {
  dir = tempDir('loa-small-');
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
}, 60_000);
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('smaller items', () => {
  it('a transmitter trip shows in status alarms and the watch count', async () => {
    await d.ctl('sim', 'fault', 'antenna-open');
    await d.ctl('power', 'on');
    const st = await pollUntil(async () => {
      const r = (await d.ctl('status')).stdout;
      return /tx\.tripped/.test(r) && r;
    }, 20_000);
    expect(st).not.toMatch(/Alarms: none/);
    const w = (await d.ctl('watch', '--once')).stdout;
    expect(w).not.toMatch(/Alarms: 0\b/);
    await d.ctl('sim', 'clear');
    await d.ctl('power', 'off');
  }, 60_000);

  it('sim --help lists the faults', async () => {
    for (const args of [
      ['sim', '--help'],
      ['sim', 'fault', '--help'],
    ]) {
      const r = await d.ctl(...args);
      expect(r.code).toBe(0);
      for (const f of ['relay-stuck', 'antenna-open', 'line-open', 'amp-over-temperature'])
        expect(r.stdout).toContain(f);
    }
  });

  it('zones "1,2" in a schedule says what is allowed', async () => {
    const f = join(dir, 'z.json');
    writeFileSync(
      f,
      JSON.stringify({
        schema: 1,
        version: 2,
        valid_until: '2099-01-01',
        programmes: [
          {
            id: 'tin',
            title: 'x',
            source: { kind: 'relay', url: 'http://127.0.0.1:9/x' },
            start: '17:00',
            duration: '30m',
            zones: '1,2',
          },
        ],
      }),
    );
    const r = await d.ctl('schedule', 'check', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zones: allowed "all" or a list of zone numbers such as \[1, 2\] \(got "1,2"\)/);
  });

  it('config.json, audio.json and schedule-settings.json are created with their defaults', () => {
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const f of ['config.json', 'audio.json', 'schedule-settings.json'])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(read('config.json')).toMatchObject({ timezone: 'Asia/Ho_Chi_Minh' });
    expect(read('schedule-settings.json')).toMatchObject({
      powerGapMs: 600_000,
      staleAction: 'keep-playing',
    });
    expect(read('audio.json')).toMatchObject({ schema: 1, outputSilenceMs: 10_000 });
  });
});
