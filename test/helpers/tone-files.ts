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
  const out: string[] = [];
  if (o.rate) out.push('-ar', String(o.rate));
  if (o.channels) out.push('-ac', String(o.channels));
  return renderLavfi(file, `sine=frequency=${o.hz}:duration=${o.seconds}`, out);
}

/** Renders an ffmpeg lavfi graph (a sine, silence, bursts) to `file`; `out`: output options. */
export function renderLavfi(file: string, graph: string, out: string[] = []): string {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    graph,
    ...out,
    file,
  ]);
  return file;
}
