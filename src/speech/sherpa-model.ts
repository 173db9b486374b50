/**
 * A natural-voice model as the operator installs it: a directory in sherpa-onnx's layout for
 * VITS/piper voices (e.g. `vits-piper-vi_VN-vais1000-medium/`: one `*.onnx`, `tokens.txt`,
 * and `espeak-ng-data/` for piper's phonemizer, or `lexicon.txt`). We ship no weights. Each
 * missing piece is named with its full path, so a technician knows which file to copy.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LoaError } from '../core/errors.js';

export interface VitsModelFiles {
  dir: string;
  /** The model's name for people and the render cache key (the .onnx file without extension). */
  name: string;
  model: string;
  tokens: string;
  /** espeak-ng-data for piper voices (the model's own, else the system's). */
  dataDir?: string;
  lexicon?: string;
}

const bad = (msg: string) => new LoaError('UNAVAILABLE', `natural voice model: ${msg}`);

/** Finds the model's files in `dir`; `systemData` is the system's espeak-ng-data, if any. */
export function resolveVitsModel(dir: string, systemData?: string): VitsModelFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw bad(`${dir} does not exist or is not a directory (speech.json "model": the voice's folder)`);
  const onnx = readdirSync(dir).filter((f) => f.endsWith('.onnx'));
  if (onnx.length === 0) throw bad(`no *.onnx model file in ${dir}`);
  if (onnx.length > 1) throw bad(`${dir} holds ${onnx.length} models (${onnx.join(', ')}); keep one`);
  const model = join(dir, onnx[0] as string);
  if (statSync(model).size === 0) throw bad(`${model} is empty`);
  const tokens = join(dir, 'tokens.txt');
  if (!existsSync(tokens)) throw bad(`${tokens} is missing (the model's phoneme table)`);
  const own = join(dir, 'espeak-ng-data');
  const lexicon = join(dir, 'lexicon.txt');
  const files: VitsModelFiles = { dir, name: basename(model, '.onnx'), model, tokens };
  if (existsSync(join(own, 'phontab'))) files.dataDir = own;
  else if (existsSync(lexicon)) files.lexicon = lexicon;
  else if (systemData && existsSync(join(systemData, 'phontab'))) files.dataDir = systemData;
  else throw bad(`neither ${own} nor ${lexicon} is there, and espeak-ng's own data was not found`);
  return files;
}

/** The system espeak-ng's data folder ("Data at: …" in `espeak-ng --version`). */
export function systemEspeakData(bin = process.env.LOA_ESPEAK || 'espeak-ng'): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: 10_000 }, (e, out) =>
      resolve(e ? undefined : /Data at:\s*(\S+)/.exec(out)?.[1]),
    );
  });
}

/** sha256 of the model file, streamed (a medium piper voice is ≈ 60 MB). */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (b) => h.update(b))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
