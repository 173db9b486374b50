/**
 * The natural voice as the speech module runs it: the model named in speech.json is found
 * (sherpa-model.ts) and loaded in the background at start, so a slow load never delays the
 * station being ready; until it has loaded, renders wait for it. A missing, corrupt or
 * crashing model raises the `speech.fallback` alarm once and espeak-ng reads every bulletin
 * (a notice read by a robotic voice beats a notice not read). The switch lasts until restart.
 */
import type { ModuleContext } from '../module/module.js';
import type { SpeechSettings } from './config.js';
import type { TtsEngine } from './engine.js';
import { SherpaEngine } from './sherpa.js';
import { resolveVitsModel, systemEspeakData } from './sherpa-model.js';
import type { Speaker } from './speaker.js';

export const FALLBACK_ALARM = 'speech.fallback';

export interface NaturalStatus {
  engine: 'sherpa-onnx';
  model: string;
  state: 'loading' | 'loaded' | 'failed';
  version?: string;
  sampleRate?: number;
  error?: string;
}

export interface NaturalVoice {
  engine: SherpaEngine | undefined;
  fallback: { engine: TtsEngine; onFallback: (e: Error) => void };
  attach(speaker: Speaker): void;
  status(): NaturalStatus;
  close(): void;
}

export async function naturalVoice(
  s: SpeechSettings,
  ctx: ModuleContext,
  espeak: TtsEngine,
): Promise<NaturalVoice | undefined> {
  if (s.engine !== 'sherpa-onnx' || !s.model) return undefined;
  const model = s.model;
  const st: NaturalStatus = { engine: 'sherpa-onnx', model, state: 'loading' };
  const onFallback = (e: Error) => {
    st.state = 'failed';
    st.error = e.message;
    ctx.alarms.raise(
      FALLBACK_ALARM,
      'speech',
      `the natural voice is not in use (${e.message}); text bulletins are read by espeak-ng`,
      { model },
    );
  };
  let engine: SherpaEngine | undefined;
  let startError: Error | undefined;
  try {
    const files = resolveVitsModel(model, await systemEspeakData());
    engine = new SherpaEngine({ files, threads: s.threads, speaker: s.speakerId });
  } catch (e) {
    startError = e as Error;
  }
  return {
    engine,
    fallback: { engine: espeak, onFallback },
    attach(speaker) {
      // the model's files are not there: espeak-ng is already the engine; say so once
      if (startError || !engine) return onFallback(startError ?? new Error('no model'));
      engine.load().then(
        (l) => {
          st.state = 'loaded';
          st.version = `${l.version} ${engine?.files.name} ${l.modelSha256.slice(0, 12)}`;
          st.sampleRate = l.sampleRate;
        },
        (e: Error) => speaker.fallBack(e),
      );
    },
    status: () => ({ ...st }),
    close: () => engine?.close(),
  };
}
