// Original file: proto/loa/district/v1/district.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value.js';
import type { Long } from '@grpc/proto-loader';

export interface CommandInfo {
  'id'?: (string);
  'stationId'?: (string);
  'method'?: (string);
  'params'?: (_google_protobuf_Value | null);
  'createdMs'?: (number | string | Long);
  'expiresAtMs'?: (number | string | Long);
  /**
   * pending | sent | done | failed | refused | expired
   */
  'status'?: (string);
  'errorCode'?: (string);
  'message'?: (string);
  'result'?: (_google_protobuf_Value | null);
  'updatedMs'?: (number | string | Long);
}

export interface CommandInfo__Output {
  'id': (string);
  'stationId': (string);
  'method': (string);
  'params': (_google_protobuf_Value__Output | null);
  'createdMs': (number);
  'expiresAtMs': (number);
  /**
   * pending | sent | done | failed | refused | expired
   */
  'status': (string);
  'errorCode': (string);
  'message': (string);
  'result': (_google_protobuf_Value__Output | null);
  'updatedMs': (number);
}
