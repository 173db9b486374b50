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
import { refusedCaller } from '../refused-caller.js';
import { checkRequest } from '../requests.js';
import type { RevokeDeps } from '../revoke-rpc.js';
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
}

export type Req = Record<string, unknown>;
export type Unary = (call: grpc.ServerUnaryCall<Req, unknown>, cb: grpc.sendUnaryData<unknown>) => void;
export type AnyCall =
  | grpc.ServerUnaryCall<Req, unknown>
  | grpc.ServerReadableStream<Req, unknown>
  | grpc.ServerWritableStream<Req, unknown>;

/** Who calls, with the role the RPC needs and a valid request; or the refusal, audited. */
export function guard(d: OperatorDeps, rpc: string, call: AnyCall, req: Req): Caller {
  let caller: Caller = { who: 'unknown', role: 'viewer', via: d.via };
  const need = rpcRole(rpc);
  try {
    caller = d.callerOf(call);
    requireRole(caller.role, need, rpc, caller.who);
    if (need !== 'viewer') d.limiter?.take(caller.who);
    checkRequest(rpc, req);
    return caller;
  } catch (e) {
    const who = caller.who === 'unknown' ? refusedCaller(call, caller.via) : caller;
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

/** A unary RPC behind the guard; changes (operator and admin RPCs) are audited with their result. */
export function unary(d: OperatorDeps, rpc: string, fn: (req: Req, caller: Caller) => unknown): Unary {
  return (call, cb) => {
    let caller: Caller | undefined;
    Promise.resolve()
      .then(() => {
        caller = guard(d, rpc, call, call.request);
        return fn(call.request, caller);
      })
      .then(
        (res) => {
          if (caller && rpcRole(rpc) !== 'viewer')
            d.stores.audit.add(caller, rpc, auditParams(call.request), stationsOf(call.request));
          cb(null, res as object);
        },
        (e) => {
          if (caller)
            d.stores.audit.add(
              caller,
              rpc,
              auditParams(call.request),
              stationsOf(call.request),
              toLoaError(e),
            );
          cb(toServiceError(e));
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
