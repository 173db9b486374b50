/**
 * loa.district.v1.DistrictService: the operator's API. Every request passes the guard first:
 * the caller's certificate and role (security/roles.ts), the request's schema (requests.ts),
 * a rate limit on changes; what changes something, and every refusal, goes to the hub's audit
 * trail. A command or a schedule goes to the stations named (or all known ones) and is kept
 * until each station has it.
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError, toLoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import type { UploadMediaRequest__Output } from '../gen/loa/district/v1/UploadMediaRequest.js';
import type { WatchStationsRequest__Output } from '../gen/loa/district/v1/WatchStationsRequest.js';
import { scheduleSchema } from '../schedule/document.js';
import { checkNoStationPaths, checkParams } from '../security/hostile.js';
import type { Caller } from '../security/identity.js';
import { DISTRICT_RPC_ROLES, methodRole, requireRole } from '../security/roles.js';
import { validateParams } from '../security/schemas.js';
import { failStream, toServiceError } from '../wire/status.js';
import { fromStruct, fromValue, toStruct, toValue } from '../wire/struct.js';
import type { CommandRow } from './commands.js';
import { queryEvents } from './history.js';
import type { Hub } from './hub.js';
import { checkRequest, mediaName } from './requests.js';
import { type StoredEvent, unflatten } from './stations.js';

type Req = Record<string, unknown>;
type Unary = (call: grpc.ServerUnaryCall<Req, unknown>, cb: grpc.sendUnaryData<unknown>) => void;
type AnyCall =
  | grpc.ServerUnaryCall<Req, unknown>
  | grpc.ServerReadableStream<Req, unknown>
  | grpc.ServerWritableStream<Req, unknown>;

const DEFAULT_TTL_MS = 600_000;
const MAX_TTL_MS = 7 * 86_400_000;
const METHOD = /^[A-Za-z][\w.]{0,63}$/;

/** Who calls, with the role the RPC needs and a valid request; or the refusal, audited. */
function guard(hub: Hub, rpc: string, call: AnyCall, req: Req): Caller {
  let caller: Caller = { who: 'unknown', role: 'viewer', via: hub.security.kind === 'tls' ? 'tls' : 'lab' };
  const need = DISTRICT_RPC_ROLES[rpc] ?? 'admin';
  try {
    caller = hub.callerOf(call);
    requireRole(caller.role, need, rpc, caller.who);
    if (need !== 'viewer') hub.limiter?.take(caller.who);
    checkRequest(rpc, req);
    return caller;
  } catch (e) {
    hub.audit.add(caller, rpc, auditParams(req), stationsOf(req), toLoaError(e));
    throw e;
  }
}

function stationsOf(req: Req): string[] {
  const ids = Array.isArray(req.stationIds) ? req.stationIds.map(String) : [];
  if (req.all === true) return ['*'];
  return ids.length ? ids.slice(0, 100) : req.stationId ? [String(req.stationId)] : [];
}

function auditParams(req: Req): Record<string, unknown> {
  const { params, schedule, ...rest } = req;
  return {
    ...rest,
    ...(params ? { params: fromValue(params as never) } : {}),
    ...(schedule ? { schedule: '(schedule)' } : {}),
  };
}

/** A unary RPC behind the guard; changes (operator and admin RPCs) are audited with their result. */
function unary(hub: Hub, rpc: string, fn: (req: Req, caller: Caller) => unknown): Unary {
  return (call, cb) => {
    let caller: Caller | undefined;
    Promise.resolve()
      .then(() => {
        caller = guard(hub, rpc, call, call.request);
        return fn(call.request, caller);
      })
      .then(
        (res) => {
          if (caller && DISTRICT_RPC_ROLES[rpc] !== 'viewer')
            hub.audit.add(caller, rpc, auditParams(call.request), stationsOf(call.request));
          cb(null, res as object);
        },
        (e) => {
          if (caller)
            hub.audit.add(caller, rpc, auditParams(call.request), stationsOf(call.request), toLoaError(e));
          cb(toServiceError(e));
        },
      );
  };
}

