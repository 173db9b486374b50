import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Children } from '../../src/audio/children.js';
import { OnAirLog } from '../../src/audio/onair-log.js';
import { FRAME_BYTES } from '../../src/audio/pcm.js';
import { ManualClock, SystemClock } from '../../src/core/clock.js';
import { MemoryEvents } from '../../src/core/events.js';
import { tempDir } from '../helpers/sim-station.js';
import { sinePcm } from '../helpers/tones.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('on-air log', () => {
  it('keeps N days under a quota, oldest out, never the file being written', async () => {
    const dir = tempDir('loa-onair-');
    dirs.push(dir);
    const clock = new ManualClock(Date.UTC(2026, 5, 20, 12));
    const now = clock.now() / 1000;
    const files = ['onair-20260601-000000.mp3', 'onair-20260618-100000.mp3', 'onair-20260619-100000.mp3'];
    const ages = [19, 2, 1];
    files.forEach((f, i) => {
      writeFileSync(join(dir, f), Buffer.alloc(600 * 1024));
      utimesSync(join(dir, f), now - (ages[i] as number) * 86400, now - (ages[i] as number) * 86400);
    });
    writeFileSync(join(dir, 'onair-20260620-120000.mp3'), Buffer.alloc(600 * 1024));
    writeFileSync(join(dir, 'keep-me.txt'), 'not ours');
    const log = new OnAirLog({
      dir,
      clock,
      children: new Children(),
      events: new MemoryEvents(),
      keepDays: 14,
      quotaMb: 1,
      bitrateKbps: 32,
      timezone: 'Asia/Ho_Chi_Minh',
    });
    const removed = await log.prune();
    // 19 days old: past keepDays; then over 1 MiB: the oldest remaining goes, the newest stays
    expect(removed).toEqual([
      'onair-20260601-000000.mp3',
      'onair-20260618-100000.mp3',
      'onair-20260619-100000.mp3',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['keep-me.txt', 'onair-20260620-120000.mp3']);
  });

  it('records what goes out as 32 kbps MP3 named by local time', async () => {
    const dir = tempDir('loa-onair-');
    dirs.push(dir);
    const children = new Children();
    const log = new OnAirLog({
      dir,
      clock: new SystemClock(),
      children,
      events: new MemoryEvents(),
      keepDays: 14,
      quotaMb: 100,
      bitrateKbps: 32,
      timezone: 'Asia/Ho_Chi_Minh',
    });
    await log.start();
    const pcm = sinePcm(1000, 3000);
    for (let i = 0; i + FRAME_BYTES <= pcm.length; i += FRAME_BYTES)
      log.write(pcm.subarray(i, i + FRAME_BYTES));
    await log.close();
    children.dispose();
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    // the first file is named by when it started, in the station's local time (UTC+7)
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    expect(files[0]).toMatch(new RegExp(`^onair-\\d{8}-${hour.format(new Date())}\\d{4}\\.mp3$`));
    const out = execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,channels,bit_rate',
      '-of',
      'csv=p=0',
      join(dir, files[0] as string),
    ]);
    expect(out.toString().trim()).toBe('mp3,1,32000');
  });
});
