/**
 * The whole path with real parts: the daemon on the sim profile, the real audio engine decoding
 * files with ffmpeg into a real-time sound-card stand-in that reports what is heard. A schedule
 * placed a few seconds ahead plays at its time; an emergency cuts in with its attention signal
 * (880 Hz then 659 Hz), then its message, and the programme is heard again after it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayLogEntry } from '../../src/schedule/play-log.js';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { type OnAirDaemon, oneOffs, startOnAirDaemon } from './onair-daemon.js';

describe('schedule and emergency on the real audio engine', () => {
  let o: OnAirDaemon | undefined;
  afterEach(async () => {
    await o?.d.stop();
    o = undefined;
  });

  it('plays the programme at its time, and an emergency cuts in with its attention signal', async () => {
    o = await startOnAirDaemon(tempDir('loa-onair-'));
    const programme = o.tone(440, 30);
    const message = o.tone(1000, 2);
    const at = Math.ceil((Date.now() + 8000) / 1000) * 1000; // room for the 4.7 s pre-roll
    const file = join(o.dir, 'schedule.json');
    writeFileSync(file, JSON.stringify(oneOffs([{ id: 'tiep-song', at, file: programme, seconds: 25 }])));
    expect((await o.d.ctl('schedule', 'apply', file)).code).toBe(0);

    const heard = o.heard.bind(o);
    const start = await pollUntil(async () => heard().find((h) => h.hz === 440), 30_000, 50);
    // "at its time": a correctness bound, generous on a loaded machine (speed is the bench's job)
    expect(start.at).toBeGreaterThanOrEqual(at - 500);
    expect(start.at).toBeLessThan(at + 3000);
    const status = JSON.parse((await o.d.ctl('status', '--json')).stdout);
    expect(status.power.state).toBe('on');
    expect(status.modules.schedule.onAir.programmeId).toBe('tiep-song');

    const cmd = Date.now();
    expect((await o.d.ctl('emergency', 'start', message)).code).toBe(0);
    const seq = await pollUntil(
      async () => {
        const after = heard()
          .filter((h) => h.at >= cmd && h.hz !== 0)
          .map((h) => h.hz);
        const i = after.indexOf(880);
        // in this order (a stray 20 ms window of a crossfade may sit between them on a loaded machine)
        return i >= 0 && inOrder(after.slice(i), [880, 659, 1000, 440]) && after;
      },
      30_000,
      100,
    );
    expect(seq[0]).toBe(880); // the attention signal is the first thing heard after the command

    const log = await pollUntil(async () => {
      const entries = JSON.parse((await o?.d.ctl('play-log', '--json'))?.stdout ?? '[]') as PlayLogEntry[];
      return entries.some((e) => e.tier === 'emergency' && e.end !== undefined) && entries;
    }, 15_000);
    const prog = log.find((e) => e.programmeId === 'tiep-song');
    expect(prog?.confirmed).toMatchObject({ amplifier: true, zones: { 1: true, 2: true, 3: true, 4: true } });
    expect(prog?.sources[0]).toMatchObject({ using: 'source', kind: 'file' });
    expect(log.filter((e) => e.tier === 'emergency').map((e) => e.title)).toEqual([
      'attention signal + emergency message (command)',
    ]);
  });
});

/** True when `want` appears in `got` in order, as a subsequence. */
function inOrder(got: number[], want: number[]): boolean {
  let k = 0;
  for (const x of got) if (x === want[k]) k++;
  return k === want.length;
}
