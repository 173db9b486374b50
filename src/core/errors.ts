import type { Text, TextVar } from './i18n.js';

/**
 * One error type with a code union. Codes map to gRPC status codes and CLI exit codes in
 * one place each (here), so a refusal reads the same everywhere.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT' // bad input: the message names the field and what is allowed
  | 'NOT_FOUND'
  | 'REFUSED' // valid request the station will not carry out now (interlock, lockout, state)
  | 'PERMISSION_DENIED'
  | 'UNAVAILABLE' // daemon, link or device not reachable
  | 'HARDWARE' // a driver or device failed
  | 'CONFIG' // a profile or configuration file is broken
  | 'EXPIRED'
  | 'RATE_LIMITED' // too many commands from one identity: the message names the limit
  | 'UNIMPLEMENTED' // a command this station does not have (its module is not installed)
  | 'STORAGE_FULL' // the disk under a store is full: writes refused until space returns
  | 'INTERNAL';

export class LoaError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  /** The message as a catalogue key and variables, for terminals in another language. */
  readonly text: Text | undefined;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, text?: Text) {
    super(message);
    this.name = 'LoaError';
    this.code = code;
    this.details = details;
    this.text = text;
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown>; text?: Text } {
    return {
      code: this.code,
      message: this.message,
      details: this.details,
      ...(this.text ? { text: this.text } : {}),
    };
  }
}

/** A LoaError whose English message is `message` and whose words are `key` with `vars`. */
export function keyed(
  code: ErrorCode,
  message: string,
  key: string,
  vars: Record<string, TextVar> = {},
  details: Record<string, unknown> = {},
): LoaError {
  return new LoaError(code, message, details, { key, vars });
}

export function isLoaError(e: unknown): e is LoaError {
  return e instanceof LoaError;
}

export function hasErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

export const isENOENT = (e: unknown): boolean => hasErrno(e, 'ENOENT');

/** Wraps anything thrown into a LoaError, keeping LoaErrors as they are. */
export function toLoaError(e: unknown): LoaError {
  if (isLoaError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LoaError('INTERNAL', message);
}

/** CLI exit codes (stationctl/districtctl): 0 ok, 1 refused or invalid, 2 unreachable. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return code === 'UNAVAILABLE' ? 2 : 1;
}

/** gRPC status code numbers (grpc.status) for each error code. */
export const grpcStatusFor: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  REFUSED: 9, // FAILED_PRECONDITION
  EXPIRED: 4, // DEADLINE_EXCEEDED
  RATE_LIMITED: 8, // RESOURCE_EXHAUSTED
  UNAVAILABLE: 14,
  HARDWARE: 13,
  CONFIG: 9,
  UNIMPLEMENTED: 12,
  STORAGE_FULL: 8, // RESOURCE_EXHAUSTED
  INTERNAL: 13,
};

/**
 * The error code for a gRPC status, when the peer did not name one (our servers send the
 * exact code in the "loa-code" trailer; several codes share a gRPC status).
 */
export function loaCodeForGrpc(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    3: 'INVALID_ARGUMENT',
    4: 'UNAVAILABLE', // our own deadline: the peer did not answer in time
    5: 'NOT_FOUND',
    7: 'PERMISSION_DENIED',
    8: 'INVALID_ARGUMENT', // RESOURCE_EXHAUSTED from gRPC itself: a message over the size limit
    9: 'REFUSED',
    12: 'UNIMPLEMENTED',
    14: 'UNAVAILABLE',
    16: 'PERMISSION_DENIED', // UNAUTHENTICATED
  };
  return byStatus[status] ?? 'INTERNAL';
}

const ERROR_CODES = new Set<string>(Object.keys(grpcStatusFor));

export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && ERROR_CODES.has(s);
}
