/**
 * How big a schedule may be, from what a schedule is rather than from a generic key count
 * (docs/schedule.md, "Size limits"). Sized for a year of a busy commune: about 20 weekly
 * rules (news at 06:00 and 17:00, weekly programmes) and three one-off dates a day for 365
 * days is about 1,100 programmes and 250 KB of JSON; the limits leave room for twice that.
 * Bytes bound everything else (keys, strings, parse time); 1 MiB of JSON stays well inside
 * the 4 MiB gRPC message cap once carried as a protobuf Struct to the station.
 */
export const SCHEDULE_LIMITS = {
  /** Programmes (weekly rules and one-off dates together). */
  programmes: 2500,
  /** Files in one playlist (and in a relay's fallback playlist). */
  playlistItems: 500,
  /** priority_order entries. */
  priorityOrder: 200,
  /** The document as JSON, in bytes (UTF-8). */
  bytes: 1024 * 1024,
  /** Nesting: document, programmes, programme, source, fallback, items, ref: 7 used. */
  depth: 12,
} as const;
