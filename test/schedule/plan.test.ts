import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/schedule/compile.js';
import { nextChange, onAirAt, timeline } from '../../src/schedule/plan.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { localParts } from '../../src/schedule/zoned-time.js';
import { doc, HOUR, programme, type Raw, sampleDoc, TZ, vn, ZONES } from './fixtures.js';

const NOW = vn('2026-01-05'); // a Monday
const planOf = (raw: Raw, now = NOW) => validateSchedule(raw, { zones: ZONES, now }).plan;
const ids = (segs: ReturnType<typeof timeline>) => segs.map((s) => s.item.rule.id);

describe('daily windows (the built-in sample)', () => {
  const plan = planOf(sampleDoc());

  it('plays 05:30–06:30 and 17:00–18:00 every day for three weeks, and nothing else', () => {
    const segs = timeline(plan, NOW, NOW + 21 * DAY_MS);
    expect(segs).toHaveLength(42);
    for (const s of segs) {
      const { msOfDay } = localParts(s.start, TZ);
      expect([5.5 * HOUR, 17 * HOUR]).toContain(msOfDay);
      expect(s.end - s.start).toBe(HOUR);
    }
    expect(onAirAt(plan, vn('2026-01-20', '05:29')).item).toBeUndefined();
    expect(onAirAt(plan, vn('2026-01-20', '05:30')).item?.rule.id).toBe('sang-tiep-song-tinh');
    expect(onAirAt(plan, vn('2026-01-20', '06:30')).item).toBeUndefined();
    expect(onAirAt(plan, vn('2026-01-20', '17:59')).zones).toEqual({
      1: 'chieu-tiep-song-tinh',
      2: 'chieu-tiep-song-tinh',
      3: 'chieu-tiep-song-tinh',
      4: 'chieu-tiep-song-tinh',
    });
  });

  it('names the next change after any instant', () => {
    expect(nextChange(plan, vn('2026-01-06', '07:00'))).toBe(vn('2026-01-06', '17:00'));
    expect(nextChange(plan, vn('2026-01-06', '17:00'))).toBe(vn('2026-01-06', '18:00'));
    expect(nextChange(plan, vn('2026-01-06', '18:00'))).toBe(vn('2026-01-07', '05:30'));
  });
});

describe('rules', () => {
  it('runs on the listed weekdays only', () => {
    const plan = planOf(doc([programme('mwf', { days: ['mon', 'wed', 'fri'] })]));
    const segs = timeline(plan, NOW, NOW + 28 * DAY_MS);
    expect(segs).toHaveLength(12);
    expect(new Set(segs.map((s) => localParts(s.start, TZ).weekday))).toEqual(new Set([1, 3, 5]));
  });

  it('honours an inclusive date range, combined with weekdays', () => {
    const plan = planOf(
      doc([programme('r', { from: '2026-01-10', to: '2026-01-20', days: ['sat', 'sun'] })]),
    );
    const starts = timeline(plan, NOW, NOW + 30 * DAY_MS).map((s) => s.start);
    expect(starts).toEqual(
      ['2026-01-10', '2026-01-11', '2026-01-17', '2026-01-18'].map((d) => vn(d, '05:30')),
    );
  });

  it('plays a one-off on its date only', () => {
    const plan = planOf(
      doc([programme('once', { date: '2026-02-03', start: '09:15', end: '09:45', duration: undefined })]),
    );
    const segs = timeline(plan, NOW, NOW + 60 * DAY_MS);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [vn('2026-02-03', '09:15'), vn('2026-02-03', '09:45')],
    ]);
  });

  it('crosses midnight: a Saturday 23:30–00:30 item is on air early on Sunday', () => {
    const plan = planOf(
      doc([programme('late', { days: ['sat'], start: '23:30', end: '00:30', duration: undefined })]),
    );
    expect(onAirAt(plan, vn('2026-01-11', '00:15')).item?.start).toBe(vn('2026-01-10', '23:30'));
    expect(onAirAt(plan, vn('2026-01-11', '00:30')).item).toBeUndefined();
    expect(onAirAt(plan, vn('2026-01-12', '00:15')).item).toBeUndefined(); // Monday: no
    expect(timeline(plan, NOW, NOW + 14 * DAY_MS)).toHaveLength(2);
  });
});

