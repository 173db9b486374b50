/** The ALSA sink through ffmpeg's real ALSA output (alsa-lib's "null" PCM: no sound card needed), and the pipe sink. */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Children } from '../../src/audio/children.js';
import { FRAME_BYTES } from '../../src/audio/pcm.js';
import { ChildSink } from '../../src/audio/sinks.js';
import { SystemClock } from '../../src/core/clock.js';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { sinePcm } from '../helpers/tones.js';

const children = new Children();
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function frames(ms: number): Buffer[] {
  const pcm = sinePcm(1000, ms);
  const out: Buffer[] = [];
  for (let i = 0; i + FRAME_BYTES <= pcm.length; i += FRAME_BYTES) out.push(pcm.subarray(i, i + FRAME_BYTES));
  return out;
}

describe('sinks', () => {
  it('plays into an ALSA device and reports a missing one with ALSA’s own words', async () => {
    const states: string[] = [];
    const clock = new SystemClock();
    const ok = ChildSink.alsa('null', { clock, children });
    await ok.open();
    for (const f of frames(500)) ok.write(f);
    await new Promise((r) => setTimeout(r, 300));
    expect(ok.status()).toMatchObject({ kind: 'alsa', target: 'null', ok: true, framesWritten: 25 });
    await ok.close();
    const bad = ChildSink.alsa('nosuchdev', { clock, children, onState: (s, e) => states.push(`${s} ${e}`) });
    await bad.open();
    for (const f of frames(200)) bad.write(f);
    await pollUntil(async () => states.length > 0, 10_000);
    expect(states[0]).toMatch(/^false exited 1: .*nosuchdev/);
    expect(bad.status().ok).toBe(false);
    await bad.close();
    expect(children.count).toBe(0);
  });

  it('pipes raw PCM into a command', async () => {
    const dir = tempDir('loa-sink-');
    dirs.push(dir);
    const out = join(dir, 'pcm.raw');
    const sink = ChildSink.command(`cat > '${out}'`, { clock: new SystemClock(), children });
    await sink.open();
    const fs = frames(200);
    for (const f of fs) sink.write(f);
    await sink.close();
    expect(statSync(out).size).toBe(fs.length * FRAME_BYTES);
    expect(readFileSync(out).subarray(0, FRAME_BYTES)).toEqual(fs[0]);
  });
});
