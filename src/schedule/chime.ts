/**
 * The attention signal played before every emergency message: a two-tone chime ("ding-dong"),
 * generated here as a WAV (s16le, 48 kHz, stereo — the engine's format) so the station needs
 * no bundled audio file. EN 60849 asks for an attention signal before a voice announcement and
 * for the first one within 3 s; it does not fix the tones. 880 Hz then 659 Hz (A5, E5: a falling
 * fourth, the usual gong interval), 0.6 s each with a soft decay, then 0.3 s of silence.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

export const CHIME_TONES_HZ = [880, 659] as const;
/** The closing chime after a text bulletin: the same two tones rising ("that was all"). */
export const CLOSING_TONES_HZ = [659, 880] as const;
const RATE = 48_000;
const TONE_S = 0.6;
const TAIL_S = 0.3;
const AMPLITUDE = 0.5; // −6 dBFS peak

function header(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(2, 22); // stereo
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 4, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export function chimeWav(tones: readonly number[] = CHIME_TONES_HZ): Buffer {
  const toneFrames = Math.round(RATE * TONE_S);
  const frames = toneFrames * tones.length + Math.round(RATE * TAIL_S);
  const data = Buffer.alloc(frames * 4);
  tones.forEach((hz, k) => {
    for (let i = 0; i < toneFrames; i++) {
      const attack = Math.min(1, i / (RATE * 0.005)); // 5 ms: no click
      const decay = Math.exp(-i / (RATE * 0.45));
      const v = Math.round(32767 * AMPLITUDE * attack * decay * Math.sin((2 * Math.PI * hz * i) / RATE));
      const at = (k * toneFrames + i) * 4;
      data.writeInt16LE(v, at);
      data.writeInt16LE(v, at + 2);
    }
  });
  return Buffer.concat([header(data.length), data]);
}

/** Writes the chime into the data dir (atomically, only when missing or different). */
export async function writeChime(file: string, tones: readonly number[] = CHIME_TONES_HZ): Promise<string> {
  const wav = chimeWav(tones);
  const old = await readFile(file).catch(() => undefined);
  if (old?.equals(wav)) return file; // no SD-card write on every boot
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, wav, { mode: 0o640 });
  await rename(tmp, file);
  return file;
}
