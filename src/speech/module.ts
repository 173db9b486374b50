/**
 * Text-to-speech as a station module ('speech'): loads `speech.json` (voice, speed, pitch),
 * builds the engine (espeak-ng) and a Speaker that keeps renders in the media cache. Other
 * modules find it with `speechOf(station)` and call `speaker.speak({text, voice})`. A station
 * without espeak-ng still runs: the module says so in its status and every text is refused
 * with the command that installs it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Handler } from '../api/local.js';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { mediaOf } from '../media/module.js';
import type { StationModule } from '../station/module.js';
import type { Station } from '../station/station.js';
import { pitchSchema, type SpeechSettings, speechSettingsDoc, speedSchema, voiceSchema } from './config.js';
import { VIETNAMESE_VOICES } from './engine.js';
import { EspeakEngine } from './espeak.js';
import { Speaker } from './speaker.js';

export const renderParams = z.strictObject({
  text: z.string(),
  voice: voiceSchema.optional(),
  speed: speedSchema.optional(),
  pitch: pitchSchema.optional(),
});

export class SpeechModule implements StationModule {
  readonly name = 'speech';
  private settings!: SpeechSettings;
  private speakerOrNone: Speaker | undefined;
  private version: string | undefined;
  private problem: string | undefined;

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

  async start(station: Station): Promise<void> {
    const doc = speechSettingsDoc(this.o.dataDir, station.o.clock);
    await doc.load();
    this.settings = doc.data;
    const tmpDir = join(this.o.dataDir, 'speech-tmp');
    await rm(tmpDir, { recursive: true, force: true }); // renders cut by a power loss
    const engine = new EspeakEngine();
    this.speakerOrNone = new Speaker({
      engine,
      defaults: { voice: this.settings.voice, speed: this.settings.speed, pitch: this.settings.pitch },
      cache: mediaOf(station)?.cache,
      tmpDir,
    });
    this.version = await engine.version().catch((e: Error) => {
      this.problem = e.message;
      station.store.events.emit({
        kind: 'speech.unavailable',
        severity: 'warning',
        sub: 'speech',
        message: `text bulletins cannot be spoken: ${e.message}`,
      });
      return undefined;
    });
  }

  async stop(): Promise<void> {}

  methods(): Record<string, Handler> {
    return {
      'speech.status': () => this.status(),
      'speech.render': (x) => this.render(x),
    };
  }

  status(): unknown {
    const s = this.settings;
    return {
      engine: 'espeak-ng',
      version: this.version ?? null,
      available: this.version !== undefined,
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
    if (!r.success) throw new LoaError('INVALID_ARGUMENT', `speech.render: ${formatIssues(r.error.issues)}`);
    return this.speaker.speak(r.data);
  }
}

/** The speech module of a station, if it runs one. */
export function speechOf(station: Station): SpeechModule | undefined {
  return station.modules.find((m): m is SpeechModule => m.name === 'speech' && m instanceof SpeechModule);
}
