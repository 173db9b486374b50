/**
 * The hub's audit trail: every operator request that changes something (SendCommand,
 * PushSchedule, UploadMedia) and every refused request, with who (the verified certificate),
 * role, parameters and result. ListAudit shows these beside the stations' own audit events
 * (kind "command", forwarded through the outbox), oldest first.
 */
import type { Clock } from '../core/clock.js';
import type { LoaError } from '../core/errors.js';
import { redact, resultOf } from '../security/audit.js';
import type { Caller } from '../security/identity.js';
import { queryEvents } from './history.js';
import type { SqlDb } from './sql.js';

export interface AuditQuery {
  stationId?: string | undefined;
  sinceMs?: number | undefined;
  limit: number;
}

export interface AuditEntry {
  source: 'hub' | 'station';
  stationId: string;
  tsMs: number;
  who: string;
  role: string;
  via: string;
  action: string;
  params: Record<string, unknown>;
  result: string;
  errorCode: string;
  message: string;
}

interface Row {
  ts: number;
  who: string;
  role: string;
  via: string;
  action: string;
  params: string;
  result: string;
  error_code: string;
  message: string;
  stations: string;
}

export class AuditStore {
  private readonly insert;
  private readonly recent;

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit (ts, who, role, via, action, params, result, error_code, message, stations)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.recent = db.prepare(
      `SELECT * FROM (SELECT * FROM audit WHERE ts >= ? AND (? = '' OR (',' || stations || ',') LIKE ?)
       ORDER BY id DESC LIMIT ?) AS recent ORDER BY ts, id`,
    );
  }

  add(
    caller: Pick<Caller, 'who' | 'via'> & { role: string },
    action: string,
    params: unknown,
    stations: string[],
    error?: LoaError,
  ): void {
    const p = JSON.stringify(redact(params ?? {}));
    this.insert.run(
      this.clock.now(),
      caller.who,
      caller.role,
      caller.via,
      action,
      p.length > 4000 ? '{"truncated":true}' : p,
      resultOf(error),
      error?.code ?? '',
      error?.message ?? '',
      stations.join(','),
    );
  }

  list(q: AuditQuery): AuditEntry[] {
    const id = q.stationId ?? '';
    const hub = (this.recent.all(q.sinceMs ?? 0, id, `%,${id},%`, q.limit) as Row[]).map(
      (r): AuditEntry => ({
        source: 'hub',
        stationId: r.stations,
        tsMs: r.ts,
        who: r.who,
        role: r.role,
        via: r.via,
        action: r.action,
        params: JSON.parse(r.params),
        result: r.result,
        errorCode: r.error_code,
        message: r.message,
      }),
    );
    const stations = queryEvents(this.db, {
      stationId: q.stationId,
      sinceMs: q.sinceMs,
      limit: q.limit,
      kind: 'command',
    })
      .filter((e) => e.event.kind === 'command')
      .map((e): AuditEntry => {
        const d = e.event.details as Record<string, unknown>;
        const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
        return {
          source: 'station',
          stationId: e.stationId,
          tsMs: e.ts,
          who: str('who') || 'unknown (before issue 8)',
          role: str('role'),
          via: str('via'),
          action: str('action'),
          params: (d.params as Record<string, unknown>) ?? {},
          result: str('result') || 'ok',
          errorCode: str('code'),
          message: e.event.message,
        };
      });
    return [...hub, ...stations].sort((a, b) => a.tsMs - b.tsMs).slice(-q.limit);
  }
}
