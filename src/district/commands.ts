/**
 * Commands from operators to stations: stored at the hub until delivered and answered, so a
 * station offline when the command was sent gets it when it returns, unless it expired first
 * (then it is marked "expired" and never delivered). A delivered command without a result is
 * delivered again on the next session; the station runs each id at most once and answers a
 * repeat with the recorded outcome.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { dialectOf, type SqlDb } from './sql.js';

export type CommandStatus = 'pending' | 'sent' | 'done' | 'failed' | 'refused' | 'expired';

export interface CommandRow {
  id: string;
  station: string;
  method: string;
  params: string;
  created: number;
  expires: number;
  status: CommandStatus;
  error_code: string;
  message: string;
  result: string;
  updated: number;
  issued_by: string;
  issuer_role: string;
}

export interface CommandOutcome {
  id: string;
  status: string;
  errorCode: string;
  message: string;
  result: unknown;
}

export class CommandStore {
  private readonly q;

  constructor(
    db: SqlDb,
    private readonly clock: Clock,
  ) {
    // commands created in the same millisecond keep the order they were sent in
    const order = dialectOf(db).insertOrder;
    this.q = {
      insert: db.prepare(
        `INSERT INTO commands (id, station, method, params, created, expires, status, updated, issued_by, issuer_role)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      ),
      open: db.prepare(
        `SELECT * FROM commands WHERE station = ? AND status IN ('pending', 'sent') AND expires > ? ORDER BY created, ${order}`,
      ),
      expireFor: db.prepare(
        `UPDATE commands SET status = 'expired', message = 'expired before the station could receive it', updated = ?
         WHERE station = ? AND status IN ('pending', 'sent') AND expires <= ?`,
      ),
      openCounts: db.prepare(
        `SELECT station, count(*) AS n FROM commands WHERE status IN ('pending', 'sent') GROUP BY station`,
      ),
      countOpen: db.prepare(
        `SELECT count(*) AS n FROM commands WHERE station = ? AND status IN ('pending', 'sent')`,
      ),
      byId: db.prepare('SELECT * FROM commands WHERE id = ?'),
      recent: db.prepare(`SELECT * FROM commands ORDER BY created DESC, ${order} DESC LIMIT ?`),
      recentFor: db.prepare(
        `SELECT * FROM commands WHERE station = ? ORDER BY created DESC, ${order} DESC LIMIT ?`,
      ),
      status: db.prepare('UPDATE commands SET status = ?, updated = ? WHERE id = ?'),
      expire: db.prepare(
        `UPDATE commands SET status = 'expired', message = 'expired before the station could receive it', updated = ?
         WHERE status IN ('pending', 'sent') AND expires <= ?`,
      ),
      result: db.prepare(
        `UPDATE commands SET status = ?, error_code = ?, message = ?, result = ?, updated = ?
         WHERE id = ? AND status IN ('pending', 'sent')`,
      ),
    };
  }

  /** `issuer`: the operator who sent it and their role (forwarded to the station, audited there). */
  create(
    station: string,
    method: string,
    params: unknown,
    ttlMs: number,
    issuer: { who: string; role: string } = { who: '', role: '' },
  ): CommandRow {
    const now = this.clock.now();
    const id = randomUUID();
    this.q.insert.run(
      id,
      station,
      method,
      JSON.stringify(params ?? {}),
      now,
      now + ttlMs,
      now,
      issuer.who,
      issuer.role,
    );
    return this.q.byId.get(id) as CommandRow;
  }

  /**
   * Marks this station's expired commands; returns those still to deliver. Only this station's
   * (the index on station, status): an UPDATE over every open command on each station's hello
   * was 10,000 table scans when 10,000 stations reconnect.
   */
  deliverable(station: string): CommandRow[] {
    const now = this.clock.now();
    this.q.expireFor.run(now, station, now);
    return this.q.open.all(station, now) as CommandRow[];
  }

  markSent(id: string): void {
    this.q.status.run('sent', this.clock.now(), id);
  }

  /** The station's answer; a repeat of an answered command changes nothing. */
  result(r: CommandOutcome): void {
    const status = ['done', 'failed', 'refused', 'expired'].includes(r.status) ? r.status : 'failed';
    this.q.result.run(
      status,
      r.errorCode,
      r.message,
      JSON.stringify(r.result ?? null),
      this.clock.now(),
      r.id,
    );
  }

  expireDue(): number {
    const now = this.clock.now();
    return this.q.expire.run(now, now).changes;
  }

  openCount(station: string): number {
    return (this.q.countOpen.get(station) as { n: number }).n;
  }

  openCounts(): Map<string, number> {
    const rows = this.q.openCounts.all() as { station: string; n: number }[];
    return new Map(rows.map((r) => [r.station, r.n]));
  }

  get(id: string): CommandRow | undefined {
    return this.q.byId.get(id) as CommandRow | undefined;
  }

  list(station: string | undefined, limit: number): CommandRow[] {
    this.expireDue();
    return (station ? this.q.recentFor.all(station, limit) : this.q.recent.all(limit)) as CommandRow[];
  }
}
