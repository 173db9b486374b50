// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface PushScheduleResponse {
  'version'?: (number | string | Long);
  'stationIds'?: (string)[];
}

export interface PushScheduleResponse__Output {
  'version': (number);
  'stationIds': (string)[];
}
