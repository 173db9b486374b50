// Original file: proto/loa/district/v1/district.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';
import type { Long } from '@grpc/proto-loader';

export interface SendCommandRequest {
  'stationIds'?: (string)[];
  'all'?: (boolean);
  /**
   * A station registry method, e.g. "emergency.start".
   */
  'method'?: (string);
  'params'?: (_google_protobuf_Value | null);
  /**
   * Time to live; default 600000 (10 min), at most 7 days.
   */
  'ttlMs'?: (number | string | Long);
}

export interface SendCommandRequest__Output {
  'stationIds': (string)[];
  'all': (boolean);
  /**
   * A station registry method, e.g. "emergency.start".
   */
  'method': (string);
  'params': (_google_protobuf_Value__Output | null);
  /**
   * Time to live; default 600000 (10 min), at most 7 days.
   */
  'ttlMs': (number);
}
