/**
 * What the station needs from a text-to-speech engine: render a (normalised) text with a
 * voice into a WAV file. Engines run offline on the station (the text travels, the speech is
 * made where it is heard). `id` and `version()` are part of the render cache key, so an
 * upgraded engine renders afresh.
 */

export interface RenderOptions {
  voice: string;
  /** Words per minute (espeak-ng's -s). */
  speed: number;
  /** 0–99, 50 = the voice's own (espeak-ng's -p). */
  pitch: number;
}

export interface TtsEngine {
  readonly id: string;
  /** The engine's version string ("1.51"): a different version renders afresh. */
  version(): Promise<string>;
  /** The voices this engine offers here (names accepted by `render`). */
  voices(): Promise<string[]>;
  /** Writes the speech for `text` as a WAV file at `outWav` (overwritten). */
  render(text: string, o: RenderOptions, outWav: string): Promise<void>;
}

/** The Vietnamese voices of espeak-ng (Debian 12, espeak-ng 1.51): northern, central, southern. */
export const VIETNAMESE_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type VietnameseVoice = (typeof VIETNAMESE_VOICES)[number];

/** The accent's way of reading numbers (ngàn / lẻ in the south). */
export function dialectOf(voice: string): 'north' | 'south' {
  return voice.endsWith('-south') ? 'south' : 'north';
}
