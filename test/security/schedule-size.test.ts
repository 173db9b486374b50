/**
 * Schedule size limits follow from what a schedule is (issue 13, item 5): a year of a busy
 * commune (about 1,100 programmes) goes from districtctl through the hub to a real station,
 * which applies it; beyond the documented limits (programmes, bytes) the refusal names the
 * limit. Before, anything over about 54 programmes was refused as "at most 500 keys in all".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LoaError } from '../../src/core/errors.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { SCHEDULE_LIMITS } from '../../src/security/schedule-limits.js';
import { validateParams } from '../../src/security/schemas.js';
import { pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { yearSchedule } from '../helpers/year-schedule.js';
import { type Rig, startRig, stopRig, uplink } from '../link/helpers.js';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LoaError);
    expect((e as LoaError).code).toBe('INVALID_ARGUMENT');
    return (e as LoaError).message;
  }
  throw new Error('not refused');
};

describe('schedule size limits', { timeout: 240_000 }, () => {
  let rig: Rig | undefined;
  afterAll(async () => stopRig(rig));

  it('a year of a busy commune is valid; past the limits the refusal names the limit', () => {
    const year = yearSchedule();
    const n = (year.programmes as unknown[]).length;
    expect(n).toBeGreaterThan(1000);
    expect(() => validateParams('schedule.apply', { doc: year })).not.toThrow();
    expect(
      validateSchedule(year, { zones: [1, 2, 3, 4], now: Date.UTC(2027, 0, 5) }).doc.programmes,
    ).toHaveLength(n);

    const many = { ...year, programmes: Array.from({ length: SCHEDULE_LIMITS.programmes + 1 }, () => ({})) };
    expect(refusal(() => validateParams('schedule.check', { doc: many }))).toMatch(
      /params\.doc\.programmes: at most 2500 programmes in one schedule \(got 2501\)/,
    );
    const heavy = {
      ...year,
      programmes: Array.from({ length: 300 }, () => ({ id: 'x', title: 'x'.repeat(4000) })),
    };
    expect(refusal(() => validateParams('schedule.apply', { doc: heavy }))).toMatch(
      /params\.doc: at most 1048576 bytes as JSON \(got \d+\)/,
    );
    const playlist = {
      kind: 'playlist',
      items: Array.from({ length: 501 }, () => ({ sha256: 'a'.repeat(64) })),
    };
    const long = {
      ...year,
      programmes: [{ id: 'p', title: 'p', start: '06:00', duration: '1h', source: playlist }],
    };
    expect(refusal(() => validateSchedule(long, { zones: [1], now: Date.UTC(2027, 0, 5) }))).toMatch(
      /source.items: .*500/,
    );
  });

  it('goes from districtctl through the hub to a real station, which applies it', async () => {
    const dir = tempDir();
    rig = await startRig(dir, 'xa-year');
    const r = rig;
    writeFileSync(join(dir, 'year.json'), JSON.stringify(yearSchedule()));
    const check = await r.station.ctl('schedule', 'check', join(dir, 'year.json'));
    expect(check.code, check.stderr).toBe(0);
    const push = await districtJson<{ version: number }>(
      r.hub.port,
      'schedule',
      'push',
      join(dir, 'year.json'),
      '--all',
    );
    await pollUntil(async () => (await uplink(r)).desired.appliedVersion === push.version, 120_000, 500);
    expect((await uplink(r)).desired.error).toBe('');

    const over = { ...yearSchedule(), programmes: Array.from({ length: 2501 }, (_, i) => ({ id: `p${i}` })) };
    writeFileSync(join(dir, 'over.json'), JSON.stringify(over));
    const refused = await districtctl(r.hub.port, 'schedule', 'push', join(dir, 'over.json'), '--all');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /schedule\.programmes: at most 2500 programmes in one schedule \(got 2501\)/,
    );
  });
});
