/**
 * A programme whose file is not in the media cache, end to end on the real daemon, the real
 * audio engine (WAV sink) and the real stationctl: the alarm names the programme and its time
 * ahead of the window; at the window the fallback playlist is heard (never silence) with the
 * chain up, the play log says what played and why; the file arriving mid-window starts the
 * programme at its wall-clock position. Without any fallback the chain is never keyed for it,
 * not even for its pre-roll.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { fromS16, segments } from '../helpers/tones.js';
import { vnDate, vnTime } from './onair-daemon.js';

let d: Daemon;
let dir: string;
let wav: string;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function json<T>(...args: string[]): Promise<T> {
  const r = await d.ctl('--json', ...args);
  if (r.code !== 0) throw new Error(`stationctl ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

interface Status {
  power: { state: string };
  alarms: Array<{ key: string; message: string }>;
}
const status = () => json<Status>('status');
const alarm = async (prefix: string) => (await status()).alarms.find((a) => a.key.startsWith(prefix));

function oneOff(version: number, id: string, at: number, seconds: number, file: object) {
  const path = join(dir, `schedule-${version}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      schema: 1,
      version,
      valid_until: '2099-12-31',
      programmes: [
        {
          id,
          title: `Bản tin ${id}`,
          source: { kind: 'file', file },
          date: vnDate(at),
          start: vnTime(at),
          duration: `${seconds}s`,
          zones: 'all',
        },
      ],
    }),
  );
  return path;
}

/** The tones heard in the WAV between two byte offsets (48 kHz s16 stereo after a 44-byte header). */
function heardBetween(from: number, to: number) {
  const buf = readFileSync(wav);
  const a = Math.max(44, from - ((from - 44) % 4));
  return segments(fromS16(buf.subarray(a, to - ((to - a) % 4))));
}

beforeAll(async () => {
  dir = tempDir('loa-media-missing-');
  wav = join(dir, 'out.wav');
  makeTone(join(dir, 'backup-440.wav'), { hz: 440, seconds: 20 });
  makeTone(join(dir, 'news-1000.wav'), { hz: 1000, seconds: 60 });
  const cfg = { schema: 1, sink: { kind: 'wav', path: wav }, monitor: { enabled: false } };
  writeFileSync(join(dir, 'audio.json'), JSON.stringify(cfg));
  writeFileSync(join(dir, 'schedule-settings.json'), JSON.stringify({ schema: 1, mediaCheckEveryMs: 1000 }));
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
}, 60_000);
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a programme whose media is missing', () => {
  it('without a fallback: alarm ahead of the window, and the chain is not left keyed on silence', async () => {
    const start = Date.now() + 15_000;
    const r = await d.ctl(
      'schedule',
      'apply',
      oneOff(1, 'dark', start, 15, { sha256: sha(join(dir, 'news-1000.wav')) }),
    );
    expect(r.code).toBe(0);
    const a = await pollUntil(() => alarm('schedule.media-missing:dark'), 8000);
    expect(Date.now()).toBeLessThan(start);
    expect(a.message).toContain('Bản tin dark');
    expect(a.message).toContain(vnTime(start).slice(0, 5));
    // not keyed even for the pre-roll (4.7 s on the sim profile): the chain is watched from
    // before it would begin until after the window opened, and never leaves "off"
    const states = new Set<string>();
    await pollUntil(async () => {
      states.add((await status()).power.state);
      return Date.now() > start + 2000;
    }, 30_000);
    expect([...states]).toEqual(['off']);
    const u = await pollUntil(() => alarm('schedule.unplayable'), 20_000);
    expect(u.message).toMatch(/no fallback/);
    expect(await json<unknown[]>('events', '--kind', 'power.on')).toEqual([]);
  }, 60_000);

  it('with a fallback: heard at the window with the chain up, logged; the file arriving starts the programme at its position', async () => {
    await json('fallback', 'add', join(dir, 'backup-440.wav'));
    const start = Date.now() + 15_000;
    const file = join(dir, 'news-1000.wav');
    await json('schedule', 'apply', oneOff(2, 'news', start, 40, { sha256: sha(file) }));
    await pollUntil(() => alarm('schedule.media-missing:news'), 8000);
    expect(Date.now()).toBeLessThan(start);
    await pollUntil(() => alarm('schedule.unplayable'), 20_000);
    await pollUntil(async () => (await status()).power.state === 'on', 20_000);
    const from = statSync(wav).size;
    await new Promise((res) => setTimeout(res, 3000)); // three seconds of what goes out
    const heard = heardBetween(from, statSync(wav).size);
    expect(heard.map((s) => s.tone)).toEqual([440]);
    expect((await status()).power.state).toBe('on');
    const log =
      await json<Array<{ programmeId: string; replaced?: string; sources: Array<{ using: string }> }>>(
        'play-log',
      );
    const entry = log.find((e) => e.programmeId === 'news');
    expect(entry?.replaced).toMatch(/not in the station's media cache/);
    expect(entry?.sources[0]?.using).toBe('fallback');
    // one clock: the play log reads in station time with its offset
    const human = (await d.ctl('play-log')).stdout;
    expect(human).toMatch(new RegExp(`${vnTime(start).slice(0, 5)}:\\d\\d–.* \\+07:00 `));
    expect(human).toMatch(/not played, fallback instead/);

    await json('media', 'add', file);
    const onAir = await pollUntil(async () => {
      const a = await json<{ onAir: { slot: string } }>('audio', 'status');
      return a.onAir.slot === 'programme' ? Date.now() : undefined;
    }, 20_000);
    const ev = await json<Array<{ details: { offsetMs: number; id: string } }>>(
      'events',
      '--kind',
      'schedule.start',
    );
    const started = ev.filter((e) => e.details.id === 'news').at(-1);
    // it joins the window where the wall clock is, not at the top of the file
    expect(started?.details.offsetMs).toBeGreaterThan(onAir - start - 5000);
    expect(started?.details.offsetMs).toBeLessThan(onAir - start + 2000);
    await pollUntil(async () => !(await alarm('schedule.unplayable')), 10_000);
    await pollUntil(async () => !(await alarm('schedule.media-missing:news')), 10_000);
  }, 90_000);
});
