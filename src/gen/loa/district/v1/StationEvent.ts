// Original file: proto/loa/district/v1/types.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

/**
 * An event as the station recorded it.
 */
export interface StationEvent {
  /**
   * The station's event-log sequence number.
   */
  'eventSeq'?: (number | string | Long);
  'kind'?: (string);
  /**
   * info | warning | alarm
   */
  'severity'?: (string);
  'sub'?: (string);
  'message'?: (string);
  'details'?: (_google_protobuf_Struct | null);
  /**
   * The message as a catalogue key and its variables ({"key": "...", "vars": {...}}), for a
   * reader in another language (the console, districtctl --lang vi); `message` stays the
   * English text. Always set in the hub's answers when known. On a station's session it is
   * left out when the details make it again (operator commands, play-log items, alarms raised:
   * src/core/event-text.ts), and absent from older stations' events.
   */
  'text'?: (_google_protobuf_Struct | null);
}

/**
 * An event as the station recorded it.
 */
export interface StationEvent__Output {
  /**
   * The station's event-log sequence number.
   */
  'eventSeq': (number);
  'kind': (string);
  /**
   * info | warning | alarm
   */
  'severity': (string);
  'sub': (string);
  'message': (string);
  'details': (_google_protobuf_Struct__Output | null);
  /**
   * The message as a catalogue key and its variables ({"key": "...", "vars": {...}}), for a
   * reader in another language (the console, districtctl --lang vi); `message` stays the
   * English text. Always set in the hub's answers when known. On a station's session it is
   * left out when the details make it again (operator commands, play-log items, alarms raised:
   * src/core/event-text.ts), and absent from older stations' events.
   */
  'text': (_google_protobuf_Struct__Output | null);
}
