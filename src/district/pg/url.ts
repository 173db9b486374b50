/**
 * `--db postgres://USER@HOST:PORT/DATABASE` (or LOA_DB): which PostgreSQL the hub uses. A URL
 * holding a password is refused: a command line is readable by every user of the machine
 * (`ps`), so the password goes to libpq through PGPASSFILE (a 0600 ~/.pgpass) or PGPASSWORD,
 * which libpq reads itself. Query parameters (sslmode=…) pass through to libpq.
 */
import { LoaError } from '../../core/errors.js';

export interface DbUrl {
  /** What libpq connects with (a connect timeout and application name added). */
  conninfo: string;
  /** The database as logs, errors and `db status` name it. */
  where: string;
}

/** True for a URL that names PostgreSQL (anything else is a SQLite data directory's business). */
export function isPostgresUrl(v: string | undefined): v is string {
  return v !== undefined && /^postgres(ql)?:\/\//i.test(v);
}

function bad(flag: string, why: string): LoaError {
  return new LoaError(
    'INVALID_ARGUMENT',
    `${flag}: ${why} (expected postgres://USER@HOST:PORT/DATABASE; the password in PGPASSFILE or PGPASSWORD)`,
  );
}

export function parseDbUrl(raw: string, flag: string): DbUrl {
  if (!isPostgresUrl(raw)) throw bad(flag, `"${raw}" is not a postgres:// URL`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw bad(flag, 'not a valid URL');
  }
  if (u.password)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${flag}: the URL holds a password, which any user of this machine can read (ps); leave it out and give it to libpq in PGPASSFILE (a ~/.pgpass file, mode 0600) or PGPASSWORD`,
    );
  if (!u.hostname) throw bad(flag, 'no host');
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) throw bad(flag, 'no database name after the host');
  const where = `postgres://${u.username ? `${u.username}@` : ''}${u.host}/${database}`;
  // the calls are synchronous (connection.ts): a server that vanishes without a reset must not
  // hold the hub for TCP's retransmission time (≈ 15 min): a connect gives up after 2 s (libpq's
  // least), unacknowledged data after 5 s (tcp_user_timeout), an idle link is probed every 10 s
  const defaults: Record<string, string> = {
    connect_timeout: '2',
    tcp_user_timeout: '5000',
    keepalives_idle: '10',
    keepalives_interval: '2',
    keepalives_count: '3',
    application_name: 'loa-district',
  };
  for (const [k, v] of Object.entries(defaults)) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return { conninfo: u.toString(), where };
}
