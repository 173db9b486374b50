/**
 * Which probe tone was on air when: Goertzel magnitude of each probe frequency over 20 ms
 * windows (a TypeScript port of shared/peer/tones.mjs, so Loa's tests and the peer's
 * figures are read the same way), plus the dead-air reading of shared/peer/dead-air.mjs.
 */
import { readFileSync } from 'node:fs';

export const PROBES = [440, 1000, 2000, 3000];
/** Below this Goertzel magnitude (≈ −40 dBFS of a sine) a window counts as silence. */
export const TONE_FLOOR = 0.01;

export interface Segment {
  tone: number;
  start: number;
  end: number;
}

export interface Pcm {
  rate: number;
  channels: number;
  /** Interleaved samples, −1..1. */
  data: Float32Array;
}

export function goertzel(p: Pcm, startFrame: number, win: number, f: number): number {
  const k = 2 * Math.cos((2 * Math.PI * f) / p.rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < win; i++) {
    const x = p.data[(startFrame + i) * p.channels] as number;
    const s = x + k * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - k * s1 * s2)) / win;
}

/** Magnitudes of each probe in one window. */
export function probeMagnitudes(p: Pcm, startFrame: number, win: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const f of PROBES) out[f] = goertzel(p, startFrame, win, f);
  return out;
}

export function dominant(p: Pcm, startFrame: number, win: number): number {
  const m = probeMagnitudes(p, startFrame, win);
  let best = 0;
  let tone = 0;
  for (const f of PROBES)
    if ((m[f] as number) > best) {
      best = m[f] as number;
      tone = f;
    }
  return best > TONE_FLOOR ? tone : 0;
}

export function segments(p: Pcm, winMs = 20): Segment[] {
  const win = Math.round((p.rate * winMs) / 1000);
  const frames = Math.floor(p.data.length / p.channels);
  const segs: Segment[] = [];
  for (let st = 0; st + win <= frames; st += win) {
    const tone = dominant(p, st, win);
    const t = st / p.rate;
    const last = segs.at(-1);
    if (last && last.tone === tone) last.end = t + win / p.rate;
    else segs.push({ tone, start: t, end: t + win / p.rate });
  }
  return segs.map((s) => ({ tone: s.tone, start: round3(s.start), end: round3(s.end) }));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** s16le interleaved bytes → Pcm. */
export function fromS16(buf: Buffer, rate = 48_000, channels = 2): Pcm {
  const n = Math.floor(buf.length / 2);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = buf.readInt16LE(i * 2) / 32768;
  return { rate, channels, data };
}

export function readWav(file: string): Pcm {
  const buf = readFileSync(file);
  let off = 12;
  let rate = 48_000;
  let channels = 2;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const len = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(off + 10);
      rate = buf.readUInt32LE(off + 12);
    }
    if (id === 'data') {
      const end = len === 0 || off + 8 + len > buf.length ? buf.length : off + 8 + len;
      return fromS16(buf.subarray(off + 8, end), rate, channels);
    }
    off += 8 + len + (len & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

export interface DeadAir {
  deadMs: number;
  liveUntilS: number | undefined;
  backupFromS: number | undefined;
}

/**
 * dead-air.mjs: all silence heard from the first live audio until the backup takes over
 * (a frozen clock, an underrun, a slow switch all count).
 */
export function deadAir(segs: Segment[], live = 1000, backup = 440): DeadAir {
  const first = segs.findIndex((s) => s.tone === live);
  if (first < 0) return { deadMs: Number.NaN, liveUntilS: undefined, backupFromS: undefined };
  const after = segs.findIndex((s, k) => k > first && s.tone === backup);
  const stop = after < 0 ? segs.length : after;
  const window = segs.slice(first, stop);
  const dead = window.filter((s) => s.tone === 0).reduce((t, s) => t + s.end - s.start, 0);
  return {
    deadMs: Math.round(dead * 1000),
    liveUntilS: window.filter((s) => s.tone === live).at(-1)?.end,
    backupFromS: after < 0 ? undefined : segs[after]?.start,
  };
}

/** Silence (tone 0) heard between the first and the last audible window. */
export function silenceInside(segs: Segment[]): number {
  const first = segs.findIndex((s) => s.tone !== 0);
  const last = segs.findLastIndex((s) => s.tone !== 0);
  if (first < 0) return Number.NaN;
  return Math.round(
    segs.slice(first, last + 1).reduce((t, s) => t + (s.tone === 0 ? s.end - s.start : 0), 0) * 1000,
  );
}

/** A sine of `hz` as s16le stereo PCM, continuing phase from `startSample`. */
export function sinePcm(hz: number, ms: number, amplitude = 0.25, startSample = 0, rate = 48_000): Buffer {
  const n = Math.round((rate * ms) / 1000);
  const out = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    const v = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * (startSample + i)) / rate));
    out.writeInt16LE(v, i * 4);
    out.writeInt16LE(v, i * 4 + 2);
  }
  return out;
}
