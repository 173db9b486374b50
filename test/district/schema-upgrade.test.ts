/** A hub's SQLite file from before a column was added opens with the column, its rows intact. */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/district/db.js';
import { tempDir } from '../helpers/sim-station.js';

const columns = (db: ReturnType<typeof openDatabase>, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('district.sqlite from an older hub', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("gains events.text ('' in the rows it had) and keeps them", () => {
    const dir = tempDir();
    dirs.push(dir);
    const old = openDatabase(dir);
    old.exec('ALTER TABLE events DROP COLUMN text'); // the file as the previous hub left it
    old
      .prepare(
        `INSERT INTO events (station, epoch, seq, ts, received, event_seq, kind, severity, sub, message, details)
         VALUES ('xa-a', 'e1', 1, 1000, 1000, 7, 'power.on', 'info', 'power', 'power chain on', '{}')`,
      )
      .run();
    expect(columns(old, 'events')).not.toContain('text');
    old.close();
    const db = openDatabase(dir);
    expect(columns(db, 'events')).toContain('text');
    expect(db.prepare('SELECT message, text FROM events').all()).toEqual([
      { message: 'power chain on', text: '' },
    ]);
    db.close();
  });
});
