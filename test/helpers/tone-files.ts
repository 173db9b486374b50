/** Tone files made by the real ffmpeg (the media cache and decoders accept only playable audio). */
import { execFileSync } from 'node:child_process';

export interface ToneFile {
  hz: number;
  seconds: number;
  /** Output sample rate and channels; ffmpeg's defaults for a sine (44.1 kHz mono) otherwise. */
  rate?: number;
  channels?: number;
}

export function makeTone(file: string, o: ToneFile): string {
  const args = [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${o.hz}:duration=${o.seconds}`,
  ];
  if (o.rate) args.push('-ar', String(o.rate));
  if (o.channels) args.push('-ac', String(o.channels));
  execFileSync('ffmpeg', [...args, file]);
  return file;
}
