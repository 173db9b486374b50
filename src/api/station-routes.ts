/**
 * StationService RPC <-> registry method, both ways: the server turns a request message into
 * the handler's params and the result into the response; the client (stationctl) does the
 * reverse, so `ctx.call(method, params)` returns what the handler returned. Core commands have
 * typed messages; module commands carry their params as a Struct and their result as a Value;
 * any other registered method goes through `Call` by name.
 */
import type { StationEvent } from '../core/events.js';
import { isText } from '../core/i18n.js';
import type { Alarm__Output } from '../gen/loa/station/v1/Alarm.js';
import type { Event, Event__Output } from '../gen/loa/station/v1/Event.js';
import type { StationStatus, StationStatus__Output } from '../gen/loa/station/v1/StationStatus.js';
import { fromStruct, fromValue, type Json, toStruct, toValue } from '../wire/struct.js';
import type { StationStatus as Status } from './status.js';

type Msg = Record<string, unknown>;

export interface Route {
  rpc: string;
  method: string;
  /** server: request message -> handler params */
  params(req: Msg): unknown;
  /** server: handler result -> response message */
  reply(result: unknown): Msg;
  /** client: params -> request message */
  request(params: unknown): Msg;
  /** client: response message -> the handler's result */
  result(res: Msg): unknown;
}

const obj = (x: unknown): Msg => (typeof x === 'object' && x !== null ? (x as Msg) : {});

/** Keeps only the members that are set (proto3 optional fields stay absent). */
function defined(o: Msg): Msg {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

/** A command with a typed request whose fields are the handler's params, and a typed reply. */
function typed(rpc: string, method: string): Route {
  return {
    rpc,
    method,
    params: (req) => defined(req),
    reply: (r) => obj(r),
    request: (p) => defined(obj(p)),
    result: (res) => defined(res),
  };
}

/** A module command: params as a Struct, result as a Value. */
function generic(rpc: string, method: string): Route {
  return {
    rpc,
    method,
    params: (req) => fromStruct(req.params as never),
    reply: (r) => ({ result: toValue(r) }),
    request: (p) => ({ params: toStruct(obj(p)) }),
    result: (res) => fromValue(res.result as never),
  };
}

export function encodeStatus(s: Status): StationStatus {
  return {
    ...s,
    alarms: s.alarms.map((a) => ({ ...a, details: toStruct(a.details) })),
    modules: toStruct(s.modules),
  };
}

export function decodeStatus(m: StationStatus__Output): Status {
  return {
    ...(m as unknown as Status),
    alarms: m.alarms.map((a: Alarm__Output) => ({ ...a, details: fromStruct(a.details) })),
    sim: m.sim ?? undefined,
    transmitter: m.transmitter ?? undefined,
    modules: fromStruct(m.modules),
  } as Status;
}

export function encodeEvent(e: StationEvent): Event {
  const { text, ...rest } = e;
  return { ...rest, details: toStruct(e.details), ...(text ? { text: toStruct({ ...text }) } : {}) };
}

export function decodeEvent(m: Event__Output): StationEvent {
  const { text, ...rest } = m;
  const t = text ? fromStruct(text) : undefined;
  return {
    ...rest,
    severity: m.severity as StationEvent['severity'],
    details: fromStruct(m.details),
    ...(isText(t) ? { text: t } : {}),
  };
}

export const ROUTES: Route[] = [
  {
    rpc: 'GetStatus',
    method: 'status',
    params: () => undefined,
    reply: (s) => ({ status: encodeStatus(s as Status) }),
    request: () => ({}),
    result: (res) => decodeStatus(res.status as StationStatus__Output),
  },
  typed('SetPower', 'power'),
  typed('SetZone', 'zone'),
  typed('ResetLockout', 'resetLockout'),
  {
    rpc: 'ListEvents',
    method: 'events',
    params: (req) => defined(req),
    reply: (ev) => ({ events: (ev as StationEvent[]).map(encodeEvent) }),
    request: (p) => defined(obj(p)),
    result: (res) => (res.events as Event__Output[]).map(decodeEvent),
  },
  generic('Play', 'audio.play'),
  generic('Stop', 'audio.stop'),
  generic('StartEmergency', 'emergency.start'),
  generic('StopEmergency', 'emergency.stop'),
  generic('GetSchedule', 'schedule.get'),
  generic('ApplySchedule', 'schedule.apply'),
  generic('CheckLines', 'lines.check'),
  generic('CalibrateLines', 'lines.calibrate'),
  generic('GetPlayLog', 'playLog'),
  typed('InjectSimFault', 'simFault'),
  typed('ClearSimFault', 'simClear'),
];

export const ROUTE_BY_METHOD = new Map(ROUTES.map((r) => [r.method, r]));

/** Any registered method by name, through the `Call` RPC. */
export const CALL = {
  request: (method: string, params: unknown): Msg => ({ method, params: toValue(params) }),
  result: (res: Msg): Json => fromValue(res.result as never),
};
