/**
 * The natural-voice engine: sherpa-onnx (npm `sherpa-onnx-node`, prebuilt for linux x64 and
 * arm64) running a VITS/piper voice model the operator installed (sherpa-model.ts). The
 * runtime lives in a child process (sherpa-child.ts) kept for the daemon's life: a model that
 * aborts the runtime takes the child down, never the station. Renders are one at a time (the
 * model uses the CPU it is given: `threads`), each bounded in time.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LoaError } from '../core/errors.js';
import type { RenderOptions, TtsEngine } from './engine.js';
import { fileSha256, type VitsModelFiles } from './sherpa-model.js';

/** A medium piper voice loads in ≈ 1 s on a desktop CPU; a Pi 4 is a few times slower. */
const LOAD_TIMEOUT_MS = 60_000;
const RENDER_TIMEOUT_MS = 60_000;
/** The speed (words per minute) at which the model speaks at its own pace (speed 1.0). */
export const MODEL_NATURAL_WPM = 140;

export interface SherpaOptions {
  files: VitsModelFiles;
  threads: number;
  /** The speaker id in a multi-speaker model. */
  speaker: number;
}

export interface SherpaLoaded {
  sampleRate: number;
  numSpeakers: number;
  version: string;
  onnxruntime: string | null;
  modelSha256: string;
}

interface Reply {
  id?: number;
  ok: boolean;
  error?: string;
  [k: string]: unknown;
}

/** The child script: compiled next to this file in dist/, TypeScript next to it under src/. */
function childScript(): string {
  const js = fileURLToPath(new URL('./sherpa-child.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('./sherpa-child.ts', import.meta.url));
}

export class SherpaEngine implements TtsEngine {
  readonly id = 'sherpa-onnx';
  private child: ChildProcessWithoutNullStreams | undefined;
  private loaded: Promise<SherpaLoaded> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private stderr = '';
  private waiting = new Map<
    number,
    { what: string; resolve: (r: Reply) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly o: SherpaOptions) {}

  get files(): VitsModelFiles {
    return this.o.files;
  }

  /** Starts the runtime and loads the model (once); rejects naming the file and the reason. */
  load(): Promise<SherpaLoaded> {
    this.loaded ??= this.start();
    this.loaded.catch(() => {
      this.loaded = undefined; // a fixed model is tried again on the next render
    });
    return this.loaded;
  }

  /** The runtime's version and the model's name and hash: a replaced model renders afresh. */
  async version(): Promise<string> {
    const l = await this.load();
    return `${l.version} ${this.o.files.name} ${l.modelSha256.slice(0, 12)}`;
  }

  async voices(): Promise<string[]> {
    return [this.o.files.name];
  }

  /** `pitch` is not a VITS control (the voice's own); speed maps to the model's length scale. */
  async render(text: string, o: RenderOptions, outWav: string): Promise<void> {
    await this.load();
    const speed = o.speed / MODEL_NATURAL_WPM;
    const what = 'could not render the text';
    const r = await this.request({ op: 'render', text, sid: this.o.speaker, speed, out: outWav }, what);
    if (!r.ok) throw this.failure(what, r.error);
  }

  close(): void {
    this.child?.stdin.end();
    this.child?.kill('SIGTERM');
    this.child = undefined;
  }

  private async start(): Promise<SherpaLoaded> {
    const f = this.o.files;
    const modelSha256 = await fileSha256(f.model);
    const vits = {
      model: f.model,
      tokens: f.tokens,
      ...(f.dataDir ? { dataDir: f.dataDir } : {}),
      ...(f.lexicon ? { lexicon: f.lexicon } : {}),
    };
    const config = {
      model: { vits, numThreads: this.o.threads, provider: 'cpu', debug: 0 },
      maxNumSentences: 1,
    };
    const what = `could not load ${f.model}`;
    const r = await this.request({ op: 'load', config }, what);
    if (!r.ok) throw this.failure(what, r.error);
    return {
      sampleRate: Number(r.sampleRate),
      numSpeakers: Number(r.numSpeakers),
      version: String(r.version),
      onnxruntime: (r.onnxruntime as string | null) ?? null,
      modelSha256,
    };
  }

  /** One request at a time, in order; the child is (re)started when there is none. */
  private request(msg: Record<string, unknown>, what: string): Promise<Reply> {
    const run = this.queue.then(() => this.send(msg, what));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private send(msg: Record<string, unknown>, what: string): Promise<Reply> {
    const timeoutMs = msg.op === 'load' ? LOAD_TIMEOUT_MS : RENDER_TIMEOUT_MS;
    const child = this.child ?? this.spawnChild();
    const id = ++this.seq;
    this.stderr = ''; // what the runtime says about this request only
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(this.failure(what, `no answer within ${timeoutMs / 1000} s`));
        child.kill('SIGKILL');
      }, timeoutMs);
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        f();
      };
      this.waiting.set(id, {
        what,
        resolve: (r) => done(() => resolve(r)),
        reject: (e) => done(() => reject(e)),
      });
      child.stdin.write(`${JSON.stringify({ ...msg, id })}\n`);
    });
  }

  private spawnChild(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, [childScript()], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString()).slice(-4000);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let r: Reply;
      try {
        r = JSON.parse(line) as Reply;
      } catch {
        return; // not ours (a library printing to stdout)
      }
      if (r.id !== undefined) this.waiting.get(r.id)?.resolve(r);
    });
    child.stdin.on('error', () => undefined); // reported by 'exit'
    child.on('error', (e) => this.lost(child, e.message));
    child.on('close', (code, signal) => this.lost(child, signal ? `killed by ${signal}` : `exit ${code}`));
    return child;
  }

  /** The child died: every waiting request fails with what it last said; the next one respawns. */
  private lost(child: ChildProcessWithoutNullStreams, how: string): void {
    if (this.child === child) this.child = undefined;
    this.loaded = undefined;
    for (const w of [...this.waiting.values()])
      w.reject(this.failure(w.what, `the runtime stopped (${how})`));
  }

  private failure(what: string, detail?: string): LoaError {
    const said = lastMeaningfulLines(this.stderr);
    const why = [detail, said].filter((x) => x && x !== 'Please check your config!').join('; ');
    return new LoaError('UNAVAILABLE', `sherpa-onnx ${what}${why ? `: ${why}` : ''}`);
  }
}

/** sherpa-onnx prefixes its log lines with the C++ source location: keep the message. */
function lastMeaningfulLines(s: string): string {
  return s
    .split('\n')
    .map((l) =>
      l
        .replace(/^\/\S+:\w+:\d+\s*/, '')
        .replace(/^what\(\):\s*/, '')
        .trim(),
    )
    .filter((l) => l && !l.startsWith('terminate called'))
    .slice(-3)
    .join(' ');
}
