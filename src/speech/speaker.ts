/**
 * Text → verified audio file, cached by content. The key is the text, the voice, the engine
 * and its version, speed, pitch and the normaliser's version: the same bulletin is rendered
 * once, an upgraded engine or a new voice renders afresh. Renders live in the media cache
 * (`tts-<key>.wav`), so they obey its quota (least recently used out first) and its integrity
 * rule (re-hashed before air; a changed file is quarantined and rendered again).
 */
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaCache } from '../media/cache.js';
import { dialectOf, type RenderOptions, type TtsEngine } from './engine.js';
import { normaliseVietnamese } from './normalize-vi.js';
import { checkText, textSha256 } from './text.js';

/** Bump when normalisation changes what is said: cached renders are then made again. */
export const NORMALISER_VERSION = 1;

export interface SpeakRequest {
  text: string;
  voice?: string | undefined;
  speed?: number | undefined;
  pitch?: number | undefined;
}

export interface Rendered {
  /** A verified file to play (in the media cache), or the caller's output file. */
  path: string;
  sha256?: string;
  textSha256: string;
  /** What the engine was given after normalisation. */
  spoken: string;
  voice: string;
  engine: string;
  engineVersion: string;
  speed: number;
  pitch: number;
  cached: boolean;
  renderMs: number;
}

export interface SpeakerOptions {
  engine: TtsEngine;
  /**
   * Spoken with when `engine` fails (the natural voice's model missing, corrupt or crashing):
   * espeak-ng. The switch lasts until the station restarts; `onFallback` raises the alarm.
   */
  fallback?: { engine: TtsEngine; onFallback: (e: Error) => void };
  defaults: RenderOptions;
  /** Where renders are kept; without one (the hub's preview) `renderTo` writes the caller's file. */
  cache?: MediaCache | undefined;
  tmpDir: string;
}

export class Speaker {
  private seq = 0;
  private active: TtsEngine;
  private fellBack: string | undefined;

  constructor(private readonly o: SpeakerOptions) {
    this.active = o.engine;
  }

  /** The engine in use now (the fallback once the configured one failed). */
  get engine(): TtsEngine {
    return this.active;
  }

  /** Why the configured engine is not in use, if it is not. */
  get fallbackReason(): string | undefined {
    return this.fellBack;
  }

  /** Gives up the configured engine (its model failed to load): the fallback speaks. */
  fallBack(e: Error): boolean {
    const f = this.o.fallback;
    if (!f || this.active === f.engine) return false;
    this.active = f.engine;
    this.fellBack = e.message;
    f.onFallback(e);
    return true;
  }

  /** Runs `fn` with the engine in use; an engine failure moves to the fallback once and retries. */
  private async withEngine<T>(fn: (engine: TtsEngine) => Promise<T>): Promise<T> {
    const engine = this.active;
    try {
      return await fn(engine);
    } catch (e) {
      if (!(e instanceof EngineFailure) || !this.fallBack(e.failure))
        throw e instanceof EngineFailure ? e.failure : e;
      return fn(this.active);
    }
  }

  options(req: SpeakRequest): RenderOptions {
    const d = this.o.defaults;
    return { voice: req.voice ?? d.voice, speed: req.speed ?? d.speed, pitch: req.pitch ?? d.pitch };
  }

  /** Renders (or finds) the speech in the media cache; returns the verified file to air. */
  async speak(req: SpeakRequest): Promise<Rendered> {
    const cache = this.o.cache;
    if (!cache) throw new Error('Speaker.speak needs a media cache; use renderTo');
    const text = checkText(req.text);
    return this.withEngine((engine) => this.speakWith(engine, cache, text, req));
  }

  private async speakWith(engine: TtsEngine, cache: MediaCache, text: string, req: SpeakRequest) {
    const opts = this.options(req);
    const version = await versionOf(engine);
    const name = `tts-${this.key(engine, text, opts, version)}.wav`;
    const t0 = performance.now();
    const hit = cache.lookupQuiet(`media:${name}`);
    const meta = { textSha256: textSha256(text), ...opts, engine: engine.id, engineVersion: version };
    if (hit) {
      const path = await cache.resolveForAir(hit).catch(() => undefined); // corrupt: quarantined, made again
      if (path)
        return { ...meta, path, sha256: hit, spoken: this.spoken(text, opts), cached: true, renderMs: 0 };
    }
    const tmp = await this.tmpFile();
    try {
      const spoken = await this.renderFile(engine, text, opts, tmp);
      const item = await cache.ingest(tmp, { name });
      const path = await cache.resolveForAir(item.sha256);
      return { ...meta, path, sha256: item.sha256, spoken, cached: false, renderMs: ms(t0) };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** Renders into `out` (the hub's preview, the benchmark): no cache. */
  async renderTo(req: SpeakRequest, out: string): Promise<Rendered> {
    const text = checkText(req.text);
    return this.withEngine((engine) => this.renderToWith(engine, text, req, out));
  }

  private async renderToWith(engine: TtsEngine, text: string, req: SpeakRequest, out: string) {
    const opts = this.options(req);
    const version = await versionOf(engine);
    const t0 = performance.now();
    const spoken = await this.renderFile(engine, text, opts, out);
    return {
      path: out,
      textSha256: textSha256(text),
      spoken,
      ...opts,
      engine: engine.id,
      engineVersion: version,
      cached: false,
      renderMs: ms(t0),
    };
  }

  private spoken(text: string, o: RenderOptions): string {
    return normaliseVietnamese(text, { dialect: dialectOf(o.voice) });
  }

  private async renderFile(engine: TtsEngine, text: string, o: RenderOptions, out: string): Promise<string> {
    const spoken = this.spoken(text, o);
    await engine.render(spoken, o, out).catch((e: Error) => {
      throw new EngineFailure(e);
    });
    return spoken;
  }

  private key(engine: TtsEngine, text: string, o: RenderOptions, version: string): string {
    const k = [engine.id, version, NORMALISER_VERSION, o.voice, o.speed, o.pitch, text].join('\n');
    return createHash('sha256').update(k, 'utf8').digest('hex').slice(0, 32);
  }

  private async tmpFile(): Promise<string> {
    await mkdir(this.o.tmpDir, { recursive: true });
    return join(this.o.tmpDir, `tts-${process.pid}-${++this.seq}.wav`);
  }
}

/** The engine itself failed (not the text, not the cache): what makes the fallback speak. */
class EngineFailure extends Error {
  constructor(readonly failure: Error) {
    super(failure.message);
  }
}

function versionOf(engine: TtsEngine): Promise<string> {
  return engine.version().catch((e: Error) => {
    throw new EngineFailure(e);
  });
}

const ms = (t0: number) => Math.round(performance.now() - t0);
