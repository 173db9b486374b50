import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { NodeScheduleWake } from '../../src/core/wake.js';
import { chimeWav } from '../../src/schedule/chime.js';
import { ClockGate, type SyncState, timedatectlProbe } from '../../src/schedule/clock-gate.js';
import { PlayLog, type PlayLogEntry } from '../../src/schedule/play-log.js';
import type { ScheduleSettings } from '../../src/schedule/settings.js';
import { localParts, zonedEpoch } from '../../src/schedule/zoned-time.js';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

describe('zoned time', () => {
  it('round-trips every instant through local date and time, in Vietnam and in a DST zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
        const vn = localParts(t, 'Asia/Ho_Chi_Minh');
        expect(zonedEpoch(vn.day, vn.msOfDay, 'Asia/Ho_Chi_Minh')).toBe(t);
        expect(vn.msOfDay).toBe((t + 7 * 3_600_000) % 86_400_000);
        const ny = localParts(t, 'America/New_York');
        // a repeated (fall-back) hour maps to its first instant: never later than t
        const back = zonedEpoch(ny.day, ny.msOfDay, 'America/New_York');
        expect(back === t || back === t - 3_600_000).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('clock gate', () => {
  function gate(state: SyncState, over: Partial<ScheduleSettings['clock']> = {}) {
    const settings = { trustedRtc: false, whenUnknown: 'trust' as const, pollMs: 30_000, ...over };
    const clock = new ManualClock();
    const events = new MemoryEvents();
    const alarms = new Alarms(events, () => clock.now());
    const probe = { state };
    const changes: boolean[] = [];
    const g = new ClockGate({
      clock,
      probe: async () => probe.state,
      alarms,
      events,
      settings,
      onChange: (o) => changes.push(o),
    });
    return { g, clock, alarms, probe, changes, events };
  }

  it('opens on sync, closes with an alarm when unsynchronised, and tells the runner', async () => {
    const t = gate('unsynchronised');
    await t.g.start();
    expect(t.g.open).toBe(false);
    expect(t.alarms.has('clock.unsynchronised')).toBe(true);
    t.probe.state = 'synchronised';
    await t.clock.advance(30_000);
    expect(t.g.open).toBe(true);
    expect(t.alarms.has('clock.unsynchronised')).toBe(false);
    expect(t.changes).toEqual([true]);
    t.g.stop();
  });

  it('treats "unknown" per the settings, and a trusted RTC as synchronised', async () => {
    const trust = gate('unknown');
    await trust.g.refresh();
    expect(trust.g.open).toBe(true);
    expect(trust.events.kinds()).toContain('clock.unknown');
    const block = gate('unknown', { whenUnknown: 'block' });
    await block.g.refresh();
    expect(block.g.open).toBe(false);
    const rtc = gate('unsynchronised', { trustedRtc: true, whenUnknown: 'block' });
    await rtc.g.refresh();
    expect(rtc.g.open).toBe(true);
  });

  it('reads timedatectl: yes, no, or unknown when it cannot answer', async () => {
    const dir = tempDir();
    const fake = (out: string) => {
      const f = join(dir, `td-${out || 'empty'}`);
      writeFileSync(f, `#!/bin/sh\n[ "$1 $2 $3 $4" = "show -p NTPSynchronized --value" ] && echo ${out}\n`);
      chmodSync(f, 0o755);
      return f;
    };
    expect(await timedatectlProbe(fake('yes'))()).toBe('synchronised');
    expect(await timedatectlProbe(fake('no'))()).toBe('unsynchronised');
    expect(await timedatectlProbe(fake(''))()).toBe('unknown');
    expect(await timedatectlProbe(join(dir, 'missing'))()).toBe('unknown');
  });
});

describe('node-schedule wake-ups (production timer)', () => {
  it('fires at the wall-clock instant, at once for a past one, and not after cancel', async () => {
    const w = new NodeScheduleWake();
    const fired: string[] = [];
    w.at(Date.now() + 100, () => fired.push('future'));
    w.at(Date.now() - 1000, () => fired.push('past'));
    w.at(Date.now() + 50, () => fired.push('cancelled')).cancel();
    await pollUntil(async () => fired.includes('future'), 5000, 20);
    expect(fired).toEqual(['past', 'future']);
  });
});

describe('play log', () => {
  const entry = (id: string, start: number): PlayLogEntry => ({
    id,
    kind: 'programme',
    title: id,
    tier: 'normal',
    start,
    sources: [{ at: start, using: 'source', kind: 'stream' }],
    zones: [1],
  });

  it('persists, survives a torn last line, keeps an unfinished item as stopped, and stays bounded', async () => {
    const dir = tempDir();
    const events = new MemoryEvents();
    const log = new PlayLog(dir, 10, events);
    await log.load();
    for (let i = 0; i < 30; i++) {
      log.open(entry(`p${i}`, i * 1000));
      log.close(`p${i}`, i * 1000 + 500, 'window ended');
    }
    log.open(entry('open', 99_000));
    await log.flush();
    writeFileSync(
      join(dir, 'playlog.jsonl'),
      `${readFileSync(join(dir, 'playlog.jsonl'), 'utf8')}{"id":"torn`,
    );
    const lines = readFileSync(join(dir, 'playlog.jsonl'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(2 * 10 + 2);
    const again = new PlayLog(dir, 10, events);
    await again.load();
    const all = again.query({ limit: 100 });
    expect(all).toHaveLength(10);
    expect(all.at(-1)).toMatchObject({ id: 'open', endReason: 'station stopped' });
    expect(again.query({ sinceTs: 28_000 }).map((e) => e.id)).toEqual(['p28', 'p29', 'open']);
    expect(events.kinds().filter((k) => k === 'playlog.item')).toHaveLength(30);
  });
});

describe('attention signal', () => {
  it('is a valid 48 kHz stereo WAV carrying 880 Hz then 659 Hz', () => {
    const wav = chimeWav();
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(48_000);
    expect(wav.readUInt16LE(22)).toBe(2);
    const goertzel = (from: number, n: number, hz: number) => {
      const k = (2 * Math.PI * hz) / 48_000;
      let [s1, s2] = [0, 0];
      for (let i = 0; i < n; i++) {
        const x = wav.readInt16LE(44 + (from + i) * 4) / 32768;
        [s1, s2] = [x + 2 * Math.cos(k) * s1 - s2, s1];
      }
      return s1 * s1 + s2 * s2 - 2 * Math.cos(k) * s1 * s2;
    };
    const first = 48_000 * 0.1;
    const second = 48_000 * 0.7;
    expect(goertzel(first, 960, 880)).toBeGreaterThan(100 * goertzel(first, 960, 659));
    expect(goertzel(second, 960, 659)).toBeGreaterThan(100 * goertzel(second, 960, 880));
  });
});

describe('programme sources as the engine plays them', () => {
  const sha = 'a'.repeat(64);
  it('relays with a looping fallback, cached media by reference, files from their offset', async () => {
    const { playable } = await import('../../src/schedule/sources.js');
    expect(
      await playable(
        {
          kind: 'relay',
          url: 'http://x/y',
          fallback: {
            kind: 'playlist',
            items: [{ sha256: sha }, { path: '/m/b.mp3' }],
            shuffle: true,
            loop: false,
          },
        },
        0,
        undefined,
      ),
    ).toEqual({
      source: { kind: 'stream', url: 'http://x/y' },
      fallback: { kind: 'playlist', paths: [`media:${sha}`, '/m/b.mp3'], shuffle: true, loop: true },
    });
    expect(await playable({ kind: 'file', file: { path: '/m/a.mp3' } }, 90_000, undefined)).toEqual({
      source: { kind: 'file', path: '/m/a.mp3', offsetMs: 90_000 },
    });
    await expect(playable({ kind: 'file', file: { sha256: sha } }, 0, async () => undefined)).rejects.toThrow(
      /not in the station's media cache/,
    );
  });
});
