/**
 * A station whose sound card is tone-sink.mjs (real time, Goertzel per 20 ms, each tone change
 * stamped with Date.now()): the set-up of its data directory and what it heard.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './daemon.js';

export interface Heard {
  at: number;
  hz: number;
}

/** Writes DIR/ID/audio.json: the output is the tone sink, which logs to DIR/ID.heard.jsonl. */
export function toneSinkStation(dir: string, id: string): void {
  mkdirSync(join(dir, id), { recursive: true });
  const sinkJs = join(ROOT, 'test', 'helpers', 'tone-sink.mjs');
  const sink = [process.execPath, sinkJs, join(dir, `${id}.heard.jsonl`)]
    .map((s) => JSON.stringify(s))
    .join(' ');
  writeFileSync(
    join(dir, id, 'audio.json'),
    JSON.stringify({
      schema: 1,
      sink: { kind: 'pipe', command: sink },
      monitor: { enabled: false },
      onAirLog: { enabled: false },
    }),
  );
}

/** What station ID's tone sink has heard so far (nothing yet: empty). */
export function heardAt(dir: string, id: string): Heard[] {
  const f = join(dir, `${id}.heard.jsonl`);
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Heard);
}
