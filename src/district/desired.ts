/**
 * Desired states (DESIGN.md decision 3): each push is a new version (one sequence for the
 * whole district) holding a schedule and its media manifest; each station points at the
 * latest version pushed to it. A station that reports a lower applied version gets it again.
 * The schedule is checked against the schedule module's schema before it is stored (what
 * depends on the station, such as its zones, is checked there).
 */
import type { Clock } from '../core/clock.js';
import type { SqlDb } from './sql.js';

export interface MediaRef {
  sha256: string;
  sizeBytes: number;
  name: string;
}

export interface DesiredRow {
  version: number;
  created: number;
  schedule: Record<string, unknown>;
  media: MediaRef[];
}

export class DesiredStore {
  private readonly q;

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {
    this.q = {
      insert: db.prepare('INSERT INTO desired (created, schedule, media) VALUES (?, ?, ?) RETURNING version'),
      setSchedule: db.prepare('UPDATE desired SET schedule = ? WHERE version = ?'),
      target: db.prepare(
        'INSERT INTO station_desired (station, version) VALUES (?, ?) ON CONFLICT(station) DO UPDATE SET version = excluded.version',
      ),
      latest: db.prepare('SELECT coalesce(max(version), 0) AS v FROM desired'),
      versions: db.prepare('SELECT station, version FROM station_desired'),
      forStation: db.prepare(
        `SELECT d.* FROM station_desired s JOIN desired d ON d.version = s.version WHERE s.station = ?`,
      ),
    };
  }

  /** A new version; the schedule document carries it as its `version` (the station reports it back). */
  push(stations: string[], schedule: Record<string, unknown>, media: MediaRef[]): number {
    return this.db.transaction(() => {
      const r = this.q.insert.get(this.clock.now(), '{}', JSON.stringify(media)) as { version: number };
      const version = Number(r.version);
      this.q.setSchedule.run(JSON.stringify({ ...schedule, version }), version);
      for (const s of stations) this.q.target.run(s, version);
      return version;
    })();
  }

  latestVersion(): number {
    return (this.q.latest.get() as { v: number }).v;
  }

  versions(): Map<string, number> {
    const rows = this.q.versions.all() as { station: string; version: number }[];
    return new Map(rows.map((r) => [r.station, r.version]));
  }

  forStation(station: string): DesiredRow | undefined {
    const r = this.q.forStation.get(station) as
      | { version: number; created: number; schedule: string; media: string }
      | undefined;
    if (!r) return undefined;
    return {
      version: r.version,
      created: r.created,
      schedule: JSON.parse(r.schedule),
      media: JSON.parse(r.media),
    };
  }
}
