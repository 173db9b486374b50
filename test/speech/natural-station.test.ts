/**
 * The natural voice in the real station daemon (sim profile, WAV sink): speech.json names a
 * model folder. A missing model → the `speech.fallback` alarm, doctor's warning naming the
 * folder, `stationctl voice` saying why, and the notice still read (by espeak-ng). The
 * tiny model made here (test/helpers/tiny-vits.ts, real sherpa-onnx) → the bulletin is
 * rendered by sherpa-onnx and the play log names it and the model.
 */
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { writeTinyVits } from '../helpers/tiny-vits.js';
import { readWav } from '../helpers/tones.js';

let d: Daemon | undefined;
let dir: string;

interface LogEntry {
  end?: number;
  speech?: { engine: string; engineVersion?: string; textSha256: string };
}

async function start(model: string): Promise<Daemon> {
  writeFileSync(join(dir, 'speech.json'), JSON.stringify({ schema: 1, engine: 'sherpa-onnx', model }));
  return startDaemon(['--profile', 'sim', '--data-dir', dir]);
}

async function sayAndLog(daemon: Daemon, text: string): Promise<LogEntry> {
  const r = await daemon.ctl('say', text, '--zones', '1');
  expect(r.code).toBe(0);
  return pollUntil(async () => {
    const log = JSON.parse((await daemon.ctl('--json', 'play-log')).stdout) as LogEntry[];
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    return log.find((e) => e.end !== undefined && e.speech?.textSha256 === sha);
  }, 60_000);
}

beforeAll(() => {
  dir = tempDir('loa-natural-station-');
  const audio = { schema: 1, sink: { kind: 'wav', path: join(dir, 'out.wav') }, monitor: { enabled: false } };
  writeFileSync(join(dir, 'audio.json'), JSON.stringify({ ...audio, onAirLog: { enabled: false } }));
  writeTinyVits(join(dir, 'voices', 'tiny'));
});
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('natural voice in the station', () => {
  it('a missing model: alarm, doctor warning, and espeak-ng reads the notice', async () => {
    const missing = join(dir, 'voices', 'gone');
    d = await start(missing);
    const voice = await pollUntil(async () => {
      const r = await (d as Daemon).ctl('voice');
      return /NOT in use/.test(r.stdout) ? r.stdout : undefined;
    }, 30_000);
    expect(voice).toMatch(/Voice: vi \(espeak-ng 1\.\d+/);
    expect(voice).toMatch(new RegExp(`Natural voice ${missing} NOT in use .*${missing} does not exist`));
    const doc = await d.ctl('doctor');
    expect(doc.stdout).toMatch(
      /The natural voice is NOT in use; espeak-ng reads the bulletins: natural voice model: /,
    );
    expect(doc.stdout).toMatch(/copy the voice model again into/);
    const alarms = JSON.parse((await d.ctl('--json', 'status')).stdout).alarms as Array<{ key: string }>;
    expect(alarms.map((a) => a.key)).toContain('speech.fallback');
    expect((await sayAndLog(d, 'Họp dân lúc 17 giờ.')).speech?.engine).toBe('espeak-ng');
    await d.stop();
    // doctor without the daemon still finds the model missing, from speech.json
    const down = await d.ctl('--data-dir', dir, 'doctor');
    expect(down.stdout).toMatch(new RegExp(`natural voice model: ${missing} does not exist`));
    d = undefined;
  }, 120_000);

  it('the model installed: sherpa-onnx reads the notice; the play log names it', async () => {
    d = await start(join(dir, 'voices', 'tiny'));
    const voice = await pollUntil(async () => {
      const r = await (d as Daemon).ctl('voice');
      return /sherpa-onnx 1\.13\.8 tiny/.test(r.stdout) ? r.stdout : undefined;
    }, 60_000);
    expect(voice).not.toMatch(/NOT in use/);
    expect((await d.ctl('doctor')).stdout).toMatch(
      /Natural voice loaded: .*tiny \(sherpa-onnx 1\.13\.8 tiny [0-9a-f]{12}\)/,
    );
    const e = await sayAndLog(d, 'Bão số 9 đang đổ bộ, bà con sơ tán ngay.');
    expect(e.speech).toMatchObject({
      engine: 'sherpa-onnx',
      engineVersion: expect.stringMatching(/^1\.13\.8 tiny [0-9a-f]{12}$/),
    });
  }, 120_000);

  it('districtctl bulletin preview --model renders with the natural voice; a wrong folder is named', async () => {
    const out = join(dir, 'preview.wav');
    const tiny = join(dir, 'voices', 'tiny');
    const r = await districtctl(
      1,
      'bulletin',
      'preview',
      'Họp dân lúc 17:30.',
      '--out',
      out,
      '--model',
      tiny,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /Preview written to .*preview\.wav \(voice vi, sherpa-onnx 1\.13\.8 tiny [0-9a-f]{12}\)/,
    );
    expect(readWav(out).rate).toBe(22050);
    const bad = await districtctl(1, 'bulletin', 'preview', 'x', '--out', out, '--model', join(dir, 'nope'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/natural voice model: .*nope does not exist or is not a directory/);
  }, 60_000);
});
