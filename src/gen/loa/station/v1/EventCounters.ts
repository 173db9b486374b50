// Original file: proto/loa/station/v1/station.proto

import type { Long } from '@grpc/proto-loader';

export interface EventCounters {
  'lastSeq'?: (number | string | Long);
  'retained'?: (number);
  'dropped'?: (number);
}

export interface EventCounters__Output {
  'lastSeq': (number);
  'retained': (number);
  'dropped': (number);
}
