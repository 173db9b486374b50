// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface ListEventsRequest {
  'stationId'?: (string);
  /**
   * Epoch milliseconds (station clock).
   */
  'sinceMs'?: (number | string | Long);
  /**
   * Only events of this station with a greater sequence number.
   */
  'afterSeq'?: (number | string | Long);
  /**
   * 1..10000, default 100 (the latest ones).
   */
  'limit'?: (number);
  'severity'?: (string);
  'kind'?: (string);
}

export interface ListEventsRequest__Output {
  'stationId': (string);
  /**
   * Epoch milliseconds (station clock).
   */
  'sinceMs': (number);
  /**
   * Only events of this station with a greater sequence number.
   */
  'afterSeq': (number);
  /**
   * 1..10000, default 100 (the latest ones).
   */
  'limit': (number);
  'severity': (string);
  'kind': (string);
}
