/**
 * What the hub refuses to store from a station's session (issue 13, item 6), whatever the
 * station (a bug, an old version, someone with its key) sends: an event with an unknown
 * severity, an empty or overlong kind, a negative or non-integer timestamp, a message over
 * 4,096 characters or details over 64 KiB; an applied schedule version the hub never issued.
 * A refused item keeps its place in the outbox numbering (the station must not resend it
 * forever): it is stored as a "hub.refused" warning saying what was wrong, never as itself.
 */
import type { IngestItem } from './stations.js';

export const STATION_INPUT_LIMITS = {
  kindChars: 64,
  subChars: 64,
  messageChars: 4096,
  detailsBytes: 64 * 1024,
} as const;

const SEVERITIES: ReadonlySet<string> = new Set(['info', 'warning', 'alarm']);
/** C0 controls and DEL, which have no place in a kind or a sub-system name. */
const CONTROL = {
  test: (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
};

function eventProblem(e: { kind: string; severity: string; sub: string; message: string; details: unknown }) {
  const L = STATION_INPUT_LIMITS;
  if (!SEVERITIES.has(e.severity))
    return `severity "${String(e.severity).slice(0, 20)}" (allowed info, warning, alarm)`;
  if (!e.kind || e.kind.length > L.kindChars || CONTROL.test(e.kind))
    return `kind ${JSON.stringify(String(e.kind).slice(0, 40))} (1 to ${L.kindChars} plain characters)`;
  if (e.sub.length > L.subChars || CONTROL.test(e.sub)) return `sub (at most ${L.subChars} plain characters)`;
  if (e.message.length > L.messageChars)
    return `message of ${e.message.length} characters (at most ${L.messageChars})`;
  const size = Buffer.byteLength(JSON.stringify(e.details ?? {}));
  if (size > L.detailsBytes) return `details of ${size} bytes (at most ${L.detailsBytes})`;
  return undefined;
}

/** Why this item is refused, or undefined. */
export function itemProblem(i: IngestItem): string | undefined {
  if (!Number.isSafeInteger(i.ts) || i.ts < 0)
    return `timestamp ${i.ts} (milliseconds since 1970, not negative)`;
  return i.kind === 'event' ? eventProblem(i.event) : undefined;
}

/** The item, or the "hub.refused" warning that takes its place. */
export function screenItem(i: IngestItem): { item: IngestItem; problem?: string } {
  const problem = itemProblem(i);
  if (!problem) return { item: i };
  const event = {
    seq: i.kind === 'event' ? i.event.seq : 0,
    kind: 'hub.refused',
    severity: 'warning' as const,
    sub: 'hub',
    message: `the hub refused this outbox item: ${problem}`,
    details: { seq: i.seq, problem },
  };
  return {
    item: { seq: i.seq, ts: Math.max(0, Number.isSafeInteger(i.ts) ? i.ts : 0), kind: 'event', event },
    problem,
  };
}

/** An applied schedule version is one the hub issued: 0 .. the latest it holds. */
export function appliedProblem(applied: number, latest: number): string | undefined {
  if (Number.isSafeInteger(applied) && applied >= 0 && applied <= latest) return undefined;
  return `applied schedule version ${applied} was never issued by this hub (latest ${latest})`;
}
