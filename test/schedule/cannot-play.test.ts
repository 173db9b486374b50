/**
 * Schedules that are valid but cannot play, through the real daemon and stationctl: accepted,
 * with warnings that say why (past dates, valid_until gone, another time zone, files that are
 * not there — the built-in sample's fallback paths on a fresh box); doctor warns that nothing
 * will play; and a schedule file larger than our limit is refused in our words before gRPC's
 * 4 MB limit is met.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, ROOT, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let dir: string;

const programme = (o: object) => ({
  id: 'tin',
  title: 'Bản tin',
  source: { kind: 'relay', url: 'http://127.0.0.1:9/x.mp3' },
  start: '17:00',
  duration: '30m',
  zones: 'all',
  ...o,
});

function write(name: string, doc: object): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify({ schema: 1, version: 3, valid_until: '2099-12-31', ...doc }));
  return p;
}

beforeAll(async () => {
  dir = tempDir('loa-cannot-play-');
  d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')]);
}, 60_000);
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a schedule that cannot play', () => {
  it('only past dates: accepted with a warning, and doctor warns nothing will play', async () => {
    const f = write('past.json', { programmes: [programme({ date: '2020-01-06' })] });
    const r = await d.ctl('schedule', 'apply', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing in it will ever play/);
    const vi = await d.ctl('--lang', 'vi', 'schedule', 'check', f);
    expect(vi.stdout).toMatch(/không chương trình nào sẽ được phát/);
    const doc = await d.ctl('doctor');
    expect(doc.stdout).toMatch(/\[ WARN \] Schedule 3 is valid, but nothing will play in the next 7 days/);
    expect(doc.stdout).not.toMatch(/\[ {2}ok {2}\] Schedule 3 is valid/);
    expect(doc.code).toBeGreaterThanOrEqual(1);
  });

  it('past valid_until and another time zone are said', async () => {
    const f = write('zone.json', {
      timezone: 'Europe/Paris',
      valid_until: '2021-01-01',
      programmes: [programme({})],
    });
    const r = await d.ctl('schedule', 'apply', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read in Europe\/Paris, not in the station's zone Asia\/Ho_Chi_Minh/);
    expect(r.stdout).toMatch(/valid_until \(2021-01-01 23:59\) is already past/);
  });

  it("the sample schedule's fallback files that are not on this box are named", async () => {
    const r = await d.ctl('schedule', 'check', join(ROOT, 'schedule', 'sample.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/file \/var\/lib\/loa\/fallback\/ban-tin-dia-phuong\.mp3 does not exist/);
  });

  it('a 10 MB schedule is refused in our words, naming our limit', async () => {
    const big = write('big.json', {
      programmes: [programme({ title: 'x'.repeat(10 * 1024 * 1024) })],
    });
    const r = await d.ctl('schedule', 'apply', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a schedule is at most 1\.0 MB \(this one is 10\.0 MB\)/);
    expect(r.stderr).not.toMatch(/4194304/);
  });
});
