// Original file: proto/loa/station/v1/station.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

export interface Event {
  'seq'?: (number | string | Long);
  /**
   * Epoch milliseconds.
   */
  'ts'?: (number | string | Long);
  'kind'?: (string);
  /**
   * info | warning | alarm
   */
  'severity'?: (string);
  'sub'?: (string);
  'message'?: (string);
  'details'?: (_google_protobuf_Struct | null);
  /**
   * `ts` as ISO 8601 in the station's time zone, with its offset.
   */
  'time'?: (string);
  /**
   * The message as a catalogue key and its variables ({"key": "...", "vars": {...}}), for a
   * terminal in another language; `message` stays the English text. Absent in older events.
   */
  'text'?: (_google_protobuf_Struct | null);
}

export interface Event__Output {
  'seq': (number);
  /**
   * Epoch milliseconds.
   */
  'ts': (number);
  'kind': (string);
  /**
   * info | warning | alarm
   */
  'severity': (string);
  'sub': (string);
  'message': (string);
  'details': (_google_protobuf_Struct__Output | null);
  /**
   * `ts` as ISO 8601 in the station's time zone, with its offset.
   */
  'time': (string);
  /**
   * The message as a catalogue key and its variables ({"key": "...", "vars": {...}}), for a
   * terminal in another language; `message` stays the English text. Absent in older events.
   */
  'text': (_google_protobuf_Struct__Output | null);
}
