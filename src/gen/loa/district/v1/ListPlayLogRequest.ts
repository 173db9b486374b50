// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface ListPlayLogRequest {
  'stationId'?: (string);
  'sinceMs'?: (number | string | Long);
  'limit'?: (number);
}

export interface ListPlayLogRequest__Output {
  'stationId': (string);
  'sinceMs': (number);
  'limit': (number);
}
