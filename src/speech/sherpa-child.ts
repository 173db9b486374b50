/**
 * The natural-voice runtime in its own process (spawned by sherpa.ts): sherpa-onnx's native
 * addon aborts the whole process on a model it cannot parse (measured with 1.13.8: a corrupt
 * .onnx ends in `terminate … Ort::Exception`, SIGABRT), so it never runs inside the station
 * daemon. Protocol: one JSON object a line on stdin, one reply a line on stdout —
 * `{op:"load", config}` → `{ok, sampleRate, numSpeakers, version, onnxruntime}`, then
 * `{op:"render", id, text, sid, speed, out}` → `{id, ok, samples, sampleRate}`; an error
 * replies `{ok:false, error}`. Standalone on purpose (no imports of Loa's modules): it runs
 * from dist/ or, under the tests, as TypeScript with Node's type stripping.
 */
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

interface Sherpa {
  OfflineTts: new (
    config: unknown,
  ) => {
    sampleRate: number;
    numSpeakers: number;
    generate(r: { text: string; sid: number; speed: number }): { samples: Float32Array; sampleRate: number };
  };
  writeWave(file: string, w: { samples: Float32Array; sampleRate: number }): boolean;
  version: string;
  onnxruntimeVersion?: string;
}

type Tts = InstanceType<Sherpa['OfflineTts']>;
interface Request {
  op: 'load' | 'render';
  id?: number;
  config?: unknown;
  text?: string;
  sid?: number;
  speed?: number;
  out?: string;
}

const require = createRequire(import.meta.url);
let sherpa: Sherpa | undefined;
let tts: Tts | undefined;

function reply(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(o)}\n`);
}

function load(config: unknown): Record<string, unknown> {
  sherpa = require('sherpa-onnx-node') as Sherpa;
  // sherpa-onnx validates the files first ("Please check your config!"; the reason on stderr)
  tts = new sherpa.OfflineTts(config);
  return {
    sampleRate: tts.sampleRate,
    numSpeakers: tts.numSpeakers,
    version: sherpa.version,
    onnxruntime: sherpa.onnxruntimeVersion ?? null,
  };
}

function render(m: Request): Record<string, unknown> {
  if (!tts || !sherpa) throw new Error('no model loaded');
  const a = tts.generate({ text: m.text ?? '', sid: m.sid ?? 0, speed: m.speed ?? 1 });
  if (!a.samples.length) throw new Error('the model produced no audio for this text');
  if (!sherpa.writeWave(m.out ?? '', a)) throw new Error(`could not write ${m.out}`);
  return { samples: a.samples.length, sampleRate: a.sampleRate };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let m: Request | undefined;
  try {
    m = JSON.parse(line) as Request;
    reply({ id: m.id, ok: true, ...(m.op === 'load' ? load(m.config) : render(m)) });
  } catch (e) {
    reply({ id: m?.id, ok: false, error: (e as Error).message });
  }
});
process.stdin.on('end', () => process.exit(0));
