/**
 * district.sqlite holds the audit trail and every station's events: readable by the service
 * user and its group (operators' tools, backups), never by every user of the machine. SQLite
 * creates its -wal and -shm files with the database file's mode, so the file is made 0640
 * before SQLite first opens it, and an existing file (from a hub before issue 13) is fixed.
 */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

export const DB_FILE_MODE = 0o640;

export function restrictDbFiles(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', DB_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, DB_FILE_MODE);
}
