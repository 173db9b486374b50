// Original file: proto/loa/station/v1/station.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';

export interface CallRequest {
  /**
   * A registry method name, e.g. "fallback.list".
   */
  'method'?: (string);
  'params'?: (_google_protobuf_Value | null);
}

export interface CallRequest__Output {
  /**
   * A registry method name, e.g. "fallback.list".
   */
  'method': (string);
  'params': (_google_protobuf_Value__Output | null);
}
