/**
 * The natural-voice engine: real sherpa-onnx (npm sherpa-onnx-node 1.13.8, its prebuilt addon
 * on this Node) in its child process. Where no voice model can be installed (here), a tiny
 * piper-shaped model made by the test (test/helpers/tiny-vits.ts) proves the real loading and
 * rendering path: sherpa's phonemizer on Debian's espeak-ng-data, the ONNX runtime, the WAV.
 * A real Vietnamese voice is tested only when LOA_TEST_VITS_MODEL names its folder; the skip
 * says so. Missing and corrupt models give errors naming the file; the Speaker falls back to
 * espeak-ng and says why.
 */
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakEngine } from '../../src/speech/espeak.js';
import { SherpaEngine } from '../../src/speech/sherpa.js';
import { resolveVitsModel, systemEspeakData } from '../../src/speech/sherpa-model.js';
import { Speaker } from '../../src/speech/speaker.js';
import { tempDir } from '../helpers/sim-station.js';
import { speechStats } from '../helpers/speech-audio.js';
import { writeTinyVits } from '../helpers/tiny-vits.js';
import { readWav } from '../helpers/tones.js';

const TEXT = 'Bão số 9 đang đổ bộ, bà con khẩn trương sơ tán.';
const opts = { voice: 'vi', speed: 140, pitch: 50 };
let dir: string;
let data: string | undefined;
const engines: SherpaEngine[] = [];

function engineFor(modelDir: string): SherpaEngine {
  const e = new SherpaEngine({ files: resolveVitsModel(modelDir, data), threads: 1, speaker: 0 });
  engines.push(e);
  return e;
}

beforeAll(async () => {
  dir = tempDir('loa-natural-');
  data = await systemEspeakData();
  writeTinyVits(join(dir, 'tiny'));
});
afterAll(() => {
  for (const e of engines) e.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sherpa-onnx with a model made here', () => {
  it('the addon loads on this Node and runs the model on the text phonemes', async () => {
    const e = engineFor(join(dir, 'tiny'));
    const loaded = await e.load();
    expect(loaded).toMatchObject({ sampleRate: 22050, numSpeakers: 1, version: '1.13.8' });
    expect(await e.version()).toMatch(/^1\.13\.8 tiny [0-9a-f]{12}$/);
    const short = join(dir, 'short.wav');
    const long = join(dir, 'long.wav');
    await e.render('Bà con sơ tán.', opts, short);
    await e.render(TEXT, opts, long);
    const a = readWav(short);
    const b = readWav(long);
    expect(a.rate).toBe(22050);
    // 100 ms per phoneme id (pad ids silent): a longer text has more phonemes, so more audio
    expect(b.data.length).toBeGreaterThan(a.data.length * 2);
    const s = speechStats(b);
    expect(s.peakDb).toBeGreaterThan(-20);
    expect(s.activeFraction).toBeGreaterThan(0.2);
    expect(s.activeFraction).toBeLessThan(0.9); // the blanks between phonemes are silent
  });

  it('a missing folder, model or tokens.txt is named', () => {
    expect(() => resolveVitsModel(join(dir, 'nope'), data)).toThrow(
      `natural voice model: ${join(dir, 'nope')} does not exist or is not a directory`,
    );
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(() => resolveVitsModel(empty, data)).toThrow(`no *.onnx model file in ${empty}`);
    const noTokens = join(dir, 'no-tokens');
    writeTinyVits(noTokens);
    unlinkSync(join(noTokens, 'tokens.txt'));
    expect(() => resolveVitsModel(noTokens, data)).toThrow(`${join(noTokens, 'tokens.txt')} is missing`);
  });

  it('a corrupt model is refused naming the file; the runtime crash stays in its child', async () => {
    const bad = join(dir, 'corrupt');
    writeTinyVits(bad);
    writeFileSync(join(bad, 'tiny.onnx'), Buffer.from('not an onnx model, a truncated copy'.repeat(40)));
    const e = engineFor(bad);
    await expect(e.load()).rejects.toThrow(
      new RegExp(`sherpa-onnx could not load ${join(bad, 'tiny.onnx')}.*Protobuf parsing failed`),
    );
    // still here, and the engine answers again (a new child) with the same clear error
    await expect(e.render(TEXT, opts, join(dir, 'x.wav'))).rejects.toThrow(/Protobuf parsing failed/);
  });

  it('the Speaker falls back to espeak-ng when the model fails, once, and says why', async () => {
    const bad = join(dir, 'corrupt2');
    writeTinyVits(bad);
    writeFileSync(join(bad, 'tiny.onnx'), Buffer.alloc(2000, 7));
    const why: string[] = [];
    const speaker = new Speaker({
      engine: engineFor(bad),
      fallback: { engine: new EspeakEngine(), onFallback: (e) => why.push(e.message) },
      defaults: opts,
      tmpDir: join(dir, 'tmp'),
    });
    const r = await speaker.renderTo({ text: TEXT }, join(dir, 'fallback.wav'));
    expect(r.engine).toBe('espeak-ng');
    expect(speaker.fallbackReason).toMatch(/could not load .*tiny\.onnx/);
    await speaker.renderTo({ text: 'Họp dân.' }, join(dir, 'fallback2.wav'));
    expect(why).toHaveLength(1);
    expect(speechStats(readWav(join(dir, 'fallback.wav'))).speechBandFraction).toBeGreaterThan(0.8);
  });
});

const REAL = process.env.LOA_TEST_VITS_MODEL;
describe.skipIf(!REAL)(
  `a real Vietnamese voice model (${REAL ? REAL : 'SKIPPED: set LOA_TEST_VITS_MODEL to a sherpa-onnx VITS/piper model folder to run'})`,
  () => {
    it('reads a notice as speech: not silent, in the speech band, about as long as the text', async () => {
      const e = engineFor(REAL as string);
      const out = join(dir, 'real.wav');
      await e.render('Ủy ban nhân dân xã thông báo: mười bảy giờ họp dân tại nhà văn hóa.', opts, out);
      const s = speechStats(readWav(out));
      expect(s.peakDb).toBeGreaterThan(-20);
      expect(s.durationS).toBeGreaterThan(2); // 16 syllables at ≈ 3–5 a second
      expect(s.durationS).toBeLessThan(12);
      expect(s.speechBandFraction).toBeGreaterThan(0.6);
    });
  },
);
