/**
 * PostgreSQL's errors as the hub's typed errors. A server whose disk is full (SQLSTATE 53100
 * disk_full, or "could not extend file" when the data files cannot grow) becomes the same
 * STORAGE_FULL with `diskFull` that a full SQLite disk gives (storage-guard.ts trips on it:
 * the alarm, writes refused, reads served). A lost connection (class 08, the server shutting
 * down or crashing: 57P01-57P03, or libpq's own error with no SQLSTATE) is UNAVAILABLE: the
 * write did not commit, so no station batch in it is acknowledged (DESIGN.md decision 2).
 */
import { LoaError } from '../../core/errors.js';

export interface PgErrorFields {
  sqlState?: string;
  messagePrimary?: string;
}

const LOST = ['57P01', '57P02', '57P03', '57P05'];

export function isDiskFullPg(sqlState: string, message: string): boolean {
  return (
    sqlState === '53100' ||
    /could not extend file|No space left on device|could not write to file/i.test(message)
  );
}

export function isConnectionLost(sqlState: string): boolean {
  return sqlState === '' || sqlState.startsWith('08') || LOST.includes(sqlState);
}

/** `where` names the database without credentials (pg/url.ts). */
export function pgError(message: string, fields: PgErrorFields | null | undefined, where: string): LoaError {
  const sqlState = fields?.sqlState ?? '';
  const text = message.trim().replace(/^ERROR:\s+/, '');
  if (isDiskFullPg(sqlState, text))
    return new LoaError('STORAGE_FULL', `the hub's database (${where}) is out of space: ${text}`, {
      diskFull: true,
      sqlState,
    });
  if (isConnectionLost(sqlState))
    return new LoaError('UNAVAILABLE', `the hub's database (${where}) is unreachable: ${text}`, {
      connectionLost: true,
      sqlState,
    });
  return new LoaError('INTERNAL', `database (${where}): ${text}`, { sqlState });
}
