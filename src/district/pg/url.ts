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
  if (!u.searchParams.has('connect_timeout')) u.searchParams.set('connect_timeout', '5');
  if (!u.searchParams.has('application_name')) u.searchParams.set('application_name', 'loa-district');
  return { conninfo: u.toString(), where };
}
