/**
 * LoaError <-> gRPC status. The code mapping itself lives in core/errors.ts (one place);
 * here the station's exact code travels in the "loa-code" trailer, because several codes
 * share one gRPC status (REFUSED and CONFIG are both FAILED_PRECONDITION).
 */
import * as grpc from '@grpc/grpc-js';
import { grpcStatusFor, isErrorCode, LoaError, loaCodeForGrpc, toLoaError } from '../core/errors.js';
import { isText, type Text } from '../core/i18n.js';

export const LOA_CODE_KEY = 'loa-code';
/**
 * The message as a catalogue key and variables (JSON, UTF-8: zone names and titles are
 * Vietnamese, hence a binary trailer). Added beside the English `details`: a peer that does
 * not know it reads the English text as before.
 */
export const LOA_TEXT_KEY = 'loa-text-bin';

export function toServiceError(e: unknown): Partial<grpc.StatusObject> {
  const err = toLoaError(e);
  const metadata = new grpc.Metadata();
  metadata.set(LOA_CODE_KEY, err.code);
  if (err.text) metadata.set(LOA_TEXT_KEY, Buffer.from(JSON.stringify(err.text)));
  return { code: grpcStatusFor[err.code], details: err.message, metadata };
}

/** A failed call as a LoaError; `peer` names what did not answer (for UNAVAILABLE). */
export function fromServiceError(e: unknown, peer: string): LoaError {
  const se = e as Partial<grpc.ServiceError>;
  if (typeof se?.code !== 'number') return toLoaError(e);
  const named = se.metadata?.get(LOA_CODE_KEY)[0];
  if (isErrorCode(named)) return new LoaError(named, se.details ?? String(e), {}, textOf(se.metadata));
  // grpc-js's own refusal to encode our request (a value the message type cannot carry)
  if (se.code === grpc.status.INTERNAL && /^Request message serialization failure/.test(se.details ?? ''))
    return new LoaError('INVALID_ARGUMENT', `request: ${se.details}`);
  if (se.code === grpc.status.DEADLINE_EXCEEDED)
    return new LoaError('UNAVAILABLE', `${peer} did not answer in time`);
  if (se.code === grpc.status.UNAVAILABLE)
    return new LoaError('UNAVAILABLE', `${peer} not reachable (${se.details ?? 'no connection'})`);
  return new LoaError(loaCodeForGrpc(se.code), se.details ?? String(e));
}

function textOf(m: grpc.Metadata | undefined): Text | undefined {
  const raw = m?.get(LOA_TEXT_KEY)[0];
  if (!Buffer.isBuffer(raw)) return undefined;
  try {
    const t: unknown = JSON.parse(raw.toString('utf8'));
    return isText(t) ? t : undefined;
  } catch {
    return undefined; // a damaged trailer costs the translation, never the refusal itself
  }
}

/**
 * Ends a streaming call with `e` as its gRPC status — the one way every server stream
 * (StationService, GatewayService, DistrictService) fails, with the exact code in the trailer.
 */
export function failStream(call: { emit(event: 'error', error: Error): unknown }, e: unknown): void {
  call.emit('error', Object.assign(new Error(toLoaError(e).message), toServiceError(e)));
}

/** A deadline `ms` from now, for every unary call our clients make. */
export function deadlineIn(ms: number): Date {
  return new Date(Date.now() + ms);
}
