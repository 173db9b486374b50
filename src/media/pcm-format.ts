/**
 * The one PCM format inside the engine (DESIGN.md decision 4): signed 16-bit little-endian,
 * 48 kHz, stereo, handled in 20 ms frames. Every decoder is told to produce exactly this, so
 * the switcher only ever copies, scales and mixes whole frames. It lives below audio/ because
 * the media cache's PCM bridges (bridges.ts) are decoded to it too; audio/pcm.ts re-exports it.
 */
export const SAMPLE_RATE = 48_000;
export const CHANNELS = 2;
export const FRAME_MS = 20;
/** Samples per channel in one frame (960). */
export const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;
/** Bytes in one frame (3840). */
export const FRAME_BYTES = FRAME_SAMPLES * CHANNELS * 2;
/** Bytes per millisecond of audio (192). */
export const BYTES_PER_MS = (SAMPLE_RATE * CHANNELS * 2) / 1000;
/** ffmpeg's name for the format, and its options. */
export const FFMPEG_PCM = ['-f', 's16le', '-acodec', 'pcm_s16le', '-ar', String(SAMPLE_RATE), '-ac', '2'];
/** The ffmpeg every decoder, encoder and bridge runs (LOA_FFMPEG overrides it). */
export const FFMPEG = process.env.LOA_FFMPEG || 'ffmpeg';
/** ffmpeg's input options for the engine's own PCM on its stdin (on-air log, ALSA sink): no probing. */
export const FFMPEG_PCM_STDIN = [
  '-hide_banner',
  '-nostats',
  '-loglevel',
  'error',
  '-probesize',
  '32',
  '-analyzeduration',
  '0',
  ...FFMPEG_PCM,
  '-i',
  'pipe:0',
];
