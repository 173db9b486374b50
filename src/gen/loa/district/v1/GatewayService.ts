// Original file: proto/loa/district/v1/gateway.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ReadMediaRequest as _loa_district_v1_ReadMediaRequest, ReadMediaRequest__Output as _loa_district_v1_ReadMediaRequest__Output } from '../../../loa/district/v1/ReadMediaRequest.js';
import type { ReadMediaResponse as _loa_district_v1_ReadMediaResponse, ReadMediaResponse__Output as _loa_district_v1_ReadMediaResponse__Output } from '../../../loa/district/v1/ReadMediaResponse.js';
import type { SessionRequest as _loa_district_v1_SessionRequest, SessionRequest__Output as _loa_district_v1_SessionRequest__Output } from '../../../loa/district/v1/SessionRequest.js';
import type { SessionResponse as _loa_district_v1_SessionResponse, SessionResponse__Output as _loa_district_v1_SessionResponse__Output } from '../../../loa/district/v1/SessionResponse.js';

/**
 * Served by the district hub for its stations. Stations sit behind carrier NAT, so each
 * station dials out and keeps one Session open (DESIGN.md decisions 1-3, docs/link.md):
 * station -> hello; hub -> welcome (what it already has); station -> snapshot, then the
 * outbox from the first unacknowledged item, then only changes, events and a heartbeat;
 * hub -> cumulative acks, commands (id + expiry, at most once), desired state (versioned).
 */
export interface GatewayServiceClient extends grpc.Client {
  /**
   * One chunk of a media file named in a desired state, for resumable downloads. Unary and
   * small so a command or bulletin never waits behind a large transfer.
   */
  ReadMedia(argument: _loa_district_v1_ReadMediaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  ReadMedia(argument: _loa_district_v1_ReadMediaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  ReadMedia(argument: _loa_district_v1_ReadMediaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  ReadMedia(argument: _loa_district_v1_ReadMediaRequest, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One chunk of a media file named in a desired state, for resumable downloads. Unary and
   * small so a command or bulletin never waits behind a large transfer.
   */
  readMedia(argument: _loa_district_v1_ReadMediaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  readMedia(argument: _loa_district_v1_ReadMediaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  readMedia(argument: _loa_district_v1_ReadMediaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  readMedia(argument: _loa_district_v1_ReadMediaRequest, callback: grpc.requestCallback<_loa_district_v1_ReadMediaResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The station's one long-lived stream. A new Session replaces an older one of the station.
   */
  Session(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_loa_district_v1_SessionRequest, _loa_district_v1_SessionResponse__Output>;
  Session(options?: grpc.CallOptions): grpc.ClientDuplexStream<_loa_district_v1_SessionRequest, _loa_district_v1_SessionResponse__Output>;
  /**
   * The station's one long-lived stream. A new Session replaces an older one of the station.
   */
  session(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_loa_district_v1_SessionRequest, _loa_district_v1_SessionResponse__Output>;
  session(options?: grpc.CallOptions): grpc.ClientDuplexStream<_loa_district_v1_SessionRequest, _loa_district_v1_SessionResponse__Output>;
  
}

/**
 * Served by the district hub for its stations. Stations sit behind carrier NAT, so each
 * station dials out and keeps one Session open (DESIGN.md decisions 1-3, docs/link.md):
 * station -> hello; hub -> welcome (what it already has); station -> snapshot, then the
 * outbox from the first unacknowledged item, then only changes, events and a heartbeat;
 * hub -> cumulative acks, commands (id + expiry, at most once), desired state (versioned).
 */
export interface GatewayServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * One chunk of a media file named in a desired state, for resumable downloads. Unary and
   * small so a command or bulletin never waits behind a large transfer.
   */
  ReadMedia: grpc.handleUnaryCall<_loa_district_v1_ReadMediaRequest__Output, _loa_district_v1_ReadMediaResponse>;
  
  /**
   * The station's one long-lived stream. A new Session replaces an older one of the station.
   */
  Session: grpc.handleBidiStreamingCall<_loa_district_v1_SessionRequest__Output, _loa_district_v1_SessionResponse>;
  
}

export interface GatewayServiceDefinition extends grpc.ServiceDefinition {
  ReadMedia: MethodDefinition<_loa_district_v1_ReadMediaRequest, _loa_district_v1_ReadMediaResponse, _loa_district_v1_ReadMediaRequest__Output, _loa_district_v1_ReadMediaResponse__Output>
  Session: MethodDefinition<_loa_district_v1_SessionRequest, _loa_district_v1_SessionResponse, _loa_district_v1_SessionRequest__Output, _loa_district_v1_SessionResponse__Output>
}
