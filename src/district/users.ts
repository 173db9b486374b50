/**
 * The browser console's people, their sessions and alarm acknowledgements, in the hub's SQLite
 * database (beside stations, commands, audit). A session is kept as the sha256 of its cookie
 * value, so reading the database gives no one a live session; deleting a user's rows logs
 * them out everywhere at once (every console request looks its session up here).
 */
import type { Clock } from '../core/clock.js';
import type { Role } from '../security/roles.js';
import type { SqlDb } from './sql.js';

export interface UserRow {
  name: string;
  role: Role;
  hash: string;
  disabled: number;
  created: number;
  updated: number;
}

export interface ConsoleSession {
  id: string;
  user: string;
  csrf: string;
  address: string;
  created: number;
  seen: number;
}

export interface AlarmAck {
  station: string;
  key: string;
  since: number;
  who: string;
  note: string;
  at: number;
}

export const USERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS console_users (
  name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL, updated INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS console_sessions (
  id TEXT PRIMARY KEY, "user" TEXT NOT NULL, csrf TEXT NOT NULL, address TEXT NOT NULL,
  created INTEGER NOT NULL, seen INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS console_sessions_by_user ON console_sessions ("user");
CREATE TABLE IF NOT EXISTS alarm_acks (
  station TEXT NOT NULL, key TEXT NOT NULL, since INTEGER NOT NULL, who TEXT NOT NULL,
  note TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (station, key, since)
);
`;

export class UserStore {
  private readonly q;

  constructor(
    db: SqlDb,
    private readonly clock: Clock,
  ) {
    db.exec(USERS_SCHEMA);
    this.q = {
      get: db.prepare('SELECT * FROM console_users WHERE name = ?'),
      list: db.prepare('SELECT * FROM console_users ORDER BY name'),
      add: db.prepare(
        'INSERT INTO console_users (name, role, hash, disabled, created, updated) VALUES (?, ?, ?, 0, ?, ?)',
      ),
      passwd: db.prepare('UPDATE console_users SET hash = ?, updated = ? WHERE name = ?'),
      disable: db.prepare('UPDATE console_users SET disabled = ?, updated = ? WHERE name = ?'),
      session: db.prepare('SELECT * FROM console_sessions WHERE id = ?'),
      open: db.prepare(
        'INSERT INTO console_sessions (id, "user", csrf, address, created, seen) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      seen: db.prepare('UPDATE console_sessions SET seen = ? WHERE id = ?'),
      end: db.prepare('DELETE FROM console_sessions WHERE id = ?'),
      endUser: db.prepare('DELETE FROM console_sessions WHERE "user" = ?'),
      ack: db.prepare(
        `INSERT INTO alarm_acks (station, key, since, who, note, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (station, key, since) DO UPDATE SET who = excluded.who, note = excluded.note, at = excluded.at`,
      ),
      acks: db.prepare('SELECT * FROM alarm_acks ORDER BY at DESC, station, key LIMIT ?'),
    };
  }

  get(name: string): UserRow | undefined {
    return this.q.get.get(name) as UserRow | undefined;
  }

  list(): UserRow[] {
    return this.q.list.all() as UserRow[];
  }

  add(name: string, role: Role, hash: string): void {
    const now = this.clock.now();
    this.q.add.run(name, role, hash, now, now);
  }

  /** A new password ends the user's sessions everywhere. */
  setPassword(name: string, hash: string): boolean {
    const changed = this.q.passwd.run(hash, this.clock.now(), name).changes > 0;
    if (changed) this.q.endUser.run(name);
    return changed;
  }

  /** Disabling ends the user's sessions everywhere. */
  setDisabled(name: string, disabled: boolean): boolean {
    const changed = this.q.disable.run(disabled ? 1 : 0, this.clock.now(), name).changes > 0;
    if (changed && disabled) this.q.endUser.run(name);
    return changed;
  }

  session(id: string): ConsoleSession | undefined {
    return this.q.session.get(id) as ConsoleSession | undefined;
  }

  openSession(s: Omit<ConsoleSession, 'created' | 'seen'>): void {
    const now = this.clock.now();
    this.q.open.run(s.id, s.user, s.csrf, s.address, now, now);
  }

  touchSession(id: string): void {
    this.q.seen.run(this.clock.now(), id);
  }

  endSession(id: string): void {
    this.q.end.run(id);
  }

  /** Logout everywhere: returns how many sessions ended. */
  endSessionsOf(user: string): number {
    return this.q.endUser.run(user).changes;
  }

  acknowledge(a: Omit<AlarmAck, 'at'>): AlarmAck {
    const at = this.clock.now();
    this.q.ack.run(a.station, a.key, a.since, a.who, a.note, at);
    return { ...a, at };
  }

  acknowledgements(limit: number): AlarmAck[] {
    return this.q.acks.all(limit) as AlarmAck[];
  }
}
