// Original file: proto/loa/district/v1/gateway.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The station's full status, as of an outbox position: queued changes at or before as_of_seq
 * are history, later ones update the hub's latest state.
 */
export interface Snapshot {
  'asOfSeq'?: (number | string | Long);
  'tsMs'?: (number | string | Long);
  'status'?: (_google_protobuf_Struct | null);
}

/**
 * The station's full status, as of an outbox position: queued changes at or before as_of_seq
 * are history, later ones update the hub's latest state.
 */
export interface Snapshot__Output {
  'asOfSeq': (number);
  'tsMs': (number);
  'status': (_google_protobuf_Struct__Output | null);
}
