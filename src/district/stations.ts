/**
 * What the hub knows of each station: identity, the outbox position it holds (epoch + acked
 * seq), the latest state (the snapshot's flattened status with later changes applied), and the
 * stored history. `ingest` is the de-duplicating write: items at or below the acked seq of the
 * station's outbox epoch are already stored and are skipped; the rest are stored in order in
 * one transaction before the ack goes out.
 */

import type { Clock } from '../core/clock.js';
import { isDerived } from '../core/event-text.js';
import type { StationEvent } from '../core/events.js';
import { translate } from '../core/i18n.js';
import { eventMessages } from '../ops/event-messages.js';
import type { LinkItem } from '../wire/session.js';
import { stateOfEvent } from './event-state.js';
import { dialectOf, type SqlDb } from './sql.js';

export interface StationRow {
  id: string;
  epoch: string;
  acked_seq: number;
  snapshot_seq: number;
  state: string;
  boot_id: string;
  software_version: string;
  applied_version: number;
  desired_report: string;
  last_contact: number;
  first_seen: number;
}

export interface HelloInfo {
  stationId: string;
  bootId: string;
  softwareVersion: string;
  appliedDesiredVersion: number;
  firstUnackedSeq: number;
  lastSeq: number;
  outboxEpoch: string;
}

/** What a station's outbox batch carries (wire/session.ts). */
export type IngestItem = LinkItem;

export interface StoredEvent {
  stationId: string;
  seq: number;
  ts: number;
  received: number;
  event: Omit<StationEvent, 'ts'>;
}

export class StationStore {
  private readonly q;

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {
    this.q = {
      get: db.prepare('SELECT * FROM stations WHERE id = ?'),
      lock: db.prepare(`SELECT * FROM stations WHERE id = ?${dialectOf(db).forUpdate}`),
      list: db.prepare('SELECT * FROM stations ORDER BY id'),
      insert: db.prepare('INSERT INTO stations (id, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      hello: db.prepare(
        `UPDATE stations SET epoch = @epoch, acked_seq = @acked, snapshot_seq = @snap, boot_id = @boot,
         software_version = @version, applied_version = @applied, last_contact = @now WHERE id = @id`,
      ),
      snapshot: db.prepare('UPDATE stations SET snapshot_seq = ?, state = ?, last_contact = ? WHERE id = ?'),
      progress: db.prepare('UPDATE stations SET acked_seq = ?, state = ?, last_contact = ? WHERE id = ?'),
      contact: db.prepare('UPDATE stations SET last_contact = ? WHERE id = ?'),
      report: db.prepare('UPDATE stations SET applied_version = ?, desired_report = ? WHERE id = ?'),
      event: db.prepare(
        `INSERT INTO events (station, epoch, seq, ts, received, event_seq, kind, severity, sub, message, details, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      measure: db.prepare(
        'INSERT INTO measurements (station, epoch, seq, ts, changes, received) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      drop: db.prepare(
        `INSERT INTO drops (station, epoch, seq, ts, count, measurements, events, first_seq, last_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
    };
  }

  get(id: string): StationRow | undefined {
    return this.q.get.get(id) as StationRow | undefined;
  }

  list(): StationRow[] {
    return this.q.list.all() as StationRow[];
  }

  /** A session opened: returns what the hub already holds of this outbox epoch. */
  hello(h: HelloInfo): number {
    const now = this.clock.now();
    return this.db.transaction(() => {
      this.q.insert.run(h.stationId, now);
      const row = this.q.lock.get(h.stationId) as StationRow;
      const same = row.epoch === h.outboxEpoch;
      let acked = same ? row.acked_seq : 0;
      // the station's numbering went back (its outbox was restored from an old copy): start again there
      if (acked > h.lastSeq) acked = Math.max(0, h.firstUnackedSeq - 1);
      this.q.hello.run({
        id: h.stationId,
        epoch: h.outboxEpoch,
        acked,
        snap: same ? row.snapshot_seq : 0,
        boot: h.bootId,
        version: h.softwareVersion,
        applied: h.appliedDesiredVersion,
        now,
      });
      return acked;
    })();
  }

  snapshot(id: string, asOfSeq: number, flat: Record<string, unknown>): void {
    this.q.snapshot.run(asOfSeq, JSON.stringify(flat), this.clock.now(), id);
  }

  /** Stores new items in order (skipping ones already held); returns the new acked seq and new events. */
  ingest(id: string, items: IngestItem[]): { acked: number; events: StoredEvent[] } {
    const now = this.clock.now();
    return this.db.transaction(() => {
      const row = this.q.lock.get(id) as StationRow;
      let acked = row.acked_seq;
      let state: Record<string, unknown> | undefined;
      const events: StoredEvent[] = [];
      for (const it of [...items].sort((a, b) => a.seq - b.seq)) {
        if (it.seq <= acked) continue;
        acked = it.seq;
        if (it.kind === 'changes') {
          this.q.measure.run(id, row.epoch, it.seq, it.ts, JSON.stringify(it.changes), now);
          if (it.seq > row.snapshot_seq) state = applyChanges(state ?? JSON.parse(row.state), it.changes);
          continue;
        }
        if (it.kind === 'dropped') {
          const d = it.dropped;
          this.q.drop.run(
            id,
            row.epoch,
            it.seq,
            it.ts,
            d.count,
            d.measurements,
            d.events,
            d.firstSeq,
            d.lastSeq,
          );
        }
        const e = it.kind === 'event' ? it.event : droppedEvent(it.dropped);
        const details = JSON.stringify(e.details);
        const stored = this.q.event.run(
          id,
          row.epoch,
          it.seq,
          it.ts,
          now,
          e.seq,
          e.kind,
          e.severity,
          e.sub,
          e.message,
          details,
          // a text the details make again is not stored twice (core/event-text.ts; history.ts)
          e.text && !isDerived(e.kind, e.details, e.text) ? JSON.stringify(e.text) : '',
        ).changes;
        // held already (an outbox numbered again after a restore): stored once, reported once
        if (stored > 0) events.push({ stationId: id, seq: it.seq, ts: it.ts, received: now, event: e });
        const implied = stateOfEvent(e);
        if (implied && it.seq > row.snapshot_seq)
          state = applyChanges(state ?? JSON.parse(row.state), implied);
      }
      this.q.progress.run(acked, state ? JSON.stringify(state) : row.state, now, id);
      return { acked, events };
    })();
  }

  touch(id: string): void {
    this.q.contact.run(this.clock.now(), id);
  }

  report(id: string, applied: number, report: unknown): void {
    this.q.report.run(applied, JSON.stringify(report), id);
  }
}

/** A dropped record as an event operators see in the history (the gap it explains is visible). */
function droppedEvent(d: {
  count: number;
  measurements: number;
  events: number;
  firstSeq: number;
  lastSeq: number;
}): Omit<StationEvent, 'ts'> {
  return {
    seq: 0,
    kind: 'uplink.dropped',
    severity: 'warning',
    sub: 'uplink',
    message: translate(eventMessages, 'en', 'ev.uplink.dropped', { ...d }),
    details: { ...d },
    text: { key: 'ev.uplink.dropped', vars: { ...d } },
  };
}

function applyChanges(
  state: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  for (const [k, v] of Object.entries(changes))
    if (v === null) delete state[k];
    else state[k] = v;
  return state;
}

/** The flattened state as a nested object again (for operators). */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) {
      if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = v;
  }
  return out;
}
