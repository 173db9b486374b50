// Original file: proto/loa/district/v1/gateway.proto

import type { StationEvent as _loa_district_v1_StationEvent, StationEvent__Output as _loa_district_v1_StationEvent__Output } from '../../../loa/district/v1/StationEvent.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Dropped as _loa_district_v1_Dropped, Dropped__Output as _loa_district_v1_Dropped__Output } from '../../../loa/district/v1/Dropped.js';
import type { Long } from '@grpc/proto-loader';

export interface OutboxItem {
  'seq'?: (number | string | Long);
  /**
   * Station wall clock, epoch milliseconds.
   */
  'tsMs'?: (number | string | Long);
  'event'?: (_loa_district_v1_StationEvent | null);
  /**
   * Status leaves that moved past their deadband: flattened key -> value.
   */
  'changes'?: (_google_protobuf_Struct | null);
  /**
   * Items the full outbox had to drop (routine measurements before alarms).
   */
  'dropped'?: (_loa_district_v1_Dropped | null);
  'payload'?: "event"|"changes"|"dropped";
}

export interface OutboxItem__Output {
  'seq': (number);
  /**
   * Station wall clock, epoch milliseconds.
   */
  'tsMs': (number);
  'event'?: (_loa_district_v1_StationEvent__Output | null);
  /**
   * Status leaves that moved past their deadband: flattened key -> value.
   */
  'changes'?: (_google_protobuf_Struct__Output | null);
  /**
   * Items the full outbox had to drop (routine measurements before alarms).
   */
  'dropped'?: (_loa_district_v1_Dropped__Output | null);
}
