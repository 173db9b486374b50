/**
 * The classes of row retention knows in the SQLite hub, in the order the size budget prunes
 * them: routine data first, then warnings and finished work, then what an inquiry asks for
 * years later (play log, alarms, audit). Each is a table, an optional filter, and the column
 * that says when the hub got the row (its own clock: a station's clock may be wrong).
 * Rows are inserted in time order, so rowid order is age order and a batch reads the oldest
 * rows through the rowid without an index of its own.
 */
import type { RetentionClassName } from './retention-config.js';

export interface RetentionClass {
  name: RetentionClassName;
  table: string;
  /** SQL over the table's columns; '' for every row. */
  filter: string;
  /** Epoch ms column: when the hub stored (or created) the row. */
  time: string;
}

const PLAY = "(kind = 'play' OR kind LIKE 'play.%' OR kind LIKE 'playlog%')";
const AUDIT = "kind = 'command'";

export const RETENTION_CLASSES: readonly RetentionClass[] = [
  { name: 'measurements', table: 'measurements', filter: '', time: 'received' },
  {
    name: 'events',
    table: 'events',
    filter: `severity NOT IN ('warning', 'alarm') AND NOT ${PLAY} AND NOT ${AUDIT}`,
    time: 'received',
  },
  { name: 'drops', table: 'drops', filter: '', time: 'ts' },
  {
    name: 'warnings',
    table: 'events',
    filter: `severity = 'warning' AND NOT ${PLAY} AND NOT ${AUDIT}`,
    time: 'received',
  },
  { name: 'commands', table: 'commands', filter: "status NOT IN ('pending', 'sent')", time: 'created' },
  {
    name: 'schedules',
    table: 'desired',
    // a version a station is told to run, and the newest one, stay
    filter:
      'version NOT IN (SELECT version FROM station_desired) AND version < (SELECT max(version) FROM desired)',
    time: 'created',
  },
  { name: 'play_log', table: 'events', filter: PLAY, time: 'received' },
  {
    name: 'alarms',
    table: 'events',
    filter: `severity = 'alarm' AND NOT ${PLAY} AND NOT ${AUDIT}`,
    time: 'received',
  },
  { name: 'hub_audit', table: 'audit', filter: '', time: 'ts' },
  { name: 'station_audit', table: 'events', filter: AUDIT, time: 'received' },
];

export function whereOf(c: RetentionClass, extra: string): string {
  return c.filter ? `(${c.filter}) AND ${extra}` : extra;
}
