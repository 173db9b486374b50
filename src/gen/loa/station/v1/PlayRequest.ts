// Original file: proto/loa/station/v1/station.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';

/**
 * The module commands below take the parameters their module documents (docs/), as JSON.
 */
export interface PlayRequest {
  'params'?: (_google_protobuf_Struct | null);
}

/**
 * The module commands below take the parameters their module documents (docs/), as JSON.
 */
export interface PlayRequest__Output {
  'params': (_google_protobuf_Struct__Output | null);
}
