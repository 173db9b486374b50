// Original file: proto/loa/district/v1/gateway.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';
import type { Long } from '@grpc/proto-loader';

export interface Command {
  'id'?: (string);
  /**
   * A station registry method, e.g. "emergency.start", "power", "lines.check".
   */
  'method'?: (string);
  'params'?: (_google_protobuf_Value | null);
  /**
   * Hub wall clock, epoch milliseconds; the station uses only the difference (its own clock
   * may be wrong after a power cut, DESIGN.md decision 8).
   */
  'sentAtMs'?: (number | string | Long);
  'expiresAtMs'?: (number | string | Long);
  /**
   * The operator who sent it, as the hub verified it (certificate name), and that operator's
   * role; the station checks the role again and records both in its audit trail.
   */
  'issuedBy'?: (string);
  /**
   * viewer | operator | admin
   */
  'issuerRole'?: (string);
}

export interface Command__Output {
  'id': (string);
  /**
   * A station registry method, e.g. "emergency.start", "power", "lines.check".
   */
  'method': (string);
  'params': (_google_protobuf_Value__Output | null);
  /**
   * Hub wall clock, epoch milliseconds; the station uses only the difference (its own clock
   * may be wrong after a power cut, DESIGN.md decision 8).
   */
  'sentAtMs': (number);
  'expiresAtMs': (number);
  /**
   * The operator who sent it, as the hub verified it (certificate name), and that operator's
   * role; the station checks the role again and records both in its audit trail.
   */
  'issuedBy': (string);
  /**
   * viewer | operator | admin
   */
  'issuerRole': (string);
}
