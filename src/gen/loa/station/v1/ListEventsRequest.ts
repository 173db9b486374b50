// Original file: proto/loa/station/v1/station.proto

import type { Long } from '@grpc/proto-loader';

export interface ListEventsRequest {
  /**
   * 1..10000, default 50 (the latest ones).
   */
  'limit'?: (number);
  'sinceSeq'?: (number | string | Long);
  /**
   * Epoch milliseconds.
   */
  'sinceTs'?: (number | string | Long);
  'kind'?: (string);
  /**
   * info | warning | alarm
   */
  'severity'?: (string);
  '_limit'?: "limit";
  '_sinceSeq'?: "sinceSeq";
  '_sinceTs'?: "sinceTs";
  '_kind'?: "kind";
  '_severity'?: "severity";
}

export interface ListEventsRequest__Output {
  /**
   * 1..10000, default 50 (the latest ones).
   */
  'limit'?: (number);
  'sinceSeq'?: (number);
  /**
   * Epoch milliseconds.
   */
  'sinceTs'?: (number);
  'kind'?: (string);
  /**
   * info | warning | alarm
   */
  'severity'?: (string);
}
