/**
 * The console's JSON API. Every call goes through `perform` (operator/guard.ts), the path
 * DistrictService's own RPCs take: the role table, the request's schema, the rate limit on
 * changes and the audit trail, with the console user as the caller ("an", via "console
 * 192.0.2.7"). Requests are built in the decoded-proto shape the operator handlers take.
 */

import { LoaError } from '../../core/errors.js';
import { eventText } from '../../ops/alarm-text.js';
import type { Caller } from '../../security/identity.js';
import { textFromWire } from '../../wire/session.js';
import { toStruct, toValue } from '../../wire/struct.js';
import { listCommands, pushSchedule, sendCommand } from '../operator/commands.js';
import { perform, type Req } from '../operator/guard.js';
import { getStation, listAlarms, listAudit, listEvents, listPlayLog } from '../operator/queries.js';
import { acknowledgeAlarm } from './alarms.js';
import { type ConsoleCtx, consoleCaller } from './ctx.js';
import type { Exchange, Route } from './http.js';
import { readJson, sendJson } from './http.js';
import { lineHistory } from './line-history.js';
import { authRoutes } from './login.js';
import { mediaRoutes } from './media.js';
import { plainStruct, plainValue } from './plain.js';
import { card } from './view.js';

/** A query parameter as the proto decoder would hand it: numbers as numbers, absent as the default. */
function q(x: Exchange, name: string, def: string | number): string | number {
  const v = x.url.searchParams.get(name);
  if (v === null || v === '') return def;
  return typeof def === 'number' && /^\d{1,16}$/.test(v) ? Number(v) : v;
}

/** Nesting deeper than this is refused before any recursive conversion (a hostile `[[[[…`). */
function checkDepth(v: unknown, field: string, depth = 0): void {
  if (depth > 16) throw new LoaError('INVALID_ARGUMENT', `${field}: nested deeper than 16 levels`);
  if (typeof v === 'object' && v !== null) for (const c of Object.values(v)) checkDepth(c, field, depth + 1);
}

function run<T>(
  c: ConsoleCtx,
  x: Exchange,
  rpc: string,
  req: Req,
  fn: (req: Req, caller: Caller) => T | Promise<T>,
) {
  return perform(c.deps, rpc, () => consoleCaller(x), req, fn);
}

