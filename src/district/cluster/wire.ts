/**
 * The bus's NOTIFY payloads: compact JSON, each under PostgreSQL's 8000-byte limit (a payload
 * over it is an error, not a truncation), so a burst is sent as several notifications.
 */
import type { BusMessage } from './bus.js';

/** Below the 8000-byte NOTIFY limit with room for the envelope; counted in UTF-16 units ≈ bytes for ids. */
export const MAX_PAYLOAD = 7000;

/** A station's line in a "changed" payload: [id] (not held by the sender) or [id, since, lastContact]. */
export type StateEntry = [string] | [string, number, number];
export type WakeEntry = [string, 'c', string[]] | [string, 'd'];
export type EventsEntry = [string, number, number];

export interface Payload {
  /** The sending hub (a hub hears its own notifications too, and skips them). */
  f: string;
  w?: WakeEntry[];
  s?: StateEntry[];
  e?: EventsEntry[];
  /** Taken over: [station, since]. */
  t?: [string, number];
}

/** Splits entries into groups whose JSON stays under MAX_PAYLOAD. */
export function chunked<T>(entries: T[], max = MAX_PAYLOAD): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const e of entries) {
    const n = JSON.stringify(e).length + 1;
    if (cur.length > 0 && size + n > max) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(e);
    size += n;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** What a received payload says, as bus messages (malformed parts are skipped: a wake-up only). */
export function decode(p: Payload): BusMessage[] {
  const out: BusMessage[] = [];
  for (const w of p.w ?? []) {
    if (w[1] === 'c') out.push({ kind: 'commands', station: w[0], ids: w[2] ?? [] });
    else out.push({ kind: 'desired', station: w[0] });
  }
  if (p.s?.length) out.push({ kind: 'changed', hub: p.f, stations: p.s.map((s) => s[0]) });
  for (const [station, after, upTo] of p.e ?? []) out.push({ kind: 'events', station, after, upTo });
  if (p.t) out.push({ kind: 'taken', station: p.t[0], hub: p.f, since: p.t[1] });
  return out;
}
