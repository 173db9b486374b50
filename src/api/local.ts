/**
 * The station's control API moved to gRPC StationService (grpc-station.ts) on the same unix
 * socket; commands live in the CommandRegistry. This re-export keeps modules that typed their
 * handlers against the old JSON-lines API compiling unchanged.
 */
export type { Handler } from '../core/registry.js';
