// Original file: proto/loa/station/v1/station.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';

export interface ApplyScheduleRequest {
  'params'?: (_google_protobuf_Struct | null);
}

export interface ApplyScheduleRequest__Output {
  'params': (_google_protobuf_Struct__Output | null);
}
