/** The noise gate, push-to-talk's debounce (ManualClock), the feedback check, recordings' retention. */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoiseGate } from '../../src/audio/noise-gate.js';
import { levelBar } from '../../src/cli/station/level-bar.js';
import { ManualClock } from '../../src/core/clock.js';
import { sweepRecordings } from '../../src/district/live/recordings.js';
import type { DigitalIn } from '../../src/hal/types.js';
import { checkNoFeedback } from '../../src/live/echo.js';
import { PushToTalk } from '../../src/live/ptt.js';

describe('noise gate', () => {
  it('closes after the timeout of quiet, not after pauses between sentences', () => {
    const g = new NoiseGate({ thresholdDb: -45, timeoutMs: 8000 }, 0);
    let t = 0;
    // speech with 1 s pauses for a minute: never closes
    for (; t < 60_000; t += 20) expect(g.observe(t % 4000 < 3000 ? -25 : -70, t)).toBe(false);
    // the last word, then quiet: closes at 8 s, not before
    g.observe(-25, t);
    t += 20;
    const quietFrom = t;
    for (; t < quietFrom + 7980; t += 20) expect(g.observe(-70, t)).toBe(false);
    expect(g.observe(-70, quietFrom + 8000)).toBe(true);
  });

  it('an open microphone nobody ever speaks into closes after the timeout from its start', () => {
    const g = new NoiseGate({ thresholdDb: -45, timeoutMs: 3000 }, 1000);
    expect(g.observe(-80, 3999)).toBe(false);
    expect(g.observe(-80, 4000)).toBe(true);
  });
});

class Switch implements DigitalIn {
  readonly name = 'button.ptt';
  level = false;
  private cbs: ((v: boolean) => void)[] = [];
  async read() {
    return this.level;
  }
  watch(cb: (v: boolean) => void) {
    this.cbs.push(cb);
    return () => undefined;
  }
  set(v: boolean) {
    this.level = v;
    for (const cb of this.cbs) cb(v);
  }
}

describe('push-to-talk', () => {
  it('acts on a level held for the debounce time, ignores contact bounce', async () => {
    const clock = new ManualClock();
    const sw = new Switch();
    const seen: boolean[] = [];
    const ptt = new PushToTalk(sw, clock, 50, (p) => seen.push(p));
    expect(ptt.start()).toBe(true);
    // bounce: down/up/down/up within 30 ms
    for (const v of [true, false, true, false]) {
      sw.set(v);
      await clock.advance(5);
    }
    await clock.advance(100);
    expect(seen).toEqual([]);
    sw.set(true);
    await clock.advance(49);
    expect(seen).toEqual([]);
    await clock.advance(1);
    await Promise.resolve();
    expect(seen).toEqual([true]);
    expect(ptt.pressed).toBe(true);
    sw.set(false);
    await clock.advance(60);
    expect(seen).toEqual([true, false]);
  });
});

describe('feedback check', () => {
  it("refuses the output itself, a monitor, and the loopback card of the station's output", () => {
    expect(() => checkNoFeedback('plughw:CARD=Headphones,DEV=0', 'plughw:CARD=Headphones,DEV=0')).toThrow(
      /output device/,
    );
    expect(() => checkNoFeedback('alsa_output.usb.monitor', undefined)).toThrow(/monitor/);
    expect(() => checkNoFeedback('plughw:CARD=Loopback,DEV=1', 'plughw:CARD=Loopback,DEV=0')).toThrow(
      /loopback/,
    );
    expect(() => checkNoFeedback('plughw:CARD=Device,DEV=0', 'plughw:CARD=Headphones,DEV=0')).not.toThrow();
    expect(() => checkNoFeedback('plughw:CARD=Loopback,DEV=1', 'plughw:CARD=Headphones,DEV=0')).not.toThrow();
  });

  it('draws a level bar from −60 to 0 dBFS', () => {
    expect(levelBar(-120, 10)).toBe('░░░░░░░░░░');
    expect(levelBar(-30, 10)).toBe('█████░░░░░');
    expect(levelBar(0, 10)).toBe('██████████');
  });
});

describe('live recordings at the hub', () => {
  it('are deleted once older than the retention, others kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-rec-'));
    const now = Date.now();
    for (const [name, ageDays] of [
      ['live-1-aa.webm', 100],
      ['live-2-bb.webm', 10],
      ['notes.txt', 100],
    ] as const) {
      const f = join(dir, name);
      writeFileSync(f, 'x');
      const t = (now - ageDays * 86_400_000) / 1000;
      utimesSync(f, t, t);
    }
    expect(await sweepRecordings(dir, 90, now)).toEqual(['live-1-aa.webm']);
    expect(readdirSync(dir).sort()).toEqual(['live-2-bb.webm', 'notes.txt']);
    expect(await sweepRecordings(dir, 0, now + 1000 * 86_400_000)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