function stationRoutes(c: ConsoleCtx): Route[] {
  const d = c.deps;
  return [
    {
      method: 'GET',
      path: '/api/stations',
      access: 'session',
      handle: async (x) => {
        const list = await run(c, x, 'ListStations', {}, () =>
          d.stores.stations.list().map((r) => card(d.stores, d.sessions, c.places, r.id)),
        );
        sendJson(x.res, 200, { stations: list, now: c.clock.now() });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/stations\/([^/]+)$/,
      access: 'session',
      handle: async (x) => {
        const stationId = x.params[0] ?? '';
        const r = await run(c, x, 'GetStation', { stationId }, (req) => getStation(d, req));
        const desired = r.desired && {
          ...r.desired,
          schedule: plainStruct(r.desired.schedule),
          report: plainStruct(r.desired.report),
        };
        const view = card(d.stores, d.sessions, c.places, stationId);
        sendJson(x.res, 200, { ...view, status: plainStruct(r.status), desired });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/stations\/([^/]+)\/lines$/,
      access: 'session',
      handle: async (x) => {
        const req = { stationId: x.params[0] ?? '', range: x.url.searchParams.get('range') ?? '24h' };
        const r = await run(c, x, 'ListMeasurements', req, () => {
          const row = d.stores.stations.get(req.stationId);
          if (!row) throw new LoaError('NOT_FOUND', `station ${req.stationId} is not known to this hub`);
          return lineHistory(d.stores.events, row, req.range as '24h', c.clock.now());
        });
        sendJson(x.res, 200, r);
      },
    },
  ];
}

const plainEvent = (e: ReturnType<typeof listEvents>['events'][number]) => {
  const { text: wireText, ...event } = e.event;
  const details = plainStruct(event.details);
  const text = textFromWire(wireText as Parameters<typeof textFromWire>[0], event.kind ?? '', details);
  const messageVi = eventText({ message: event.message ?? '', text }, 'vi');
  return { ...e, event: { ...event, details, messageVi } };
};

function historyRoutes(c: ConsoleCtx): Route[] {
  const d = c.deps;
  return [
    {
      method: 'GET',
      path: '/api/events',
      access: 'session',
      handle: async (x) => {
        const req = {
          stationId: q(x, 'station', ''),
          sinceMs: q(x, 'since', 0),
          afterSeq: 0,
          limit: q(x, 'limit', 200),
          severity: q(x, 'severity', ''),
          kind: q(x, 'kind', ''),
        };
        const r = await run(c, x, 'ListEvents', req, (rq) => listEvents(d, rq));
        sendJson(x.res, 200, { events: r.events.map(plainEvent).reverse() });
      },
    },
    {
      method: 'GET',
      path: '/api/playlog',
      access: 'session',
      handle: async (x) => {
        const req = { stationId: q(x, 'station', ''), sinceMs: q(x, 'since', 0), limit: q(x, 'limit', 200) };
        const r = await run(c, x, 'ListPlayLog', req, (rq) => listPlayLog(d, rq));
        sendJson(x.res, 200, { entries: r.entries.map(plainEvent).reverse() });
      },
    },
    {
      method: 'GET',
      path: '/api/audit',
      access: 'session',
      handle: async (x) => {
        const req = { stationId: q(x, 'station', ''), sinceMs: q(x, 'since', 0), limit: q(x, 'limit', 200) };
        const r = await run(c, x, 'ListAudit', req, (rq) => listAudit(d, rq));
        const entries = r.entries.map((e) => ({ ...e, params: plainStruct(e.params) })).reverse();
        sendJson(x.res, 200, { entries });
      },
    },
    {
      method: 'GET',
      path: '/api/commands',
      access: 'session',
      handle: async (x) => {
        const req = { ids: [], stationId: q(x, 'station', ''), limit: q(x, 'limit', 50) };
        const r = await run(c, x, 'ListCommands', req, (rq) => listCommands(d, rq));
        sendJson(x.res, 200, {
          commands: r.commands.map((cm) => ({
            ...cm,
            params: plainValue(cm.params),
            result: plainValue(cm.result),
          })),
        });
      },
    },
  ];
}

function writeRoutes(c: ConsoleCtx): Route[] {
  const d = c.deps;
  return [
    {
      method: 'POST',
      path: '/api/commands',
      access: 'session',
      handle: async (x) => {
        const b = await readJson(x.req);
        checkDepth(b.params, 'params');
        const req = {
          stationIds: b.stationIds ?? [],
          all: false,
          method: b.method ?? '',
          ttlMs: b.ttlMs ?? 0,
          params: toValue(b.params ?? {}),
        };
        const r = await run(c, x, 'SendCommand', req, (rq, caller) => sendCommand(d, rq, caller));
        sendJson(x.res, 200, {
          commands: r.commands.map((cm) => ({ id: cm.id, stationId: cm.stationId, status: cm.status })),
        });
      },
    },
    {
      method: 'POST',
      path: '/api/schedule',
      access: 'session',
      handle: async (x) => {
        const b = await readJson(x.req, 512 * 1024);
        checkDepth(b.schedule, 'schedule');
        const schedule = typeof b.schedule === 'object' && b.schedule !== null ? b.schedule : {};
        const req = {
          stationIds: b.stationIds ?? [],
          all: false,
          media: b.media ?? [],
          schedule: toStruct(schedule as Record<string, unknown>),
        };
        const r = await run(c, x, 'PushSchedule', req, (rq) => pushSchedule(d, rq));
        sendJson(x.res, 200, r);
      },
    },
    {
      method: 'POST',
      path: '/api/alarms/ack',
      access: 'session',
      handle: async (x) => {
        const b = await readJson(x.req);
        const req = {
          stationId: b.stationId ?? '',
          key: b.key ?? '',
          sinceMs: b.sinceMs ?? 0,
          note: b.note ?? '',
        };
        const r = await run(c, x, 'AcknowledgeAlarm', req, (rq, caller) => acknowledgeAlarm(d, rq, caller));
        sendJson(x.res, 200, r);
      },
    },
  ];
}

function alarmRoutes(c: ConsoleCtx): Route[] {
  const d = c.deps;
  return [
    {
      method: 'GET',
      path: '/api/alarms',
      access: 'session',
      handle: async (x) => {
        await run(c, x, 'ListAlarms', { stationIds: [] }, (rq) => listAlarms(d, rq));
        const acks = new Map(
          d.stores.users.acknowledgements(1000).map((a) => [`${a.station}\n${a.key}\n${a.since}`, a]),
        );
        const alarms = d.stores.stations
          .list()
          .flatMap((r) => card(d.stores, d.sessions, c.places, r.id)?.alarmList ?? [])
          .map((a) => ({ ...a, ack: acks.get(`${a.stationId}\n${a.key}\n${a.sinceMs}`) }))
          .sort((a, b) => Number(!!a.ack) - Number(!!b.ack) || b.rank - a.rank || b.sinceMs - a.sinceMs);
        sendJson(x.res, 200, { alarms });
      },
    },
  ];
}

export function apiRoutes(c: ConsoleCtx): Route[] {
  return [
    ...authRoutes(c),
    ...stationRoutes(c),
    ...historyRoutes(c),
    ...alarmRoutes(c),
    ...writeRoutes(c),
    ...mediaRoutes(c),
  ];
}
