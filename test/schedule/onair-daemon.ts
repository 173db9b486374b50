import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Daemon, ROOT, startDaemon } from '../helpers/daemon.js';
import { makeTone } from '../helpers/tone-files.js';

export interface Heard {
  at: number;
  hz: number;
}

export interface OnAirDaemon {
  d: Daemon;
  dir: string;
  /** Tone changes heard at the output so far. */
  heard(): Heard[];
  /** A WAV of `seconds` of a sine at `hz` (48 kHz stereo), made with ffmpeg. */
  tone(hz: number, seconds: number): string;
}

export async function startOnAirDaemon(dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<OnAirDaemon> {
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const heardFile = join(dir, 'heard.jsonl');
  const sink = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'test', 'helpers', 'tone-sink.mjs'))} ${JSON.stringify(heardFile)}`;
  writeFileSync(
    join(data, 'audio.json'),
    JSON.stringify({
      schema: 1,
      sink: { kind: 'pipe', command: sink },
      onAirLog: { enabled: false },
      monitor: { enabled: false },
    }),
  );
  const d = await startDaemon(['--profile', 'sim', '--data-dir', data], extraEnv);
  return {
    d,
    dir,
    heard() {
      if (!existsSync(heardFile)) return [];
      return readFileSync(heardFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Heard);
    },
    tone(hz, seconds) {
      const file = join(dir, `tone-${hz}-${seconds}.wav`);
      if (!existsSync(file)) makeTone(file, { hz, seconds, rate: 48_000, channels: 2 });
      return file;
    },
  };
}

/** "HH:MM:SS" of an instant in Vietnam (the schedule's default zone). */
export function vnTime(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(11, 19);
}

export function vnDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A schedule of one-off items, each `seconds` long, starting at the given instants. */
export function oneOffs(items: Array<{ id: string; at: number; file: string; seconds: number }>): unknown {
  return {
    schema: 1,
    version: 1,
    valid_until: '2099-12-31',
    programmes: items.map((i) => ({
      id: i.id,
      title: `test ${i.id}`,
      source: { kind: 'file', file: { path: i.file } },
      date: vnDate(i.at),
      start: vnTime(i.at),
      duration: `${i.seconds}s`,
      zones: 'all',
    })),
  };
}
