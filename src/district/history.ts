/**
 * Event history across stations, newest last, and the play log: the events whose kind starts
 * with "play" (the audio and schedule modules record what went on air as play.* events).
 */
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
  return rows.map((r) => ({
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
      details: JSON.parse(r.details),
    },
  }));
}
