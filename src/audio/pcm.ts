/**
 * The one PCM format inside the engine (DESIGN.md decision 4): signed 16-bit little-endian,
 * 48 kHz, stereo, handled in 20 ms frames. Every decoder is told to produce exactly this, so
 * the switcher only ever copies, scales and mixes whole frames.
 */
export {
  BYTES_PER_MS,
  CHANNELS,
  FFMPEG,
  FFMPEG_PCM,
  FFMPEG_PCM_STDIN,
  FRAME_BYTES,
  FRAME_MS,
  FRAME_SAMPLES,
  SAMPLE_RATE,
} from '../media/pcm-format.js';

import { BYTES_PER_MS, CHANNELS, FRAME_BYTES, FRAME_MS, SAMPLE_RATE } from '../media/pcm-format.js';

const FULL_SCALE = 32768;

export function msToFrames(ms: number): number {
  return Math.max(0, Math.round(ms / FRAME_MS));
}

export function bytesToMs(bytes: number): number {
  return bytes / BYTES_PER_MS;
}

export function silentFrame(): Buffer {
  return Buffer.alloc(FRAME_BYTES);
}

/** An Int16 view of a frame; copies when the buffer is not 2-byte aligned. */
export function samples(frame: Buffer): Int16Array {
  if (frame.byteOffset % 2 === 0) return new Int16Array(frame.buffer, frame.byteOffset, frame.length / 2);
  const copy = Buffer.from(frame);
  return new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2);
}

export interface FrameLevel {
  /** Peak sample magnitude, 0..1 of full scale. */
  peak: number;
  /** Mean square, 0..1 of full scale squared. */
  meanSquare: number;
}

export function measure(frame: Buffer): FrameLevel {
  const s = samples(frame);
  let peak = 0;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s[i] as number;
    const a = v < 0 ? -v : v;
    if (a > peak) peak = a;
    sum += v * v;
  }
  return { peak: peak / FULL_SCALE, meanSquare: s.length ? sum / s.length / (FULL_SCALE * FULL_SCALE) : 0 };
}

/** dBFS of a 0..1 amplitude; −120 stands for digital silence. */
export function ampToDb(a: number): number {
  return a > 1e-6 ? 20 * Math.log10(a) : -120;
}

/** dBFS of a mean square (RMS relative to full scale, so a full-scale sine reads −3 dB). */
export function msToDb(ms: number): number {
  return ms > 1e-12 ? 10 * Math.log10(ms) : -120;
}

const clamp16 = (x: number) => (x > 32767 ? 32767 : x < -32768 ? -32768 : Math.round(x));

/**
 * Scales a frame in place by a gain moving linearly from g0 to g1 across the frame, so gain
 * changes never step inside a frame (a step is a click).
 */
export function applyRamp(frame: Buffer, g0: number, g1: number): void {
  if (g0 === 1 && g1 === 1) return;
  const s = samples(frame);
  const n = s.length / CHANNELS;
  const direct = s.buffer === frame.buffer;
  for (let i = 0; i < n; i++) {
    const g = g0 + ((g1 - g0) * (i + 1)) / n;
    for (let c = 0; c < CHANNELS; c++) {
      const k = i * CHANNELS + c;
      s[k] = clamp16((s[k] as number) * g);
    }
  }
  if (!direct) Buffer.from(s.buffer, s.byteOffset, s.byteLength).copy(frame);
}

/**
 * Equal-power crossfade of two uncorrelated programmes: gains cos/sin of the position keep
 * the summed power constant (the usual broadcast-console curve). `from`/`to` are positions
 * 0..1 at the start and end of this frame.
 */
export function crossfade(outgoing: Buffer, incoming: Buffer, from: number, to: number): Buffer {
  const a = samples(outgoing);
  const b = samples(incoming);
  const out = Buffer.alloc(FRAME_BYTES);
  const o = new Int16Array(out.buffer, out.byteOffset, out.length / 2);
  const n = o.length / CHANNELS;
  for (let i = 0; i < n; i++) {
    const p = from + ((to - from) * (i + 1)) / n;
    const ga = Math.cos((p * Math.PI) / 2);
    const gb = Math.sin((p * Math.PI) / 2);
    for (let c = 0; c < CHANNELS; c++) {
      const k = i * CHANNELS + c;
      o[k] = clamp16((a[k] as number) * ga + (b[k] as number) * gb);
    }
  }
  return out;
}

/** A 44-byte WAV header for our format (sizes may be fixed up later). */
export function wavHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  const size = Math.min(dataBytes, 0xffffffff - 36);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + size, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(CHANNELS, 22);
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * CHANNELS * 2, 28);
  h.writeUInt16LE(CHANNELS * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(size, 40);
  return h;
}
