/** DistrictService queries: stations, alarms, events, the play log and the audit trail. */
import { LoaError } from '../../core/errors.js';
import { toStruct } from '../../wire/struct.js';
import { type StoredEvent, unflatten } from '../stations.js';
import { limitOf, type OperatorDeps, type Req } from './guard.js';

export function districtEvent(e: StoredEvent) {
  return {
    stationId: e.stationId,
    seq: e.seq,
    tsMs: e.ts,
    receivedMs: e.received,
    event: {
      eventSeq: e.event.seq,
      kind: e.event.kind,
      severity: e.event.severity,
      sub: e.event.sub,
      message: e.event.message,
      details: toStruct(e.event.details),
    },
  };
}

export function getStation(d: OperatorDeps, req: Req) {
  const id = String(req.stationId ?? '');
  const row = d.stores.stations.get(id);
  if (!row) throw new LoaError('NOT_FOUND', `station "${id}" has never connected to this hub`);
  const desired = d.stores.desired.forStation(id);
  return {
    summary: d.sessions.summary(row, desired?.version ?? 0),
    status: toStruct(unflatten(JSON.parse(row.state))),
    desired: desired
      ? {
          version: desired.version,
          createdMs: desired.created,
          media: desired.media,
          schedule: toStruct(desired.schedule),
          report: toStruct(JSON.parse(row.desired_report)),
        }
      : null,
  };
}

export function listStations(d: OperatorDeps) {
  return { stations: d.sessions.summarizeRows(d.stores.stations.list()) };
}

export function listAlarms(d: OperatorDeps, req: Req) {
  const only = new Set((req.stationIds as string[]) ?? []);
  const alarms = [];
  for (const row of d.stores.stations.list()) {
    if (only.size && !only.has(row.id)) continue;
    const list = JSON.parse(row.state).alarms;
    for (const a of Array.isArray(list) ? list : [])
      alarms.push({ stationId: row.id, key: a.key, sub: a.sub, message: a.message, sinceMs: a.since });
  }
  return { alarms };
}

export function listEvents(d: OperatorDeps, req: Req) {
  const events = d.stores.events.query({
    stationId: String(req.stationId || '') || undefined,
    sinceMs: Number(req.sinceMs) || undefined,
    afterSeq: Number(req.afterSeq) || undefined,
    limit: limitOf(req.limit, 100),
    severity: String(req.severity || '') || undefined,
    kind: String(req.kind || '') || undefined,
  });
  return { events: events.map(districtEvent) };
}

export function listPlayLog(d: OperatorDeps, req: Req) {
  const entries = d.stores.events.query({
    stationId: String(req.stationId || '') || undefined,
    sinceMs: Number(req.sinceMs) || undefined,
    limit: limitOf(req.limit, 100),
    playLog: true,
  });
  return { entries: entries.map(districtEvent) };
}

export function listAudit(d: OperatorDeps, req: Req) {
  const entries = d.stores.audit.list({
    stationId: String(req.stationId || '') || undefined,
    sinceMs: Number(req.sinceMs) || undefined,
    limit: limitOf(req.limit, 100),
  });
  return { entries: entries.map((e) => ({ ...e, params: toStruct(e.params) })) };
}
