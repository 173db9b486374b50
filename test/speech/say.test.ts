/**
 * `stationctl say` end to end on the real daemon (sim profile, WAV sink): the text is spoken
 * by real espeak-ng at the station and heard at the output between the attention chime
 * (880 → 659 Hz) and the closing chime (659 → 880 Hz); the play log proves it with the text's
 * sha256 and the voice. Tiers, the length limit and a scheduled text item too.
 */
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { activeSpan, speechStats } from '../helpers/speech-audio.js';
import { goertzel, type Pcm, readWav } from '../helpers/tones.js';

const TEXT = 'UBND xã thông báo: 17h30 ngày 05/12/2026 họp dân tại nhà văn hóa.';
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

let d: Daemon;
let dir: string;
const out = () => join(dir, 'out.wav');

async function json<T>(...args: string[]): Promise<T> {
  const r = await d.ctl('--json', ...args);
  if (r.code !== 0) throw new Error(`stationctl ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

interface LogEntry {
  id: string;
  kind: string;
  tier: string;
  end?: number;
  endReason?: string;
  speech?: { textSha256: string; voice: string; engine: string };
}

const idle = async () => !(await json<{ active: boolean }>('emergency', 'status')).active;

/** Windows (20 ms) where `hz` clearly dominates: the chimes. */
function toneTimes(p: Pcm, hz: number, fromS: number): number[] {
  const win = Math.round(p.rate * 0.02);
  const times: number[] = [];
  const frames = Math.floor(p.data.length / p.channels);
  for (let i = Math.round(fromS * p.rate); i + win <= frames; i += win)
    if (goertzel(p, i, win, hz) > 0.05) times.push(i / p.rate);
  return times;
}

beforeAll(async () => {
  dir = tempDir('loa-say-');
  const cfg = {
    schema: 1,
    sink: { kind: 'wav', path: out() },
    monitor: { enabled: false },
    onAirLog: { enabled: false },
  };
  writeFileSync(join(dir, 'audio.json'), JSON.stringify(cfg));
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
});
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stationctl say', () => {
  it('voice shows the engine and the station accent', async () => {
    const r = await d.ctl('voice');
    expect(r.stdout).toMatch(
      /Voice: vi \(espeak-ng 1\.\d+.*\), speed 140 words\/min, pitch 50; voices: vi, vi-vn-x-central, vi-vn-x-south/,
    );
    expect((await d.ctl('--lang', 'vi', 'voice')).stdout).toMatch(/Giọng đọc: vi/);
  });

  it('reads the notice out between the chimes; the play log has its hash and voice', async () => {
    const r = await d.ctl('say', TEXT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/normal text bulletin .* on zones 1,2,3,4 \(1×\), read by vi \(espeak-ng/);
    expect(r.stdout).toMatch(
      /ủy ban nhân dân xã thông báo: mười bảy giờ ba mươi phút ngày năm tháng mười hai/,
    );
    const entry = await pollUntil(async () => {
      const log = await json<LogEntry[]>('play-log');
      return log.find((e) => e.kind === 'bulletin' && e.end !== undefined);
    }, 60_000);
    expect(entry).toMatchObject({
      tier: 'normal',
      endReason: 'finished',
      speech: { textSha256: sha(TEXT), voice: 'vi', engine: 'espeak-ng' },
    });
    expect(entry.id).toMatch(/^bulletin-normal-\d+-\d+:/); // named by its tier, not emergency-…
    expect((await d.ctl('play-log')).stdout).toMatch(
      new RegExp(`text ${sha(TEXT).slice(0, 12)}… read by vi`),
    );
    await pollUntil(idle, 30_000);

    const p = readWav(out());
    const a880 = toneTimes(p, 880, 0);
    const first = a880[0] as number; // the attention chime starts
    const last = a880[a880.length - 1] as number; // the closing chime ends on 880 Hz
    const c659 = toneTimes(p, 659, last - 1.5).filter((t) => t < last);
    expect(c659.length).toBeGreaterThan(10); // closing: 659 Hz, then 880 Hz
    const speech = speechStats(p, first + 1.5, (c659[0] as number) - 0.05);
    expect(speech.durationS).toBeGreaterThan(3); // ≈ 30 syllables at 140 wpm ≈ 13 s with its pauses
    expect(speech.activeFraction).toBeGreaterThan(0.5);
    expect(speech.speechBandFraction).toBeGreaterThan(0.8);
    expect(activeSpan(p, last + 0.7)).toBeUndefined(); // nothing after the closing chime
  });

  it('a second time is served from the render cache', async () => {
    const r = await json<{ rendered: { cached: boolean; textSha256: string } }>('say', TEXT, '--zones', '1');
    expect(r.rendered).toMatchObject({ cached: true, textSha256: sha(TEXT) });
    expect((await d.ctl('say', '--stop')).code).toBe(0);
    expect(await idle()).toBe(true);
  });

  it('a lower tier does not interrupt a higher one; --stop ends it', async () => {
    const long = 'Bão số 9 đang đổ bộ. Bà con khẩn trương sơ tán đến nơi an toàn. '.repeat(4);
    const e = await json<{ tier: string; active: boolean; id: string }>(
      'say',
      long,
      '--tier',
      'emergency',
      '--voice',
      'vi-vn-x-south',
    );
    expect(e).toMatchObject({ tier: 'emergency', active: true });
    expect(e.id).toMatch(/^emergency-\d+-\d+$/);
    const p = await json<{ id: string }>('say', long, '--tier', 'emergency', '--zones', '1');
    expect(p.id).toMatch(/^emergency-/); // equal tier replaces it (long enough to be on air below)
    const no = await d.ctl('say', 'Họp dân lúc 17 giờ.', '--tier', 'priority');
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/an emergency bulletin is on air; a priority bulletin does not interrupt it/);
    expect((await d.ctl('say', '--stop')).stdout).toMatch(/Bulletin stopped/);
    expect(await idle()).toBe(true);
    const pr = await json<{ id: string }>('say', 'Họp dân lúc 17 giờ.', '--tier', 'priority', '--zones', '1');
    expect(pr.id).toMatch(/^bulletin-priority-\d+-\d+$/);
    expect((await d.ctl('say', '--stop')).code).toBe(0);
    expect(await idle()).toBe(true);
  });

  it('refuses bad input, naming the field and what is allowed', async () => {
    const long = await d.ctl('say', 'a'.repeat(2001));
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/text: 2001 characters; a text bulletin is at most 2000 characters/);
    const tier = await d.ctl('say', 'xin chào', '--tier', 'urgent');
    expect(tier.stderr).toMatch(/tier: allowed: "normal", "priority", "emergency"/);
    const voice = await d.ctl('say', 'xin chào', '--voice', 'en');
    expect(voice.stderr).toMatch(/voice: allowed: "vi", "vi-vn-x-central", "vi-vn-x-south"/);
    const none = await d.ctl('say');
    expect(none.stderr).toMatch(/give the text to read/);
    const zone = await d.ctl('say', 'xin chào', '--zones', '9');
    expect(zone.stderr).toMatch(/zones: zone 9 does not exist/);
    expect(await idle()).toBe(true);
  });
});

describe('a scheduled text item', () => {
  it('is validated with the schedule, then read out in its window; the play log names the text and voice', async () => {
    const tooLong = {
      schema: 1,
      version: 1,
      valid_until: '2030-12-31',
      programmes: [
        {
          id: 'tb',
          title: 'Thông báo',
          source: { kind: 'text', text: 'a'.repeat(2001) },
          start: '05:30',
          duration: '5m',
        },
      ],
    };
    writeFileSync(join(dir, 'long.json'), JSON.stringify(tooLong));
    const bad = await d.ctl('schedule', 'check', join(dir, 'long.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/programme "tb" \(programmes\[0\]\) source.text: at most 2000 characters/);

    // a one-off a few seconds from now, local time in Vietnam (UTC+7, no DST)
    const at = new Date(Date.now() + 7 * 3_600_000 + 5000);
    const text = 'Bà con chú ý: 17h chiều nay họp dân.';
    const sched = {
      ...tooLong,
      programmes: [
        {
          id: 'tb',
          title: 'Thông báo họp dân',
          tier: 'priority',
          source: { kind: 'text', text, voice: 'vi-vn-x-central', repeat: 2 },
          date: at.toISOString().slice(0, 10),
          start: at.toISOString().slice(11, 19),
          duration: '2m',
        },
      ],
    };
    writeFileSync(join(dir, 'text.json'), JSON.stringify(sched));
    expect((await d.ctl('schedule', 'apply', join(dir, 'text.json'))).code).toBe(0);
    const e = await pollUntil(async () => {
      const log = await json<LogEntry[]>('play-log');
      return log.find(
        (x) => x.kind === 'programme' && x.speech?.textSha256 === sha(text) && x.end !== undefined,
      );
    }, 90_000);
    expect(e).toMatchObject({
      tier: 'priority',
      endReason: 'finished',
      speech: { voice: 'vi-vn-x-central' },
    });
  });
});
