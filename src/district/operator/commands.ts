/** DistrictService commands and schedules: sent to the stations named (or all known ones), kept until each has them. */
import { LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';
import { scheduleSchema } from '../../schedule/document.js';
import { checkNoStationPaths } from '../../security/hostile.js';
import type { Caller } from '../../security/identity.js';
import { methodRole, requireRole } from '../../security/roles.js';
import { checkScheduleSize } from '../../security/schedule-size.js';
import { validateParams } from '../../security/schemas.js';
import { fromStruct, fromValue, toValue } from '../../wire/struct.js';
import { checkDistrictCommand } from '../command-schemas.js';
import type { CommandRow } from '../commands.js';
import type { StationsStore } from '../stores.js';
import { withHubMedia } from './bulletin-media.js';
import { limitOf, type OperatorDeps, type Req } from './guard.js';

const DEFAULT_TTL_MS = 600_000;
const MAX_TTL_MS = 7 * 86_400_000;
const METHOD = /^[A-Za-z][\w.]{0,63}$/;

/** The stations a request names (station_ids, or all = true), each checked to be known. */
export function selectStations(stations: StationsStore, ids: unknown, all: unknown): string[] {
  const known = stations.list().map((r) => r.id);
  if (all === true) {
    if (known.length === 0) throw new LoaError('NOT_FOUND', 'no station has connected to this hub yet');
    return known;
  }
  const list = Array.isArray(ids) ? ids.map(String) : [];
  if (list.length === 0)
    throw new LoaError('INVALID_ARGUMENT', 'station_ids: name at least one station, or set all');
  const knownSet = new Set(known); // a list of thousands against thousands: not includes() per id
  const unknown = list.filter((id) => !knownSet.has(id));
  if (unknown.length)
    throw new LoaError(
      'NOT_FOUND',
      `unknown station(s) ${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`,
    );
  return [...new Set(list)];
}

export function commandInfo(c: CommandRow) {
  return {
    id: c.id,
    stationId: c.station,
    method: c.method,
    params: toValue(JSON.parse(c.params)),
    createdMs: c.created,
    expiresAtMs: c.expires,
    status: c.status,
    errorCode: c.error_code,
    message: c.message,
    result: toValue(JSON.parse(c.result)),
    updatedMs: c.updated,
  };
}

export function sendCommand(d: OperatorDeps, req: Req, caller: Caller) {
  const method = String(req.method ?? '');
  if (!METHOD.test(method))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `method: a station command name such as "emergency.start" (got "${method}")`,
    );
  const ttl = Number(req.ttlMs || DEFAULT_TTL_MS);
  if (!(ttl >= 1 && ttl <= MAX_TTL_MS))
    throw new LoaError('INVALID_ARGUMENT', `ttl_ms: 1 to ${MAX_TTL_MS} (got ${req.ttlMs})`);
  requireRole(caller.role, methodRole(method), `SendCommand ${method}`, caller.who);
  const stations = selectStations(d.stores.stations, req.stationIds, req.all);
  const given = fromValue(req.params as never) ?? {};
  validateParams(method, given);
  checkNoStationPaths(given, ['params']);
  checkDistrictCommand(method, given);
  const params = withHubMedia(d.stores.media, method, given as Record<string, unknown>);
  // one transaction for all of them: one fsync, not one per station (10,000 stations: seconds)
  const rows = d.stores.writes.now(() =>
    stations.map((s) => d.stores.commands.create(s, method, params, ttl, caller)),
  );
  for (const r of rows) {
    d.sessions.deliverCommands(r.station, new Set([r.id]));
    d.sessions.changed(r.station);
  }
  return { commands: rows.map((r) => commandInfo(d.stores.commands.get(r.id) ?? r)) };
}

export function pushSchedule(d: OperatorDeps, req: Req) {
  const schedule = fromStruct(req.schedule as never);
  checkScheduleSize(schedule);
  checkNoStationPaths(schedule, ['schedule']);
  const stations = selectStations(d.stores.stations, req.stationIds, req.all);
  const media = (req.media as { sha256: string; sizeBytes: number; name: string }[]) ?? [];
  for (const m of media)
    if (!d.stores.media.get(m.sha256))
      throw new LoaError(
        'NOT_FOUND',
        `media ${m.name || m.sha256} is not at the hub; upload it first (UploadMedia)`,
      );
  // the hub's version replaces the document's own; the rest must be a valid schedule already
  const check = scheduleSchema.safeParse({ ...schedule, version: 1 }, { reportInput: true });
  if (!check.success) throw new LoaError('INVALID_ARGUMENT', `schedule: ${formatIssues(check.error.issues)}`);
  const version = d.stores.desired.push(stations, schedule, media);
  for (const s of stations) {
    d.sessions.deliverDesired(s);
    d.sessions.changed(s);
  }
  return { version, stationIds: stations };
}

export function listCommands(d: OperatorDeps, req: Req) {
  const ids = (req.ids as string[]) ?? [];
  const rows = ids.length
    ? ids.map((id) => d.stores.commands.get(id)).filter((r): r is CommandRow => r !== undefined)
    : d.stores.commands.list(String(req.stationId || '') || undefined, limitOf(req.limit, 100));
  if (ids.length) d.stores.commands.expireDue();
  return { commands: rows.map((r) => commandInfo(d.stores.commands.get(r.id) ?? r)) };
}
