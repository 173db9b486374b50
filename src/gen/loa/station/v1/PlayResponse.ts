// Original file: proto/loa/station/v1/station.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';

export interface PlayResponse {
  'result'?: (_google_protobuf_Value | null);
}

export interface PlayResponse__Output {
  'result': (_google_protobuf_Value__Output | null);
}
