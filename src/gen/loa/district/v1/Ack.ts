// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface Ack {
  /**
   * Cumulative: every item with seq <= this is stored at the hub.
   */
  'seq'?: (number | string | Long);
}

export interface Ack__Output {
  /**
   * Cumulative: every item with seq <= this is stored at the hub.
   */
  'seq': (number);
}
