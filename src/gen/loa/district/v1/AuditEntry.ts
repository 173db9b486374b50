// Original file: proto/loa/district/v1/district.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

export interface AuditEntry {
  /**
   * "hub" (an operator's request to the hub) or "station" (a command a station ran or refused).
   */
  'source'?: (string);
  /**
   * The station (source station) or the stations the request named, comma separated.
   */
  'stationId'?: (string);
  /**
   * Epoch milliseconds (the clock of the source).
   */
  'tsMs'?: (number | string | Long);
  /**
   * Certificate name, or the local user a station's unix socket reported.
   */
  'who'?: (string);
  'role'?: (string);
  /**
   * tls | lab | unix:ROLE | district
   */
  'via'?: (string);
  /**
   * An RPC (hub) or a station method.
   */
  'action'?: (string);
  'params'?: (_google_protobuf_Struct | null);
  /**
   * ok | denied | invalid | refused | rate-limited | expired | failed
   */
  'result'?: (string);
  'errorCode'?: (string);
  'message'?: (string);
}

export interface AuditEntry__Output {
  /**
   * "hub" (an operator's request to the hub) or "station" (a command a station ran or refused).
   */
  'source': (string);
  /**
   * The station (source station) or the stations the request named, comma separated.
   */
  'stationId': (string);
  /**
   * Epoch milliseconds (the clock of the source).
   */
  'tsMs': (number);
  /**
   * Certificate name, or the local user a station's unix socket reported.
   */
  'who': (string);
  'role': (string);
  /**
   * tls | lab | unix:ROLE | district
   */
  'via': (string);
  /**
   * An RPC (hub) or a station method.
   */
  'action': (string);
  'params': (_google_protobuf_Struct__Output | null);
  /**
   * ok | denied | invalid | refused | rate-limited | expired | failed
   */
  'result': (string);
  'errorCode': (string);
  'message': (string);
}
