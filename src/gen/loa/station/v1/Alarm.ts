// Original file: proto/loa/station/v1/station.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

export interface Alarm {
  'key'?: (string);
  'sub'?: (string);
  'message'?: (string);
  /**
   * Epoch milliseconds.
   */
  'since'?: (number | string | Long);
  'details'?: (_google_protobuf_Struct | null);
  /**
   * `since` as ISO 8601 in the station's time zone, with its offset.
   */
  'sinceTime'?: (string);
}

export interface Alarm__Output {
  'key': (string);
  'sub': (string);
  'message': (string);
  /**
   * Epoch milliseconds.
   */
  'since': (number);
  'details': (_google_protobuf_Struct__Output | null);
  /**
   * `since` as ISO 8601 in the station's time zone, with its offset.
   */
  'sinceTime': (string);
}