describe('tiers', () => {
  const normal = programme('chieu', { start: '17:00', duration: '1h' });
  const bulletin = programme('tin-khan', { tier: 'priority', start: '17:20', duration: '10m', zones: [2] });

  it('a priority bulletin pre-empts a normal programme, which resumes in its window', () => {
    const plan = planOf(doc([normal, bulletin]));
    const segs = timeline(plan, vn('2026-01-05', '16:00'), vn('2026-01-05', '19:00'));
    expect(ids(segs)).toEqual(['chieu', 'tin-khan', 'chieu']);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [vn('2026-01-05', '17:00'), vn('2026-01-05', '17:20')],
      [vn('2026-01-05', '17:20'), vn('2026-01-05', '17:30')],
      [vn('2026-01-05', '17:30'), vn('2026-01-05', '18:00')],
    ]);
    // one output: the bulletin's zone hears it, the other zones of the programme are silent
    const during = onAirAt(plan, vn('2026-01-05', '17:25'));
    expect(during.zones).toEqual({ 1: null, 2: 'tin-khan', 3: null, 4: null });
    expect(during.waiting.map((o) => o.rule.id)).toEqual(['chieu']);
  });

  it('skips an item that is done (a file that ended early) and lets the pre-empted one resume', () => {
    const plan = planOf(doc([normal, bulletin]));
    const t = vn('2026-01-05', '17:25');
    const key = onAirAt(plan, t).item?.key as string;
    expect(onAirAt(plan, t, new Set([key])).item?.rule.id).toBe('chieu');
  });

  it('clashing priority bulletins follow the commune order', () => {
    const a = programme('tin-huyen', { tier: 'priority', start: '17:10', duration: '20m' });
    const b = programme('tin-xa', { tier: 'priority', start: '17:00', duration: '20m' });
    const plan = planOf(doc([normal, a, b], { priority_order: ['tin-huyen', 'tin-xa'] }));
    const segs = timeline(plan, vn('2026-01-05', '16:00'), vn('2026-01-05', '19:00'));
    expect(ids(segs)).toEqual(['tin-xa', 'tin-huyen', 'chieu']);
    expect(segs[1]?.start).toBe(vn('2026-01-05', '17:10'));
    expect(segs[2]?.start).toBe(vn('2026-01-05', '17:30'));
  });
});

describe('time zones', () => {
  const berlin = (p: Raw) =>
    validateSchedule({ ...doc([p]), timezone: 'Europe/Berlin' }, { zones: ZONES, now: NOW }).plan;

  it('is configurable and correct across daylight-saving changes', () => {
    // 2026-03-29: clocks go 02:00 CET → 03:00 CEST: a 01:00–04:00 window lasts 2 hours
    const span = berlin(programme('span', { start: '01:00', end: '04:00', duration: undefined }));
    const s = timeline(span, Date.parse('2026-03-28T22:00:00Z'), Date.parse('2026-03-29T22:00:00Z'))[0];
    expect(s?.start).toBe(Date.parse('2026-03-29T00:00:00Z'));
    expect(s?.end).toBe(Date.parse('2026-03-29T02:00:00Z'));
    // 02:30 does not exist that night; it moves on by the gap (Temporal "compatible")
    const night = berlin(programme('night', { start: '02:30', duration: '30m' }));
    const n = timeline(night, Date.parse('2026-03-28T22:00:00Z'), Date.parse('2026-03-29T22:00:00Z'))[0];
    expect(n?.start).toBe(Date.parse('2026-03-29T01:30:00Z')); // 03:30 CEST
    // 2026-10-25: 02:30 happens twice; the first (CEST, 00:30 UTC) is taken, once
    const autumn = timeline(night, Date.parse('2026-10-24T22:00:00Z'), Date.parse('2026-10-25T22:00:00Z'));
    expect(autumn.map((x) => x.start)).toEqual([Date.parse('2026-10-25T00:30:00Z')]);
  });

  it('defaults to Asia/Ho_Chi_Minh (UTC+7)', () => {
    const plan = planOf(doc([programme('a', { start: '05:30' })]));
    expect(plan.tz).toBe(TZ);
    expect(onAirAt(plan, Date.parse('2026-01-05T22:30:00Z')).item?.rule.id).toBe('a');
  });
});