/** The stations a request names (station_ids, or all = true), each checked to be known. */
export function selectStations(hub: Hub, ids: unknown, all: unknown): string[] {
  const known = hub.stations.list().map((r) => r.id);
  if (all === true) {
    if (known.length === 0) throw new LoaError('NOT_FOUND', 'no station has connected to this hub yet');
    return known;
  }
  const list = Array.isArray(ids) ? ids.map(String) : [];
  if (list.length === 0)
    throw new LoaError('INVALID_ARGUMENT', 'station_ids: name at least one station, or set all');
  const unknown = list.filter((id) => !known.includes(id));
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

function limitOf(v: unknown, def: number): number {
  const n = Number(v || def);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new LoaError('INVALID_ARGUMENT', `limit: 1 to 10000 (got ${v})`);
  return n;
}

function getStation(hub: Hub, req: Req) {
  const id = String(req.stationId ?? '');
  const row = hub.stations.get(id);
  if (!row) throw new LoaError('NOT_FOUND', `station "${id}" has never connected to this hub`);
  const d = hub.desired.forStation(id);
  return {
    summary: hub.summary(row),
    status: toStruct(unflatten(JSON.parse(row.state))),
    desired: d
      ? {
          version: d.version,
          createdMs: d.created,
          media: d.media,
          schedule: toStruct(d.schedule),
          report: toStruct(JSON.parse(row.desired_report)),
        }
      : null,
  };
}

function sendCommand(hub: Hub, req: Req, caller: Caller) {
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
  const stations = selectStations(hub, req.stationIds, req.all);
  const params = fromValue(req.params as never) ?? {};
  validateParams(method, params);
  checkNoStationPaths(params, ['params']);
  const rows = stations.map((s) => hub.commands.create(s, method, params, ttl, caller));
  for (const r of rows) {
    hub.deliverCommands(r.station, new Set([r.id]));
    hub.emit('station', r.station);
  }
  return { commands: rows.map((r) => commandInfo(hub.commands.get(r.id) ?? r)) };
}

function pushSchedule(hub: Hub, req: Req) {
  const schedule = fromStruct(req.schedule as never);
  checkParams({ schedule });
  const stations = selectStations(hub, req.stationIds, req.all);
  const media = (req.media as { sha256: string; sizeBytes: number; name: string }[]) ?? [];
  for (const m of media)
    if (!hub.media.get(m.sha256))
      throw new LoaError(
        'NOT_FOUND',
        `media ${m.name || m.sha256} is not at the hub; upload it first (UploadMedia)`,
      );
  // the hub's version replaces the document's own; the rest must be a valid schedule already
  const check = scheduleSchema.safeParse({ ...schedule, version: 1 }, { reportInput: true });
  if (!check.success) throw new LoaError('INVALID_ARGUMENT', `schedule: ${formatIssues(check.error.issues)}`);
  const version = hub.desired.push(stations, schedule, media);
  for (const s of stations) {
    hub.deliverDesired(s);
    hub.emit('station', s);
  }
  return { version, stationIds: stations };
}

function upload(hub: Hub) {
  return (
    call: grpc.ServerReadableStream<UploadMediaRequest__Output, unknown>,
    cb: grpc.sendUnaryData<unknown>,
  ) => {
    let name = '';
    let caller: Caller;
    try {
      caller = guard(hub, 'UploadMedia', call, {});
    } catch (e) {
      cb(toServiceError(e));
      return;
    }
    async function* chunks() {
      for await (const m of call as AsyncIterable<UploadMediaRequest__Output>) {
        if (m.name && !name) {
          const r = mediaName.safeParse(m.name);
          if (!r.success) throw new LoaError('INVALID_ARGUMENT', `name: ${r.error.issues[0]?.message}`);
          name = m.name;
        }
        yield m.data;
      }
    }
    hub.media.put(name, chunks()).then(
      (ref) => {
        hub.audit.add(caller, 'UploadMedia', { name, sha256: ref.sha256, sizeBytes: ref.sizeBytes }, []);
        cb(null, { media: { ...ref, name: ref.name || name } });
      },
      (e) => {
        hub.audit.add(caller, 'UploadMedia', { name: name || '(refused)' }, [], toLoaError(e));
        cb(toServiceError(e));
      },
    );
  };
}

function watch(hub: Hub) {
  return (call: grpc.ServerWritableStream<WatchStationsRequest__Output, unknown>) => {
    try {
      guard(hub, 'WatchStations', call as never, call.request as unknown as Req);
    } catch (e) {
      failStream(call, e);
      return;
    }
    const only = new Set(call.request.stationIds);
    const wanted = (id: string) => only.size === 0 || only.has(id);
    const onStation = (id: string) => {
      const row = hub.stations.get(id);
      if (row && wanted(id)) call.write({ station: hub.summary(row) });
    };
    const onEvent = (e: StoredEvent) => {
      if (wanted(e.stationId)) call.write({ event: districtEvent(e) });
    };
    for (const row of hub.stations.list()) onStation(row.id);
    hub.on('station', onStation);
    hub.on('event', onEvent);
    const stop = () => {
      hub.off('station', onStation);
      hub.off('event', onEvent);
    };
    call.on('cancelled', stop);
    call.on('close', stop);
  };
}

export function operatorService(hub: Hub): grpc.UntypedServiceImplementation {
  return {
    ListStations: unary(hub, 'ListStations', () => ({
      stations: hub.stations.list().map((r) => hub.summary(r)),
    })),
    GetStation: unary(hub, 'GetStation', (req) => getStation(hub, req)),
    WatchStations: watch(hub),
    SendCommand: unary(hub, 'SendCommand', (req, caller) => sendCommand(hub, req, caller)),
    ListCommands: unary(hub, 'ListCommands', (req) => {
      const ids = (req.ids as string[]) ?? [];
      const rows = ids.length
        ? ids.map((id) => hub.commands.get(id)).filter((r): r is CommandRow => r !== undefined)
        : hub.commands.list(String(req.stationId || '') || undefined, limitOf(req.limit, 100));
      if (ids.length) hub.commands.expireDue();
      return { commands: rows.map((r) => commandInfo(hub.commands.get(r.id) ?? r)) };
    }),
    PushSchedule: unary(hub, 'PushSchedule', (req) => pushSchedule(hub, req)),
    UploadMedia: upload(hub),
    ListAlarms: unary(hub, 'ListAlarms', (req) => {
      const only = new Set((req.stationIds as string[]) ?? []);
      const alarms = [];
      for (const row of hub.stations.list()) {
        if (only.size && !only.has(row.id)) continue;
        const list = JSON.parse(row.state).alarms;
        for (const a of Array.isArray(list) ? list : [])
          alarms.push({ stationId: row.id, key: a.key, sub: a.sub, message: a.message, sinceMs: a.since });
      }
      return { alarms };
    }),
    ListEvents: unary(hub, 'ListEvents', (req) => ({
      events: queryEvents(hub.db, {
        stationId: String(req.stationId || '') || undefined,
        sinceMs: Number(req.sinceMs) || undefined,
        afterSeq: Number(req.afterSeq) || undefined,
        limit: limitOf(req.limit, 100),
        severity: String(req.severity || '') || undefined,
        kind: String(req.kind || '') || undefined,
      }).map(districtEvent),
    })),
    ListPlayLog: unary(hub, 'ListPlayLog', (req) => ({
      entries: queryEvents(hub.db, {
        stationId: String(req.stationId || '') || undefined,
        sinceMs: Number(req.sinceMs) || undefined,
        limit: limitOf(req.limit, 100),
        playLog: true,
      }).map(districtEvent),
    })),
    ListAudit: unary(hub, 'ListAudit', (req) => ({
      entries: hub.audit
        .list({
          stationId: String(req.stationId || '') || undefined,
          sinceMs: Number(req.sinceMs) || undefined,
          limit: limitOf(req.limit, 100),
        })
        .map((e) => ({ ...e, params: toStruct(e.params) })),
    })),
  };
}
