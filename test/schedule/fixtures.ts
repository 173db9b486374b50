/** Schedule documents for the tests, built from small overrides. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/daemon.js';

export const ZONES = [1, 2, 3, 4];
export const TZ = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;

export type Raw = Record<string, unknown>;

export function programme(id: string, over: Raw = {}): Raw {
  return {
    id,
    title: `Programme ${id}`,
    source: { kind: 'file', file: { path: `/media/${id}.mp3` } },
    start: '05:30',
    duration: '1h',
    ...over,
  };
}

export function doc(programmes: Raw[], over: Raw = {}): Raw {
  return { schema: 1, version: 1, valid_until: '2030-12-31', programmes, ...over };
}

export function sampleDoc(): Raw {
  return JSON.parse(readFileSync(join(ROOT, 'schedule', 'sample.json'), 'utf8'));
}

/** Epoch ms of a local wall time in Vietnam (UTC+7, no DST). */
export function vn(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}

export { HOUR };
