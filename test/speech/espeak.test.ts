/**
 * Real espeak-ng (Debian's package) with its three Vietnamese voices: the audio is checked
 * for what a listener needs (not silent, as long as the text takes to say, energy in the
 * speech band), and the renders are cached in the real media cache by content (text, voice,
 * engine and version, speed), under its integrity rule.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/core/clock.js';
import { MemoryEvents } from '../../src/core/events.js';
import { MediaCache } from '../../src/media/cache.js';
import { VIETNAMESE_VOICES } from '../../src/speech/engine.js';
import { EspeakEngine } from '../../src/speech/espeak.js';
import { Speaker } from '../../src/speech/speaker.js';
import { MAX_TEXT_CHARS } from '../../src/speech/text.js';
import { tempDir } from '../helpers/sim-station.js';
import { speechStats } from '../helpers/speech-audio.js';
import { readWav } from '../helpers/tones.js';

/** 24 syllables (Vietnamese words are one syllable each). */
const NOTICE =
  'Ủy ban nhân dân xã thông báo: sáng mai bà con mang thẻ bảo hiểm y tế đến trạm y tế xã để tiêm vắc xin.';
const SYLLABLES = NOTICE.split(/\s+/).length;

let dir: string;
const engine = new EspeakEngine();

beforeAll(() => {
  dir = tempDir('loa-speech-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('espeak-ng Vietnamese voices', () => {
  it('offers the three Vietnamese voices', async () => {
    expect(await engine.voices()).toEqual(expect.arrayContaining([...VIETNAMESE_VOICES]));
    expect(await engine.version()).toMatch(/^\d+\.\d+/);
  });

  it.each(VIETNAMESE_VOICES)('%s: speech a listener can hear', async (voice) => {
    const out = join(dir, `${voice}.wav`);
    await engine.render(NOTICE, { voice, speed: 140, pitch: 50 }, out);
    const s = speechStats(readWav(out));
    // 24 syllables at 140 words/min ≈ 10 s; espeak-ng's pauses and pace vary by voice
    const expected = (SYLLABLES / 140) * 60;
    expect(s.durationS).toBeGreaterThan(expected * 0.5);
    expect(s.durationS).toBeLessThan(expected * 2);
    expect(s.peakDb).toBeGreaterThan(-20); // not silent, not a whisper
    expect(s.activeFraction).toBeGreaterThan(0.6); // speech, with the pauses of speech
    expect(s.speechBandFraction).toBeGreaterThan(0.8);
  });

  it('speed changes the length: 80 words/min lasts longer than 250', async () => {
    const slow = join(dir, 'slow.wav');
    const fast = join(dir, 'fast.wav');
    await engine.render(NOTICE, { voice: 'vi', speed: 80, pitch: 50 }, slow);
    await engine.render(NOTICE, { voice: 'vi', speed: 250, pitch: 50 }, fast);
    expect(speechStats(readWav(slow)).durationS).toBeGreaterThan(speechStats(readWav(fast)).durationS * 1.8);
  });

  it('an unknown voice is refused with espeak-ng’s words', async () => {
    await expect(
      engine.render('xin chào', { voice: 'xx', speed: 140, pitch: 50 }, join(dir, 'x.wav')),
    ).rejects.toThrow(/espeak-ng could not render the text: .*voice does not exist/);
  });

  it('a missing engine says how to install it', async () => {
    await expect(new EspeakEngine('/nonexistent/espeak-ng').version()).rejects.toThrow(
      /not installed; install it with: sudo apt-get install espeak-ng/,
    );
  });
});

describe('renders cached by content in the media cache', () => {
  let cache: MediaCache;
  let speaker: Speaker;

  beforeAll(async () => {
    const clock = new SystemClock();
    const events = new MemoryEvents();
    cache = new MediaCache({ dir: join(dir, 'media'), clock, events });
    await cache.open();
    speaker = new Speaker({
      engine,
      defaults: { voice: 'vi', speed: 140, pitch: 50 },
      cache,
      tmpDir: join(dir, 'tmp'),
    });
  });
  afterAll(async () => cache.close());

  it('renders once, then serves the verified file; voice or speed render afresh', async () => {
    const a = await speaker.speak({ text: NOTICE });
    expect(a).toMatchObject({ cached: false, voice: 'vi', engine: 'espeak-ng' });
    expect(a.path).toBe(cache.pathOf(a.sha256 as string));
    const again = await speaker.speak({ text: NOTICE });
    expect(again).toMatchObject({ cached: true, path: a.path, textSha256: a.textSha256 });
    const south = await speaker.speak({ text: NOTICE, voice: 'vi-vn-x-south' });
    expect(south.cached).toBe(false);
    expect(south.sha256).not.toBe(a.sha256);
    const faster = await speaker.speak({ text: NOTICE, speed: 180 });
    expect(faster.cached).toBe(false);
    const names = cache.list().map((i) => i.name);
    expect(names.filter((n) => n.startsWith('tts-'))).toHaveLength(3);
  });

  it('a render that changed on disk is quarantined and made again, never aired', async () => {
    const a = await speaker.speak({ text: 'Bà con chú ý.' });
    appendFileSync(a.path, Buffer.alloc(64, 1)); // the file changed on the SD card
    const b = await speaker.speak({ text: 'Bà con chú ý.' });
    expect(b.cached).toBe(false);
    expect(readFileSync(b.path).length).toBeGreaterThan(44);
    expect(cache.list().some((i) => i.sha256 === b.sha256)).toBe(true);
  });

  it('a text over the limit is refused naming the limit; an empty one too', async () => {
    const long = 'bà con '.repeat(400);
    await expect(speaker.speak({ text: long })).rejects.toThrow(
      new RegExp(
        `text: ${[...long.trim()].length} characters; a text bulletin is at most ${MAX_TEXT_CHARS} characters`,
      ),
    );
    await expect(speaker.speak({ text: '   ' })).rejects.toThrow(/text: empty/);
  });
});
