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
  | 'INTERNAL';

export class LoaError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'LoaError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
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
  UNAVAILABLE: 14,
  HARDWARE: 13,
  CONFIG: 9,
  INTERNAL: 13,
};
