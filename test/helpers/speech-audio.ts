/**
 * What a listener needs from speech, measured: it is not silent, it lasts about as long as
 * the text takes to say, and its energy is in the speech band (300–3400 Hz, the telephone
 * band ITU-T G.712 keeps for intelligibility; we take 200–4000 Hz) rather than in hum or hiss.
 */
import type { Pcm } from './tones.js';

/** In-place radix-2 FFT of re/im (length a power of two). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len)
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] as number) * wr - (im[b] as number) * wi;
        const xi = (re[b] as number) * wi + (im[b] as number) * wr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
      }
  }
}

export interface SpeechStats {
  durationS: number;
  /** Share of 20 ms windows louder than −40 dBFS RMS. */
  activeFraction: number;
  /** Share of the spectral energy of active frames within 200–4000 Hz. */
  speechBandFraction: number;
  peakDb: number;
}

/** Mono samples (the first channel) of frames [from, to). */
function mono(p: Pcm, from = 0, to = Math.floor(p.data.length / p.channels)): Float64Array {
  const out = new Float64Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = p.data[(from + i) * p.channels] as number;
  return out;
}

export function speechStats(p: Pcm, fromS = 0, toS?: number): SpeechStats {
  const x = mono(p, Math.round(fromS * p.rate), toS === undefined ? undefined : Math.round(toS * p.rate));
  const win = Math.round(p.rate * 0.02);
  let active = 0;
  let windows = 0;
  let peak = 0;
  for (let i = 0; i + win <= x.length; i += win, windows++) {
    let e = 0;
    for (let k = i; k < i + win; k++) {
      const v = x[k] as number;
      e += v * v;
      peak = Math.max(peak, Math.abs(v));
    }
    if (10 * Math.log10(e / win + 1e-12) > -40) active++;
  }
  return {
    durationS: x.length / p.rate,
    activeFraction: windows ? active / windows : 0,
    speechBandFraction: bandFraction(x, p.rate, 200, 4000),
    peakDb: 20 * Math.log10(peak + 1e-12),
  };
}

function bandFraction(x: Float64Array, rate: number, lo: number, hi: number): number {
  const n = 1024;
  let inBand = 0;
  let total = 0;
  for (let i = 0; i + n <= x.length; i += n) {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    let e = 0;
    for (let k = 0; k < n; k++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / (n - 1)); // Hann
      re[k] = (x[i + k] as number) * w;
      e += (x[i + k] as number) ** 2;
    }
    if (10 * Math.log10(e / n + 1e-12) < -40) continue; // pauses say nothing about the band
    fft(re, im);
    for (let b = 1; b < n / 2; b++) {
      const pw = (re[b] as number) ** 2 + (im[b] as number) ** 2;
      const f = (b * rate) / n;
      total += pw;
      if (f >= lo && f <= hi) inBand += pw;
    }
  }
  return total ? inBand / total : 0;
}

/** Seconds of the first and last window louder than −40 dBFS after `fromS`, or undefined. */
export function activeSpan(p: Pcm, fromS = 0): { start: number; end: number } | undefined {
  const x = mono(p);
  const win = Math.round(p.rate * 0.02);
  let start: number | undefined;
  let end = 0;
  for (let i = Math.round(fromS * p.rate); i + win <= x.length; i += win) {
    let e = 0;
    for (let k = i; k < i + win; k++) e += (x[k] as number) ** 2;
    if (10 * Math.log10(e / win + 1e-12) > -40) {
      start ??= i / p.rate;
      end = (i + win) / p.rate;
    }
  }
  return start === undefined ? undefined : { start, end };
}
