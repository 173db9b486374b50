/**
 * Event history across stations, newest last, and the play log: the events whose kind starts
 * with "play" (the audio and schedule modules record what went on air as play.* events).
 */
import { derivedText } from '../core/event-text.js';
import type { Text } from '../core/i18n.js';
import type { SqlDb } from './sql.js';
import type { StoredEvent } from './stations.js';

export interface EventQuery {
  stationId?: string | undefined;
  sinceMs?: number | undefined;
  afterSeq?: number | undefined;
  limit: number;
  severity?: string | undefined;
  kind?: string | undefined;
  playLog?: boolean;
}

interface EventRow {
  station: string;
  seq: number;
  ts: number;
  received: number;
  event_seq: number;
  kind: string;
  severity: string;
  sub: string;
  message: string;
  details: string;
  /** The keyed text as JSON; '' when the station sent none. */
  text: string;
}

export function queryEvents(db: SqlDb, q: EventQuery): StoredEvent[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, ...v: (string | number)[]) => {
    where.push(sql);
    args.push(...v);
  };
  if (q.stationId) add('station = ?', q.stationId);
  if (q.sinceMs) add('ts >= ?', q.sinceMs);
  if (q.afterSeq) add('seq > ?', q.afterSeq);
  if (q.severity) add('severity = ?', q.severity);
  if (q.kind) add('(kind = ? OR kind LIKE ?)', q.kind, `${q.kind}.%`);
  if (q.playLog) add("(kind = 'play' OR kind LIKE 'play.%' OR kind LIKE 'playlog%')");
  const sql = `SELECT * FROM (SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY received DESC, station, seq DESC LIMIT ?) AS recent ORDER BY received, station, seq`;
  const rows = db.prepare(sql).all(...args, q.limit) as EventRow[];
  return rows.map((r) => eventOfRow(r));
}

function eventOfRow(r: EventRow): StoredEvent {
  const details = JSON.parse(r.details);
  return {
    stationId: r.station,
    seq: r.seq,
    ts: r.ts,
    received: r.received,
    event: {
      seq: r.event_seq,
      kind: r.kind,
      severity: r.severity as StoredEvent['event']['severity'],
      sub: r.sub,
      message: r.message,
      details,
      text: r.text ? (JSON.parse(r.text) as Text) : derivedText(r.kind, details),
    },
  };
}

export interface MeasurementQuery {
  stationId: string;
  sinceMs: number;
  untilMs: number;
  /** Only rows whose changes hold a key starting with this (e.g. "modules.lines.zones."). */
  keyPrefix: string;
  limit: number;
  /** Rows before sinceMs to read the values in force at the start from (newest first). */
  before: number;
}

export interface MeasurementRow {
  ts: number;
  changes: Record<string, unknown>;
}

/**
 * A station's stored measurements (status changes past their deadband) in a time range, oldest
 * first — the newest `limit` of them when there are more (`truncated`) — and up to `before`
 * rows just before the range, newest first, to know the values in force when it starts.
 */
export function queryMeasurements(
  db: SqlDb,
  q: MeasurementQuery,
): { rows: MeasurementRow[]; earlier: MeasurementRow[]; truncated: boolean } {
  const like = `%"${q.keyPrefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const inRange = db
    .prepare(
      `SELECT ts, changes FROM measurements WHERE station = ? AND ts >= ? AND ts <= ? AND changes LIKE ? ESCAPE '\\'
       ORDER BY ts DESC, seq DESC LIMIT ?`,
    )
    .all(q.stationId, q.sinceMs, q.untilMs, like, q.limit + 1) as { ts: number; changes: string }[];
  const earlier = db
    .prepare(
      `SELECT ts, changes FROM measurements WHERE station = ? AND ts < ? AND changes LIKE ? ESCAPE '\\'
       ORDER BY ts DESC, seq DESC LIMIT ?`,
    )
    .all(q.stationId, q.sinceMs, like, q.before) as { ts: number; changes: string }[];
  const parse = (r: { ts: number; changes: string }) => ({ ts: r.ts, changes: JSON.parse(r.changes) });
  return {
    rows: inRange.slice(0, q.limit).reverse().map(parse),
    earlier: earlier.map(parse),
    truncated: inRange.length > q.limit,
  };
}
