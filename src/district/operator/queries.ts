/** DistrictService queries: stations, alarms, events, the play log and the audit trail. */
import { LoaError } from '../../core/errors.js';
import { toWireEvent } from '../../wire/session.js';
import { toStruct } from '../../wire/struct.js';
import type { StoredEvent } from '../stations.js';
import { limitOf, type OperatorDeps, type Req } from './guard.js';

export function districtEvent(e: StoredEvent) {
  return {
    stationId: e.stationId,
    seq: e.seq,
    tsMs: e.ts,
    receivedMs: e.received,
    event: toWireEvent(e.event, 'operator'),
  };
}

export function getStation(d: OperatorDeps, req: Req) {
  const id = String(req.stationId ?? '');
  const row = d.stores.stations.get(id);
  if (!row) throw new LoaError('NOT_FOUND', `station "${id}" has never connected to this hub`);
  const desired = d.stores.desired.forStation(id);
  return {
    summary: d.sessions.summary(row, desired?.version ?? 0),
    status: d.sessions.status(row),
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

/** Largest page of ListStations (a page of 1,000 summaries is about 200 kB on the wire). */
export const MAX_PAGE_SIZE = 1000;

/**
 * ListStations: every station (page_size 0, as before paging), or a page in id order. The
 * token is the last station id of the previous page, so a station added meanwhile is listed
 * in its place and none is listed twice.
 */
export function listStations(d: OperatorDeps, req: Req = {}) {
  const size = Number(req.pageSize ?? 0);
  const token = String(req.pageToken ?? '');
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
    throw new LoaError('INVALID_ARGUMENT', `page_size: 0 (all) to ${MAX_PAGE_SIZE} (got ${req.pageSize})`);
  if (size === 0) {
    if (token) throw new LoaError('INVALID_ARGUMENT', 'page_token: only with a page_size');
    return { stations: d.sessions.all(), nextPageToken: '' };
  }
  const after = token ? pageAfter(token) : '';
  const page = d.sessions.page(after, size);
  return { stations: page.stations, nextPageToken: page.next ? pageToken(page.next) : '' };
}

const TOKEN_PREFIX = 'after:';
const pageToken = (id: string) => Buffer.from(`${TOKEN_PREFIX}${id}`).toString('base64url');

function pageAfter(token: string): string {
  const raw = Buffer.from(token, 'base64url').toString();
  if (!raw.startsWith(TOKEN_PREFIX) || raw.length === TOKEN_PREFIX.length)
    throw new LoaError('INVALID_ARGUMENT', 'page_token: not a next_page_token of ListStations');
  return raw.slice(TOKEN_PREFIX.length);
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
