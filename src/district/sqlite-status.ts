/**
 * `districtctl db status` on the SQLite hub: each table's rows and bytes (the dbstat virtual
 * table: tables with their indexes), each retention class's rows, oldest row and what is past
 * its age, the file, the pages in use and the free pages not yet returned. It reads every page
 * of the database once: about a second per GB; it runs on an operator's request only.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { RETENTION_CLASSES, type RetentionClass, whereOf } from './retention-classes.js';
import type { KeepDays } from './retention-config.js';
import { DAY_MS } from './retention-pruner.js';
import { type ClassStatus, type DatabaseStatus, DUE_COUNT_CAP, type TableStatus } from './retention-types.js';
import type { SqlDb } from './sql.js';

const AUTO_VACUUM = ['none', 'full', 'incremental'];

function fileSize(f: string): number {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
}

function tables(db: Database.Database): TableStatus[] {
  const owner = new Map<string, string>();
  for (const r of db
    .prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')")
    .all() as { name: string; tbl_name: string }[])
    owner.set(r.name, r.tbl_name);
  const bytes = new Map<string, number>();
  for (const r of db.prepare('SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE').all() as {
    name: string;
    pgsize: number;
  }[]) {
    const t = owner.get(r.name) ?? r.name;
    bytes.set(t, (bytes.get(t) ?? 0) + r.pgsize);
  }
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return names.map(({ name }) => ({
    name,
    rows: (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    bytes: bytes.get(name) ?? 0,
  }));
}

/** `first`: the column that puts a class's oldest row first (SQLite: rowid; PostgreSQL: its time). */
export function classStatus(
  db: SqlDb,
  now: number,
  keep: KeepDays,
  first: (c: RetentionClass) => string,
): ClassStatus[] {
  return RETENTION_CLASSES.map((c) => {
    const where = c.filter ? `WHERE ${c.filter}` : '';
    const rows = (db.prepare(`SELECT count(*) AS n FROM ${c.table} ${where}`).get() as { n: number }).n;
    const oldest = db
      .prepare(`SELECT ${c.time} AS t FROM ${c.table} ${where} ORDER BY ${first(c)} LIMIT 1`)
      .get() as { t: number } | undefined;
    const days = keep[c.name];
    const dueRows =
      days === null
        ? 0
        : (
            db
              .prepare(
                `SELECT count(*) AS n FROM (SELECT 1 FROM ${c.table} WHERE ${whereOf(c, `${c.time} < ?`)} LIMIT ?) AS due`,
              )
              .get(now - days * DAY_MS, DUE_COUNT_CAP) as { n: number }
          ).n;
    return { name: c.name, table: c.table, keepDays: days, rows, oldestMs: oldest?.t ?? 0, dueRows };
  });
}

export function sqliteStatus(
  db: Database.Database,
  file: string,
  now: number,
  keep: KeepDays,
  maxBytes: number,
): DatabaseStatus {
  const p = (name: string) => Number(db.pragma(name, { simple: true }));
  const pageSize = p('page_size');
  return {
    engine: 'sqlite',
    location: file,
    fileBytes: fileSize(file) + fileSize(`${file}-wal`),
    usedBytes: (p('page_count') - p('freelist_count')) * pageSize,
    reclaimableBytes: p('freelist_count') * pageSize,
    maxBytes,
    autoVacuum: AUTO_VACUUM[p('auto_vacuum')] ?? 'unknown',
    tables: tables(db),
    classes: classStatus(db, now, keep, () => 'rowid'),
  };
}
