// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface Heartbeat {
  'tsMs'?: (number | string | Long);
  'lastSeq'?: (number | string | Long);
}

export interface Heartbeat__Output {
  'tsMs': (number);
  'lastSeq': (number);
}
