/**
 * espeak-ng (Debian's package) as the embedded engine: formant synthesis, small and fast
 * (≈ 10 ms for a sentence here), robotic but intelligible, with three Vietnamese voices.
 * The text goes on stdin (UTF-8, `-b 1`), never on the command line: no argument injection
 * and no ARG_MAX limit. Every run is bounded in time.
 */
import { execFile, spawn } from 'node:child_process';
import { LoaError } from '../core/errors.js';
import type { RenderOptions, TtsEngine } from './engine.js';

export const ESPEAK = process.env.LOA_ESPEAK || 'espeak-ng';
const RENDER_TIMEOUT_MS = 30_000;

export class EspeakEngine implements TtsEngine {
  readonly id = 'espeak-ng';
  private ver: Promise<string> | undefined;

  constructor(private readonly bin = ESPEAK) {}

  version(): Promise<string> {
    this.ver ??= run(this.bin, ['--version']).then((out) => {
      const m = /text-to-speech:\s*(\S+)/.exec(out);
      return m?.[1] ?? out.trim().split('\n')[0] ?? 'unknown';
    });
    this.ver.catch(() => {
      this.ver = undefined; // installed later: ask again
    });
    return this.ver;
  }

  async voices(): Promise<string[]> {
    const out = await run(this.bin, ['--voices=vi']);
    return out
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[1])
      .filter((v): v is string => !!v);
  }

  render(text: string, o: RenderOptions, outWav: string): Promise<void> {
    const args = [
      '-b',
      '1',
      '-v',
      o.voice,
      '-s',
      String(o.speed),
      '-p',
      String(o.pitch),
      '-w',
      outWav,
      '--stdin',
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.bin, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), RENDER_TIMEOUT_MS);
      child.stderr.on('data', (b: Buffer) => {
        if (err.length < 2000) err += b.toString();
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(unavailable(this.bin, e));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) return resolve();
        const why = signal ? `killed after ${RENDER_TIMEOUT_MS} ms` : err.trim() || `exit ${code}`;
        reject(new LoaError('UNAVAILABLE', `espeak-ng could not render the text: ${why}`));
      });
      child.stdin.on('error', () => undefined); // reported by 'close'
      child.stdin.end(text);
    });
  }
}

function unavailable(bin: string, e: Error): LoaError {
  const missing = (e as { code?: string }).code === 'ENOENT';
  return new LoaError(
    'UNAVAILABLE',
    missing
      ? `${bin} is not installed; install it with: sudo apt-get install espeak-ng`
      : `${bin}: ${e.message}`,
  );
}

function run(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 10_000 }, (e, stdout) =>
      e ? reject(unavailable(bin, e)) : resolve(stdout),
    );
  });
}
