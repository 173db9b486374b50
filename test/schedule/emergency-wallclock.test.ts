/**
 * An emergency over a scheduled file programme, on the real daemon and audio engine with a
 * real-time sound-card stand-in: the programme runs on underneath, so after the emergency it
 * is heard where the wall clock is (not where it was interrupted), and its window's end is
 * kept (the last seconds are not lost to a pause, nor played past the end).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { type OnAirDaemon, oneOffs, startOnAirDaemon } from './onair-daemon.js';

/** 8 s of 440 Hz then 8 s of 1000 Hz: which one is heard tells the position in the file. */
function twoPart(file: string): string {
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=8',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=1000:duration=8',
    '-filter_complex',
    '[0][1]concat=n=2:v=0:a=1',
    '-ar',
    '48000',
    '-ac',
    '2',
    file,
  ]);
  return file;
}

describe('an emergency over a scheduled file', () => {
  let o: OnAirDaemon | undefined;
  afterEach(async () => {
    await o?.d.stop();
    o = undefined;
  });

  it('keeps the programme at its wall-clock position and ends it with its window', async () => {
    o = await startOnAirDaemon(tempDir('loa-emerg-wall-'));
    const programme = twoPart(join(o.dir, 'two-part.wav'));
    const message = o.tone(880, 6);
    const at = Math.ceil((Date.now() + 8000) / 1000) * 1000;
    const file = join(o.dir, 'schedule.json');
    writeFileSync(file, JSON.stringify(oneOffs([{ id: 'ban-tin', at, file: programme, seconds: 14 }])));
    expect((await o.d.ctl('schedule', 'apply', file)).code).toBe(0);
    const heard = o.heard.bind(o);
    await pollUntil(async () => heard().find((h) => h.hz === 440), 60_000, 50);
    // at about 1 s into the file: 1.2 s attention signal + 6 s message ≈ 7 s of emergency
    expect((await o.d.ctl('emergency', 'start', message, '--repeat', '1')).code).toBe(0);
    const back = await pollUntil(
      async () => {
        const after = heard();
        const msg = after.findIndex((h) => h.hz === 880);
        const i = after.findIndex((h, k) => k > msg && msg >= 0 && (h.hz === 440 || h.hz === 1000));
        return i >= 0 && msg >= 0 ? after[i] : undefined;
      },
      60_000,
      100,
    );
    // paused, it would come back at ~1 s into the file (440 Hz); on wall-clock time it is past 8 s
    expect(back.hz).toBe(1000);
    expect(back.at - at).toBeGreaterThan(7000);
    // and it stops with its window (14 s), not 7 s later
    const end = await pollUntil(async () => heard().find((h) => h.at > back.at && h.hz === 0), 30_000, 100);
    expect(end.at).toBeLessThan(at + 14_000 + 3000);
    expect(end.at).toBeGreaterThan(at + 14_000 - 1500);
  }, 180_000);
});
