/**
 * `speech.json` in the data directory: the station's voice. The accent is the listeners'
 * (a commune in Huế hears `vi-vn-x-central`, one in the Mekong delta `vi-vn-x-south`);
 * speed and pitch are the district's taste. Created with defaults on first start.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';
import { VIETNAMESE_VOICES } from './engine.js';

export const voiceSchema = z.enum(VIETNAMESE_VOICES);
/** espeak-ng's range is 80–450 wpm; below 100 or above 250 Vietnamese is hard to follow. */
export const speedSchema = z.number().int().min(80).max(300);
export const pitchSchema = z.number().int().min(0).max(99);

export const ENGINES = ['espeak-ng', 'sherpa-onnx'] as const;

export const speechSettingsSchema = z
  .object({
    schema: z.literal(1),
    /** espeak-ng (always there) or sherpa-onnx with a natural voice model the district provisions. */
    engine: z.enum(ENGINES).default('espeak-ng'),
    /** The natural voice's folder (sherpa-onnx layout: one *.onnx, tokens.txt, espeak-ng-data/). */
    model: z.string().min(1).optional(),
    /** The speaker in a multi-speaker model. */
    speakerId: z.number().int().min(0).max(10_000).default(0),
    /** CPU threads for the neural model: 2 of a Pi 4's 4 cores leave the rest to audio. */
    threads: z.number().int().min(1).max(8).default(2),
    /** The listeners' accent: espeak-ng's voice, and how numbers are read (also with a model). */
    voice: voiceSchema.default('vi'),
    /** 140 wpm: a public-address reading pace, slower than espeak-ng's 175 default. */
    speed: speedSchema.default(140),
    pitch: pitchSchema.default(50),
  })
  .refine((s) => s.engine !== 'sherpa-onnx' || s.model !== undefined, {
    path: ['model'],
    message: 'engine "sherpa-onnx" needs "model": the folder of the voice model installed on this station',
  });
export type SpeechSettings = z.infer<typeof speechSettingsSchema>;

export function defaultSpeechSettings(): SpeechSettings {
  return speechSettingsSchema.parse({ schema: 1 });
}

export function speechSettingsDoc(dataDir: string, clock: Clock): JsonDoc<SpeechSettings> {
  return new JsonDoc({
    file: join(dataDir, 'speech.json'),
    schema: speechSettingsSchema,
    version: 1,
    defaults: defaultSpeechSettings,
    clock,
  });
}
