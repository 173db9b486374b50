/**
 * A request the server cannot decode is the client's fault, so it is INVALID_ARGUMENT naming
 * the limit, never INTERNAL. grpc-js answers any exception of a deserializer with INTERNAL
 * "Error deserializing request"; protobufjs throws "maximum nesting depth exceeded" for a
 * google.protobuf.Struct nested about 46 levels deep (each level is a Value, a Struct and a map
 * entry). So every method's deserializer is wrapped: a failure becomes a marker object, and the
 * handler wrapper answers the marker with INVALID_ARGUMENT before the handler sees anything
 * (unary and server-streaming: the one request; client-streaming and duplex: the first bad
 * message ends the call). Parameters that do decode meet hostile.ts's limit of 12 levels.
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError } from '../core/errors.js';
import { toServiceError } from '../wire/status.js';

const UNDECODABLE = Symbol('loa.undecodable');
/**
 * The nesting parameters may have: security/hostile.ts LIMITS.depth, repeated here so that grpc/
 * does not import security/ (which imports grpc/); test/security/property-round2 checks they agree.
 */
export const PARAMS_DEPTH = 12;
type Marker = { [UNDECODABLE]: LoaError };

function refusal(e: unknown, method: string): LoaError {
  const why = e instanceof Error ? e.message : String(e);
  if (/nesting depth|recursion|call stack/i.test(why))
    return new LoaError(
      'INVALID_ARGUMENT',
      `${method}: request nested too deeply (structures may nest at most ${PARAMS_DEPTH} levels; docs/security.md "Hostile input")`,
    );
  return new LoaError('INVALID_ARGUMENT', `${method}: not a valid protobuf request (${why.slice(0, 200)})`);
}

function markerOf(m: unknown): LoaError | undefined {
  return typeof m === 'object' && m !== null && UNDECODABLE in m ? (m as Marker)[UNDECODABLE] : undefined;
}

function asError(err: LoaError): Error {
  return Object.assign(new Error(err.message), toServiceError(err));
}

/** The same service definition, with deserializers that mark what they cannot decode. */
export function guardDefinition(def: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, m] of Object.entries(def)) {
    const decode = m.requestDeserialize;
    out[name] = {
      ...m,
      requestDeserialize: (buf: Buffer) => {
        try {
          return decode(buf);
        } catch (e) {
          return { [UNDECODABLE]: refusal(e, name) } satisfies Marker;
        }
      },
    };
  }
  return out as grpc.ServiceDefinition;
}

type AnyHandler = (...args: never[]) => unknown;

type StreamCall = { push(m: unknown): boolean; emit(e: string, x: unknown): boolean };

/** Drops marked messages of a stream: the call ends with the refusal instead; returns it once seen. */
function guardStream(call: StreamCall): () => LoaError | undefined {
  const push = call.push.bind(call);
  let seen: LoaError | undefined;
  call.push = (m: unknown) => {
    const bad = markerOf(m);
    if (!bad) return push(m);
    seen ??= bad;
    call.emit('error', asError(bad));
    return false;
  };
  return () => seen;
}

function wrap(m: grpc.MethodDefinition<unknown, unknown>, h: AnyHandler): AnyHandler {
  if (m.requestStream)
    return ((call: StreamCall, cb?: grpc.sendUnaryData<unknown>) => {
      const bad = guardStream(call);
      // client streaming: the handler answers through cb; the refusal wins over its error
      const answer: grpc.sendUnaryData<unknown> | undefined = cb
        ? (err, res) => {
            const b = bad();
            return b ? cb(toServiceError(b)) : cb(err, res);
          }
        : undefined;
      return (h as (c: unknown, cb?: unknown) => unknown)(call, answer);
    }) as AnyHandler;
  if (m.responseStream)
    return ((call: { request: unknown; emit(e: string, x: unknown): boolean }) => {
      const bad = markerOf(call.request);
      if (bad) return call.emit('error', asError(bad));
      return (h as (c: unknown) => unknown)(call);
    }) as AnyHandler;
  return ((call: { request: unknown }, cb: grpc.sendUnaryData<unknown>) => {
    const bad = markerOf(call.request);
    if (bad) return cb(toServiceError(bad));
    return (h as (c: unknown, cb: unknown) => unknown)(call, cb);
  }) as AnyHandler;
}

/** The handlers, each answering an undecodable request with INVALID_ARGUMENT. */
export function guardImplementation(
  def: grpc.ServiceDefinition,
  impl: grpc.UntypedServiceImplementation,
): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  for (const [name, h] of Object.entries(impl)) {
    const m = Object.hasOwn(def, name) ? def[name] : undefined;
    out[name] = (m ? wrap(m, h as AnyHandler) : h) as grpc.UntypedHandleCall;
  }
  return out;
}
