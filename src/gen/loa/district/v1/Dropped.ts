// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface Dropped {
  'count'?: (number);
  'measurements'?: (number);
  'events'?: (number);
  'firstSeq'?: (number | string | Long);
  'lastSeq'?: (number | string | Long);
}

export interface Dropped__Output {
  'count': (number);
  'measurements': (number);
  'events': (number);
  'firstSeq': (number);
  'lastSeq': (number);
}
