/**
 * The station's voice, from the speech module's status: espeak-ng there (text bulletins can
 * be read at all), and, where speech.json names a natural voice model, whether it loaded —
 * a model that is missing or fails is a warning (espeak-ng reads instead: the `speech.fallback`
 * alarm), never silence.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../../core/i18n.js';
import { resolveVitsModel, systemEspeakData } from '../../speech/sherpa-model.js';
import { type Finding, fault, ok, warn } from './types.js';

interface SpeechSection {
  engine?: string;
  version?: string | null;
  available?: boolean;
  problem?: string;
  natural?: { model: string; state: 'loading' | 'loaded' | 'failed'; version?: string; error?: string };
}

export function checkSpeech(speech: unknown): Finding[] {
  const s = speech as SpeechSection | undefined;
  if (!s || s.available === undefined) return [];
  const n = s.natural;
  if (n?.state === 'failed')
    return [warn('speech', 'doc.speech.fallback', { model: n.model, error: n.error ?? '' })];
  if (!s.available) return [fault('speech', 'doc.speech.none', { problem: s.problem ?? '' })];
  if (n?.state === 'loaded')
    return [ok('speech', 'doc.speech.natural', { model: n.model, version: n.version ?? '' })];
  if (n?.state === 'loading') return [ok('speech', 'doc.speech.loading', { model: n.model })];
  return [ok('speech', 'doc.speech.ok', { engine: s.engine ?? 'espeak-ng', version: s.version ?? '' })];
}

/**
 * Without the daemon too: speech.json names a natural voice — are its files there? (Whether it
 * loads is the daemon's to say: loading runs the model.) Same id as the daemon's finding, so
 * the two merge into one.
 */
export async function checkSpeechModel(dataDir: string): Promise<Finding[]> {
  let s: { engine?: unknown; model?: unknown };
  try {
    s = JSON.parse(await readFile(join(dataDir, 'speech.json'), 'utf8'));
  } catch {
    return []; // none yet (defaults: espeak-ng) or unreadable (the daemon recovers it)
  }
  if (s.engine !== 'sherpa-onnx' || typeof s.model !== 'string') return [];
  try {
    resolveVitsModel(s.model, await systemEspeakData());
    return [ok('speech', 'doc.speech.files', { model: s.model })];
  } catch (e) {
    return [warn('speech', 'doc.speech.fallback', { model: s.model, error: (e as Error).message })];
  }
}

export const speechDoctorMessages: Catalog = {
  'doc.speech.files': {
    en: 'Natural voice model files present: {model}',
    vi: 'Có đủ tệp mô hình giọng đọc tự nhiên: {model}',
  },
  'doc.speech.ok': {
    en: 'Voice for text bulletins: {engine} {version}',
    vi: 'Giọng đọc bản tin văn bản: {engine} {version}',
  },
  'doc.speech.natural': {
    en: 'Natural voice loaded: {model} (sherpa-onnx {version})',
    vi: 'Đã nạp giọng đọc tự nhiên: {model} (sherpa-onnx {version})',
  },
  'doc.speech.loading': {
    en: 'Natural voice {model} is loading',
    vi: 'Đang nạp giọng đọc tự nhiên {model}',
  },
  'doc.speech.fallback': {
    en: 'The natural voice is NOT in use; espeak-ng reads the bulletins: {error}',
    vi: 'KHÔNG dùng được giọng đọc tự nhiên; espeak-ng đang đọc bản tin: {error}',
  },
  'doc.speech.fallback.next': {
    en: 'copy the voice model again into {model} (one .onnx, tokens.txt, espeak-ng-data/), or set "engine": "espeak-ng" in speech.json; then restart loa-station',
    vi: 'chép lại mô hình giọng đọc vào {model} (một tệp .onnx, tokens.txt, espeak-ng-data/), hoặc đặt "engine": "espeak-ng" trong speech.json; rồi khởi động lại loa-station',
  },
  'doc.speech.none': {
    en: 'Text bulletins cannot be read out: {problem}',
    vi: 'Không đọc được bản tin văn bản: {problem}',
  },
  'doc.speech.none.next': {
    en: 'sudo apt-get install espeak-ng, then restart loa-station',
    vi: 'sudo apt-get install espeak-ng, rồi khởi động lại loa-station',
  },
};
