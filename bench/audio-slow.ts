/**
 * The `slow` scenario's figures (issue 14): the relay's link carries half the stream's bit
 * rate for SLOW_S seconds (a 4G cell at dusk), then recovers. Read from the sound card's
 * recording in 20 ms windows with the tests' Goertzel (test/helpers/tones.ts):
 * - dead air: every silent window from the first live audio to the end of the slow period
 *   plus 5 s (a stutter counts each time, unlike dead-air.mjs, which stops at the first backup);
 * - live leak: windows where the live 1000 Hz tone is above −30 dBFS while the fallback is on
 *   air — from the end of the first crossfade into the backup (0.5 s after it first dominates)
 *   to the end of the slow period (target 0);
 * - backup after slow: slow link → first backup window.
 */

import { type Pcm, probeMagnitudes, readWav, segments } from '../test/helpers/tones.js';
import type { RunResult } from './audio-scenario.js';
import type { Figure } from './figures.js';

export const SLOW_S = 20;
const WIN_S = 0.02;
const MINUS_30_DBFS = 10 ** (-30 / 20) / 2; // Goertzel magnitude of a sine is A/2

export interface SlowReading {
  deadMs: number;
  leakMs: number;
  backupAfterMs: number;
}

export function readSlow(r: RunResult): SlowReading {
  const pcm = readWav(r.heard);
  const segs = segments(pcm);
  const first = segs.find((s) => s.tone === 1000);
  const endS = r.failedAtS + SLOW_S + 5;
  const dead = segs
    .filter((s) => s.tone === 0 && first && s.end > first.start && s.start < endS)
    .reduce((t, s) => t + Math.min(s.end, endS) - Math.max(s.start, first?.start ?? 0), 0);
  const backup = segs.find((s) => s.tone === 440 && s.start >= r.failedAtS);
  const leakFrom = (backup?.start ?? Number.POSITIVE_INFINITY) + 0.5;
  return {
    deadMs: Math.round(dead * 1000),
    leakMs: leakMs(pcm, leakFrom, r.failedAtS + SLOW_S),
    backupAfterMs: backup ? Math.round((backup.start - r.failedAtS) * 1000) : Number.NaN,
  };
}

function leakMs(p: Pcm, fromS: number, toS: number): number {
  const win = Math.round(p.rate * WIN_S);
  const last = Math.min(Math.round(toS * p.rate), Math.floor(p.data.length / p.channels));
  let n = 0;
  for (let f = Math.round(fromS * p.rate); f + win <= last; f += win)
    if ((probeMagnitudes(p, f, win)[1000] as number) > MINUS_30_DBFS) n++;
  return Math.round(n * WIN_S * 1000);
}

export function slowFigures(prefix: string, r: RunResult, peer: boolean): Figure[] {
  const s = readSlow(r);
  const note = `link at half the bit rate for ${SLOW_S} s`;
  const out: Figure[] = [
    {
      name: `${prefix}dead_air_slow_ms`,
      value: s.deadMs,
      unit: 'ms',
      note: `${note}: all silence from the first live audio to 5 s after; backup after ${s.backupAfterMs} ms, live leak ${s.leakMs} ms`,
    },
  ];
  if (peer) return out;
  out.push(
    {
      name: `${prefix}live_leak_under_fallback_ms`,
      value: s.leakMs,
      unit: 'ms',
      note: `${note}: live tone above −30 dBFS while the fallback is on air (target 0)`,
    },
    {
      name: `${prefix}switch_events_slow`,
      value: r.switches ?? Number.NaN,
      unit: 'events',
      note: `${note}: audio.switch events logged from the slow link on (recovery and hold-off included)`,
    },
    {
      name: `${prefix}backup_after_slow_ms`,
      value: s.backupAfterMs,
      unit: 'ms',
      note: `${note}: → first backup window`,
    },
  );
  return out;
}
