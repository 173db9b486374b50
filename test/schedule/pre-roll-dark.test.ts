/**
 * The pre-roll before a programme whose media is known missing, with no fallback playlist:
 * the chain is never keyed for it (not even for the pre-roll seconds), the "cannot play" alarm
 * is raised ahead of the window instead, and media arriving in time keys the chain as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UNPLAYABLE_ALARM } from '../../src/schedule/runner.js';
import { doc, HOUR, programme, vn } from './fixtures.js';
import { type RunnerHarness, runnerHarness } from './runner-harness.js';

const SHA = 'ab'.repeat(32);
const cached = new Map<string, string>();
const media = async (sha: string) => cached.get(sha);
const news = programme('news', {
  source: { kind: 'file', file: { sha256: SHA } },
  start: '06:00',
  duration: '5m',
});

let h: RunnerHarness;
afterEach(async () => {
  cached.clear();
  await h?.cleanup();
});

describe('pre-roll of a programme whose media is known missing, no fallback', () => {
  it('never keys the chain and raises the alarm before the window', async () => {
    h = await runnerHarness({ start: vn('2026-01-05', '05:50'), raw: doc([news]), media, lengths: {} });
    await h.clock.advance(10 * 60_000 - 2000); // 2 s before the window: deep in its pre-roll
    expect(h.chain.history).toEqual([]);
    expect(h.chain.commanded.on).toBe(false);
    const a = h.alarms.list().find((x) => x.key === UNPLAYABLE_ALARM);
    expect(a?.message).toMatch(/Programme news.*no fallback playlist/);
    expect(a?.details).toMatchObject({ id: 'news', start: vn('2026-01-05', '06:00') });
    await h.clock.advance(HOUR); // through the window and after it
    expect(h.chain.history).toEqual([]);
    expect(h.alarms.has(UNPLAYABLE_ALARM)).toBe(false);
  });

  it('media arriving during the pre-roll keys the chain and clears the alarm', async () => {
    h = await runnerHarness({
      start: vn('2026-01-05', '05:50'),
      raw: doc([news]),
      media,
      lengths: { '/cache/news.mp3': 5 * 60_000 },
      settings: { tickMs: 1000 },
    });
    await h.clock.advance(10 * 60_000 - 3000);
    expect(h.alarms.has(UNPLAYABLE_ALARM)).toBe(true);
    cached.set(SHA, '/cache/news.mp3');
    await h.clock.advance(1500);
    expect(h.chain.history.map((e) => e.what)).toContain('up');
    expect(h.alarms.has(UNPLAYABLE_ALARM)).toBe(false);
    await h.clock.advance(2000);
    expect(h.port.calls.filter((c) => c.slot === 'programme')).toHaveLength(1);
  });
});
