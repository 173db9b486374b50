// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface ListAuditRequest {
  /**
   * Only this station's entries (and the hub's entries naming it).
   */
  'stationId'?: (string);
  /**
   * Epoch milliseconds.
   */
  'sinceMs'?: (number | string | Long);
  /**
   * 1..10000, default 100 (the latest ones).
   */
  'limit'?: (number);
}

export interface ListAuditRequest__Output {
  /**
   * Only this station's entries (and the hub's entries naming it).
   */
  'stationId': (string);
  /**
   * Epoch milliseconds.
   */
  'sinceMs': (number);
  /**
   * 1..10000, default 100 (the latest ones).
   */
  'limit': (number);
}
