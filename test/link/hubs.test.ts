/** The station's list of district hubs (src/uplink/hubs.ts): parsing and the order it tries them in. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { HubList, parseHubList } from '../../src/uplink/hubs.js';
import { uplinkSettings } from '../../src/uplink/settings.js';

describe('parseHubList', () => {
  it('takes one address or several, names, IPv4 and bracketed IPv6', () => {
    expect(parseHubList('hub.example:50051')).toEqual(['hub.example:50051']);
    expect(parseHubList('a.example:1, 10.0.0.2:50051,[::1]:443,[fd00::2]:50051')).toEqual([
      'a.example:1',
      '10.0.0.2:50051',
      '[::1]:443',
      '[fd00::2]:50051',
    ]);
  });

  it('names the position of a bad entry and what is allowed', () => {
    expect(() => parseHubList('a:1,b,c:3')).toThrow(/LOA_DISTRICT: entry 2 of 3 "b" is not host:port/);
    expect(() => parseHubList('a:1,,c:3')).toThrow(/entry 2 of 3 is empty/);
    expect(() => parseHubList('a:1,b:70000')).toThrow(/entry 2 of 2 "b:70000".*port 1-65535/);
    expect(() => parseHubList('::1:50051', '--district')).toThrow(/--district: entry 1 of 1 "::1:50051"/);
    expect(() => parseHubList('a:1,a:1')).toThrow(/entry 2 of 2 "a:1" is listed twice/);
  });

  it('is how the uplink settings read LOA_DISTRICT and --district (a bad list is fatal, named)', () => {
    expect(uplinkSettings({ LOA_DISTRICT: 'a:1,b:2' })?.district).toBe('a:1,b:2');
    expect(() => uplinkSettings({ LOA_DISTRICT: 'a:1,b:x' })).toThrow(/LOA_DISTRICT: entry 2 of 2 "b:x"/);
    expect(() => uplinkSettings({}, 'a:1,[zz]:2')).toThrow(/--district: entry 2 of 2 "\[zz\]:2"/);
  });
});

describe('HubList', () => {
  const list = (n: number, clock = new ManualClock()) =>
    new HubList(
      Array.from({ length: n }, (_, i) => `h${i}:1`),
      clock,
      1000,
      60_000,
      () => 1, // the top of each jitter range: the longest the station may wait
    );

  it('moves to the next hub at once after a failure; the backoff only after a whole round', () => {
    const h = list(3);
    expect(h.current).toBe('h0:1');
    expect(h.failed('refused')).toBe(1000);
    expect(h.current).toBe('h1:1');
    expect(h.failed('refused')).toBe(1000);
    expect(h.current).toBe('h2:1');
    expect(h.failed('refused')).toBe(1000); // round 1 done: backoff step 1 (1 s)
    expect(h.current).toBe('h0:1');
    h.failed('x');
    h.failed('x');
    expect(h.failed('x')).toBe(2000); // round 2: 2 s
    h.failed('x');
    h.failed('x');
    expect(h.failed('x')).toBe(4000);
    for (let i = 0; i < 3 * 20; i++) h.failed('x');
    expect(h.failed('x')).toBeLessThanOrEqual(1000);
    h.failed('x');
    expect(h.failed('x')).toBe(60_000); // capped
  });

  it('keeps to the hub that worked, and moves on when its session is lost', () => {
    const clock = new ManualClock(5_000);
    const h = list(2, clock);
    h.failed('refused');
    expect(h.current).toBe('h1:1');
    clock.jumpWall(4_000);
    h.worked();
    expect(h.all[1]).toMatchObject({ address: 'h1:1', lastOkAt: 9_000 });
    expect(h.all[0]).toMatchObject({ lastFailAt: 5_000, lastError: 'refused' });
    // the session on h1 is lost (its hub killed): h0 next, after a short pause only
    expect(h.failed('stream error')).toBe(1000);
    expect(h.current).toBe('h0:1');
    // h0 fails too: a whole round since the last welcome, the backoff starts from its first step
    expect(h.failed('refused')).toBe(1000);
    expect(h.current).toBe('h1:1');
    expect(h.failed('refused')).toBe(1000);
    expect(h.failed('refused')).toBe(2000);
  });

  it('with one hub behaves as before: the backoff doubles on each failure, reset by a welcome', () => {
    const h = list(1);
    expect([h.failed('a'), h.failed('b'), h.failed('c')]).toEqual([1000, 2000, 4000]);
    h.worked();
    expect(h.failed('d')).toBe(1000);
    expect(h.current).toBe('h0:1');
  });

  it('a killed hub: the station is dialling the next within the short pause (≤ backoffMin)', () => {
    const h = new HubList(['a:1', 'b:1'], new ManualClock(), 1000, 60_000, Math.random);
    h.worked();
    for (let i = 0; i < 50; i++) {
      const d = h.failed('stream error');
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(1000);
      h.worked();
    }
  });
});
