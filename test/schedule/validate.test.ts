import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/core/errors.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { doc, programme, type Raw, sampleDoc, vn, ZONES } from './fixtures.js';

const NOW = vn('2026-01-05');

function rejection(raw: unknown, zones: number[] | undefined = ZONES): string {
  try {
    validateSchedule(raw, { zones, now: NOW });
  } catch (e) {
    expect(e).toBeInstanceOf(LoaError);
    expect((e as LoaError).code).toBe('INVALID_ARGUMENT');
    return (e as LoaError).message;
  }
  throw new Error('schedule was accepted');
}

const two = (a: Raw, b: Raw) => doc([programme('a', a), programme('b', b)]);

describe('schedule validation', () => {
  it('accepts the built-in sample', () => {
    const v = validateSchedule(sampleDoc(), { zones: ZONES, now: NOW });
    expect(v.plan.rules.map((r) => r.zones)).toEqual([ZONES, ZONES]);
  });

  it('names the programme, the field and what is allowed', () => {
    expect(rejection(doc([programme('sang', { start: '5h30' })]))).toMatch(
      /programme "sang" \(programmes\[0\]\) start: a local time "HH:MM".*\(got "5h30"\)/,
    );
    expect(rejection(doc([programme('x', { tier: 'urgent' })]))).toMatch(
      /programme "x" .*tier: allowed "normal" or "priority".*\(got "urgent"\)/,
    );
    expect(rejection(doc([programme('x', { days: ['monday'] })]))).toMatch(
      /programme "x" .*days\[0\]: allowed: "sun"/,
    );
    expect(rejection(doc([programme('x', { zones: [7] })]))).toMatch(
      /programme "x": zones: zone 7 does not exist; allowed: 1, 2, 3, 4 or "all"/,
    );
    expect(rejection(doc([programme('x', { end: '07:00' })]))).toMatch(
      /programme "x": duration: give either duration or end/,
    );
    expect(rejection(doc([programme('x', { date: '2026-02-30' })]))).toMatch(
      /programme "x" .*date: a date such as/,
    );
    expect(rejection(doc([programme('x', { from: '2026-03-01', to: '2026-02-01' })]))).toMatch(
      /programme "x": to: must be on or after from/,
    );
    expect(rejection(doc([programme('x', { date: '2026-03-01', days: ['mon'] })]))).toMatch(
      /one-off date cannot be combined/,
    );
    expect(rejection({ ...doc([]), timezone: 'Mars/Olympus' })).toMatch(/timezone: an IANA time zone/);
    expect(rejection({ ...doc([]), valid_until: undefined })).toMatch(/valid_until/);
  });

  it('refuses a scheduled emergency: emergencies are commands', () => {
    expect(rejection(doc([programme('x', { tier: 'emergency' })]))).toMatch(
      /programme "x" \(programmes\[0\]\) tier: allowed "normal" or "priority"; emergency bulletins are started by command/,
    );
  });

  it('rejects same-tier overlaps on the same zone, naming both programmes', () => {
    const m = rejection(
      two(
        { start: '05:30', duration: '1h', zones: [1, 2] },
        { start: '06:00', duration: '1h', zones: [2, 3] },
      ),
    );
    expect(m).toMatch(/programmes "a" and "b" \(both normal\) overlap on zone\(s\) 2 at 2026-01-0\d 06:00/);
  });

  it('finds overlaps across midnight, weekdays and date ranges', () => {
    expect(
      rejection(
        two(
          { days: ['sat'], start: '23:00', duration: '2h' },
          { days: ['sun'], start: '00:30', duration: '10m' },
        ),
      ),
    ).toMatch(/"a" and "b"/);
    expect(
      rejection(
        two({ from: '2027-05-01', to: '2027-05-10' }, { date: '2027-05-10', start: '06:00', duration: '5m' }),
      ),
    ).toMatch(/at 2027-05-10 06:00/);
    // no common day: fine
    validateSchedule(two({ days: ['mon'] }, { days: ['tue'] }), { zones: ZONES, now: NOW });
    validateSchedule(two({ to: '2026-01-31' }, { from: '2026-02-01' }), { zones: ZONES, now: NOW });
    validateSchedule(two({ start: '05:30', duration: '30m' }, { start: '06:00', duration: '30m' }), {
      zones: ZONES,
      now: NOW,
    });
  });

  it('rejects same-tier overlaps on different zones: one audio output', () => {
    expect(rejection(two({ zones: [1] }, { zones: [3] }))).toMatch(/the station has one audio output/);
  });

  it('allows priority over normal, and priority clashes only when the commune order lists both', () => {
    validateSchedule(two({}, { tier: 'priority', start: '06:00', duration: '5m' }), {
      zones: ZONES,
      now: NOW,
    });
    const p = { tier: 'priority', start: '06:00', duration: '10m' };
    expect(rejection(two(p, { ...p, start: '06:05' }))).toMatch(/list both in priority_order/);
    validateSchedule(
      { ...two(p, { ...p, start: '06:05' }), priority_order: ['b', 'a'] },
      { zones: ZONES, now: NOW },
    );
    expect(rejection({ ...two(p, {}), priority_order: ['b'] })).toMatch(/priority_order: "b" is tier normal/);
    expect(rejection({ ...doc([]), priority_order: ['zz'] })).toMatch(
      /priority_order: "zz" is not a programme/,
    );
  });

  it('rejects duplicate ids', () => {
    expect(rejection(doc([programme('a'), programme('a', { start: '17:00' })]))).toMatch(
      /programme "a": id: used twice/,
    );
  });

  it('checks zones only when it knows the station (offline check)', () => {
    validateSchedule(doc([programme('x', { zones: [9] })]), { zones: undefined, now: NOW });
  });
});
