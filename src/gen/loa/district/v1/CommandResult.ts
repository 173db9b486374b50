// Original file: proto/loa/district/v1/gateway.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';

export interface CommandResult {
  'id'?: (string);
  /**
   * done | failed | refused | expired
   */
  'status'?: (string);
  'errorCode'?: (string);
  'message'?: (string);
  'result'?: (_google_protobuf_Value | null);
  /**
   * The command had already been executed (this is its recorded outcome, not a second run).
   */
  'duplicate'?: (boolean);
}

export interface CommandResult__Output {
  'id': (string);
  /**
   * done | failed | refused | expired
   */
  'status': (string);
  'errorCode': (string);
  'message': (string);
  'result': (_google_protobuf_Value__Output | null);
  /**
   * The command had already been executed (this is its recorded outcome, not a second run).
   */
  'duplicate': (boolean);
}
