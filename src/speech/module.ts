/**
 * Text-to-speech as a station module ('speech'): loads `speech.json` (engine, model, voice,
 * speed, pitch), builds the engine and a Speaker that keeps renders in the media cache. Other
 * modules use it through port SPEAKER and call `speaker.speak({text, voice})`. With
 * `engine: "sherpa-onnx"` the natural voice's model is loaded in the background at start; a
 * model that is missing or fails raises the `speech.fallback` alarm and espeak-ng speaks. A
 * station without espeak-ng still runs: the module says so in its status and every text is
 * refused with the command that installs it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import type { Handler } from '../core/registry.js';
import { invalidInput } from '../core/validate.js';
import { MEDIA_CACHE } from '../media/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { pitchSchema, type SpeechSettings, speechSettingsDoc, speedSchema, voiceSchema } from './config.js';
import { VIETNAMESE_VOICES } from './engine.js';
import { EspeakEngine } from './espeak.js';
import { type NaturalVoice, naturalVoice } from './natural.js';
import { SPEAKER } from './port.js';
import { Speaker } from './speaker.js';

export const renderParams = z.strictObject({
  text: z.string(),
  voice: voiceSchema.optional(),
  speed: speedSchema.optional(),
  pitch: pitchSchema.optional(),
});

export class SpeechModule implements StationModule {
  readonly name = 'speech';
  readonly wants = [MEDIA_CACHE];
  readonly provides = [SPEAKER];
  private settings!: SpeechSettings;
  private speakerOrNone: Speaker | undefined;
  private version: string | undefined;
  private problem: string | undefined;
  private natural: NaturalVoice | undefined;

  constructor(private readonly o: { dataDir: string }) {}

  /** The station's speaker; throws UNAVAILABLE when the module has not started. */
  get speaker(): Speaker {
    if (!this.speakerOrNone)
      throw new LoaError('UNAVAILABLE', 'text-to-speech is not running on this station');
    return this.speakerOrNone;
  }

  get defaultVoice(): string {
    return this.settings.voice;
  }

  async start(ctx: ModuleContext): Promise<void> {
    const doc = speechSettingsDoc(this.o.dataDir, ctx.clock);
    await doc.load();
    this.settings = doc.data;
    const tmpDir = join(this.o.dataDir, 'speech-tmp');
    await rm(tmpDir, { recursive: true, force: true }); // renders cut by a power loss
    const engine = new EspeakEngine();
    this.natural = await naturalVoice(this.settings, ctx, engine);
    this.speakerOrNone = new Speaker({
      engine: this.natural?.engine ?? engine,
      ...(this.natural ? { fallback: this.natural.fallback } : {}),
      defaults: { voice: this.settings.voice, speed: this.settings.speed, pitch: this.settings.pitch },
      cache: ctx.want(MEDIA_CACHE),
      tmpDir,
    });
    this.natural?.attach(this.speakerOrNone);
    this.version = await engine.version().catch((e: Error) => {
      this.problem = e.message;
      ctx.store.events.emit({
        kind: 'speech.unavailable',
        severity: 'warning',
        sub: 'speech',
        message: `text bulletins cannot be spoken: ${e.message}`,
        text: { key: 'ev.speech.unavailable' },
      });
      return undefined;
    });
    ctx.provide(SPEAKER, this.speakerOrNone);
  }

  async stop(): Promise<void> {
    this.natural?.close();
  }

  methods(): Record<string, Handler> {
    return {
      'speech.status': () => this.status(),
      'speech.render': (x) => this.render(x),
    };
  }

  status(): unknown {
    const s = this.settings;
    const n = this.natural?.status();
    const natural = this.speakerOrNone?.engine.id === 'sherpa-onnx' && n !== undefined;
    return {
      engine: this.speakerOrNone?.engine.id ?? 'espeak-ng',
      version: natural ? (n.version ?? `(${n.state})`) : (this.version ?? null),
      available: natural || this.version !== undefined,
      ...(this.natural ? { natural: this.natural.status() } : {}),
      ...(this.problem && !this.version ? { problem: this.problem } : {}),
      voice: s.voice,
      speed: s.speed,
      pitch: s.pitch,
      voices: VIETNAMESE_VOICES,
    };
  }

  /** Renders into the cache without playing (a technician's check of how a text sounds). */
  private async render(x: unknown) {
    const r = renderParams.safeParse(x ?? {}, { reportInput: true });
    if (!r.success) throw invalidInput('speech.render', r.error.issues);
    return this.speaker.speak(r.data);
  }
}
