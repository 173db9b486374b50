/**
 * The guard every DistrictService call passes first: the caller's certificate and role
 * (security/roles.ts), the request's schema (requests.ts), a rate limit on changes; what
 * changes something, and every refusal, goes to the audit store.
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError, toLoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { AuthCall } from '../../security/callers.js';
import type { Caller } from '../../security/identity.js';
import type { RateLimiter } from '../../security/ratelimit.js';
import { requireRole, rpcRole } from '../../security/roles.js';
import { toServiceError } from '../../wire/status.js';
import { fromValue } from '../../wire/struct.js';
import { type AuditCaller, refusedCaller } from '../refused-caller.js';
import { checkRequest } from '../requests.js';
import type { RevokeDeps } from '../revoke-rpc.js';
import type { RpcTimes } from '../rpc-times.js';
import type { Sessions } from '../sessions.js';
import type { HubStores } from '../stores.js';

/** What the operator services work with: the hub's stores, its live sessions, who calls. */
export interface OperatorDeps extends RevokeDeps {
  stores: HubStores;
  sessions: Sessions;
  log: Logger;
  /** The operator behind a call: its certificate's name and role, or the lab's admin. */
  callerOf(call: AuthCall): Caller;
  /** How an unidentified caller is recorded in the audit: mutual TLS or a lab. */
  via: 'tls' | 'lab';
  limiter: RateLimiter | undefined;
  /** GetDatabaseStatus (db-status.ts). */
  dbStatus?(): unknown;
  /** Each unary RPC's handler time, for the metrics (rpc-times.ts). */
  rpcTimes?: RpcTimes;
}

export type Req = Record<string, unknown>;
export type Unary = (call: grpc.ServerUnaryCall<Req, unknown>, cb: grpc.sendUnaryData<unknown>) => void;
export type AnyCall =
  | grpc.ServerUnaryCall<Req, unknown>
  | grpc.ServerReadableStream<Req, unknown>
  | grpc.ServerWritableStream<Req, unknown>;

/** Who calls, with the role the RPC needs and a valid request; or the refusal, audited. */
export function guard(d: OperatorDeps, rpc: string, call: AnyCall, req: Req): Caller {
  return guardAs(
    d,
    rpc,
    () => d.callerOf(call),
    req,
    (via) => refusedCaller(call, via),
  );
}

/**
 * The one authorisation path, whatever the transport (gRPC here, the browser console in
 * district/console/): the caller's role against the role table, the rate limit on changes, the
 * request's schema; a refusal is audited with the caller (or `refused` when it has none).
 */
export function guardAs(
  d: OperatorDeps,
  rpc: string,
  identify: () => Caller,
  req: Req,
  refused: (via: string) => AuditCaller = (via) => ({ who: 'unknown', role: 'none', via }),
): Caller {
  let caller: Caller = { who: 'unknown', role: 'viewer', via: d.via };
  const need = rpcRole(rpc);
  try {
    caller = identify();
    requireRole(caller.role, need, rpc, caller.who);
    if (need !== 'viewer') d.limiter?.take(caller.who);
    checkRequest(rpc, req);
    return caller;
  } catch (e) {
    const who = caller.who === 'unknown' ? refused(caller.via) : caller;
    d.stores.audit.add(who, rpc, auditParams(req), stationsOf(req), toLoaError(e));
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

/**
 * Runs `fn` behind the guard; changes (operator and admin RPCs) are audited with their result.
 * gRPC's unary handlers and the console's API both come through here.
 */
export async function perform<T>(
  d: OperatorDeps,
  rpc: string,
  identify: () => Caller,
  req: Req,
  fn: (req: Req, caller: Caller) => T | Promise<T>,
  refused?: (via: string) => AuditCaller,
): Promise<T> {
  const caller = guardAs(d, rpc, identify, req, refused);
  const audited = rpcRole(rpc) !== 'viewer';
  try {
    const res = await fn(req, caller);
    if (audited) d.stores.audit.add(caller, rpc, auditParams(req), stationsOf(req));
    return res;
  } catch (e) {
    d.stores.audit.add(caller, rpc, auditParams(req), stationsOf(req), toLoaError(e));
    throw e;
  }
}

/** A unary RPC behind the guard (perform). */
export function unary(d: OperatorDeps, rpc: string, fn: (req: Req, caller: Caller) => unknown): Unary {
  return (call, cb) => {
    const t0 = performance.now();
    const done = () => d.rpcTimes?.record(rpc, performance.now() - t0);
    perform(
      d,
      rpc,
      () => d.callerOf(call),
      call.request,
      fn,
      (via) => refusedCaller(call, via),
    ).then(
      // after cb: gRPC serialises the answer in it, part of what the hub spends on the call
      (res) => {
        cb(null, res as object);
        done();
      },
      (e) => {
        cb(toServiceError(e));
        done();
      },
    );
  };
}

export function limitOf(v: unknown, def: number): number {
  const n = Number(v || def);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new LoaError('INVALID_ARGUMENT', `limit: 1 to 10000 (got ${v})`);
  return n;
}
