/**
 * The CAP alerts the hub received, in its SQLite database: one row per (sender, identifier)
 * — the duplicate key of CAP 1.2 §3.2.1 — with what was done about it, so a repeated alert is
 * ignored, an Update or Cancel finds what it refers to, and `GET /cap/alerts` lists them.
 */
import type { SqlDb } from '../sql.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cap_alerts (
  sender TEXT NOT NULL, identifier TEXT NOT NULL, sent TEXT NOT NULL, received INTEGER NOT NULL,
  msg_type TEXT NOT NULL, status TEXT NOT NULL, tier TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', headline TEXT NOT NULL DEFAULT '',
  text_sha256 TEXT NOT NULL DEFAULT '', expires INTEGER NOT NULL DEFAULT 0,
  commands TEXT NOT NULL DEFAULT '{}', via TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (sender, identifier)
);`;

export type CapState = 'aired' | 'not-aired' | 'cancelled' | 'updated' | 'cancel';

export interface CapRow {
  sender: string;
  identifier: string;
  sent: string;
  received: number;
  msgType: string;
  status: string;
  tier: string;
  state: CapState;
  reason: string;
  headline: string;
  textSha256: string;
  expires: number;
  /** station id → the bulletin.text command sent to it. */
  commands: Record<string, string>;
  via: string;
}

interface Raw extends Omit<CapRow, 'commands' | 'msgType' | 'textSha256'> {
  msg_type: string;
  text_sha256: string;
  commands: string;
}

const fromRaw = (r: Raw): CapRow => ({
  sender: r.sender,
  identifier: r.identifier,
  sent: r.sent,
  received: r.received,
  msgType: r.msg_type,
  status: r.status,
  tier: r.tier,
  state: r.state,
  reason: r.reason,
  headline: r.headline,
  textSha256: r.text_sha256,
  expires: r.expires,
  commands: JSON.parse(r.commands) as Record<string, string>,
  via: r.via,
});

export class CapStore {
  constructor(private readonly db: SqlDb) {
    db.exec(SCHEMA);
  }

  get(sender: string, identifier: string): CapRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM cap_alerts WHERE sender = ? AND identifier = ?')
      .get(sender, identifier);
    return r ? fromRaw(r as Raw) : undefined;
  }

  add(row: CapRow): void {
    this.db
      .prepare(
        `INSERT INTO cap_alerts (sender, identifier, sent, received, msg_type, status, tier, state, reason,
         headline, text_sha256, expires, commands, via) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        row.sender,
        row.identifier,
        row.sent,
        row.received,
        row.msgType,
        row.status,
        row.tier,
        row.state,
        row.reason,
        row.headline,
        row.textSha256,
        row.expires,
        JSON.stringify(row.commands),
        row.via,
      );
  }

  setState(sender: string, identifier: string, state: CapState, reason: string): void {
    this.db
      .prepare('UPDATE cap_alerts SET state = ?, reason = ? WHERE sender = ? AND identifier = ?')
      .run(state, reason, sender, identifier);
  }

  list(limit = 100): CapRow[] {
    return (
      this.db.prepare('SELECT * FROM cap_alerts ORDER BY received DESC LIMIT ?').all(limit) as Raw[]
    ).map(fromRaw);
  }
}
