/**
 * A manual play survives kill -9 and a clean restart (the real daemon and stationctl, a real
 * ffmpeg tone), resuming a file at the offset it had reached; `stop` forgets it. The resume
 * rules (clock backwards, too old, relays always) on a ManualClock with a recording port.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_RESUME_MS, ManualPlays } from '../../src/audio/manual-plays.js';
import type { OnAirPort, PlayRequest, Slot } from '../../src/audio/port.js';
import { ManualClock } from '../../src/core/clock.js';
import type { StationEvent } from '../../src/core/events.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

interface OnAir {
  slot: string;
  id?: string;
}

const onAir = async (d: Daemon): Promise<OnAir> =>
  JSON.parse((await d.ctl('audio', 'status', '--json')).stdout).onAir as OnAir;

describe('manual plays across restarts (real daemon)', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('kill -9 and a clean restart both resume the play at its offset; stop forgets it', async () => {
    const data = join(tempDir(), 'data');
    const file = makeTone(join(tempDir(), 'long.wav'), { hz: 500, seconds: 300 });
    const args = ['--profile', 'sim', '--data-dir', data];
    d = await startDaemon(args);
    const play = JSON.parse((await d.ctl('play', file, '--json')).stdout) as { id: string };
    await pollUntil(async () => (await onAir(d as Daemon)).id === play.id, 15_000);
    await d.stop('SIGKILL');
    d = await startDaemon(args);
    await pollUntil(async () => (await onAir(d as Daemon)).id === play.id, 15_000);
    const ev = JSON.parse(
      (await d.ctl('events', '--kind', 'audio.resumed', '--json')).stdout,
    ) as StationEvent[];
    expect(ev.at(-1)?.message).toMatch(
      new RegExp(`resumed after a restart: programme "${play.id}" at \\d+ s`),
    );
    await d.stop('SIGTERM');
    d = await startDaemon(args);
    await pollUntil(async () => (await onAir(d as Daemon)).id === play.id, 15_000);
    expect((await d.ctl('stop')).code).toBe(0);
    await d.stop('SIGTERM');
    d = await startDaemon(args);
    const after = await onAir(d);
    expect(after.id).not.toBe(play.id);
    expect(after.slot).not.toBe('programme');
  });
});

class RecordingPort implements OnAirPort {
  played: Array<{ slot: Slot; req: PlayRequest }> = [];
  private ended = new Set<(slot: Slot, id: string, reason: 'finished') => void>();
  async play(slot: Slot, req: PlayRequest) {
    this.played.push({ slot, req });
  }
  async stop() {}
  onAir() {
    return { slot: 'silence' as const };
  }
  onEnded(cb: (slot: Slot, id: string, reason: 'finished') => void) {
    this.ended.add(cb);
    return () => this.ended.delete(cb);
  }
  end(slot: Slot, id: string) {
    for (const cb of this.ended) cb(slot, id, 'finished');
  }
  onFirstAudio() {
    return () => {};
  }
}

describe('manual play resume rules', () => {
  const setup = () => {
    const clock = new ManualClock(Date.parse('2026-11-30T10:00:00Z'));
    const events: StationEvent[] = [];
    const sink = { emit: (e: Omit<StationEvent, 'seq' | 'ts'>) => events.push(e as StationEvent) };
    const file = join(tempDir(), 'audio-state.json');
    const make = () => new ManualPlays({ file, clock, events: sink as never });
    return { clock, events, make };
  };

  it('a file resumes at its offset; a relay resumes whatever the clock says', async () => {
    const { clock, make } = setup();
    const a = make();
    await a.load();
    await a.remember('programme', 'news', { kind: 'file', path: '/x.mp3', offsetMs: 1000 });
    await a.remember('emergency', 'relay', { kind: 'stream', url: 'http://127.0.0.1:1/live' });
    clock.advance(90_000);
    const b = make();
    await b.load();
    const port = new RecordingPort();
    await b.resume(port);
    expect(port.played).toEqual([
      { slot: 'programme', req: { id: 'news', source: { kind: 'file', path: '/x.mp3', offsetMs: 91_000 } } },
      { slot: 'emergency', req: { id: 'relay', source: { kind: 'stream', url: 'http://127.0.0.1:1/live' } } },
    ]);
    port.end('programme', 'news');
    await pollUntil(async () => b.plays.length === 1, 2_000, 10);
    expect(b.plays.map((p) => p.id)).toEqual(['relay']);
  });

  it('a file is not resumed when the clock went backwards or it is older than the limit', async () => {
    const { clock, events, make } = setup();
    const a = make();
    await a.load();
    await a.remember('programme', 'old', { kind: 'file', path: '/x.mp3' });
    clock.advance(MAX_FILE_RESUME_MS + 60_000);
    const port = new RecordingPort();
    const b = make();
    await b.load();
    await b.resume(port);
    expect(port.played).toEqual([]);
    expect(b.plays).toEqual([]);
    expect(events.map((e) => e.message)).toEqual([
      expect.stringMatching(/not resumed: programme "old" \(started 361 min ago, more than 6 h\)/),
    ]);
    await b.remember('programme', 'back', { kind: 'file', path: '/y.mp3' });
    clock.jumpWall(-3_600_000); // a Pi without a battery clock after a power cut
    const c = make();
    await c.load();
    await c.resume(port);
    expect(port.played).toEqual([]);
    expect(events.at(-1)?.message).toMatch(/the clock is earlier than when it started/);
  });
});
