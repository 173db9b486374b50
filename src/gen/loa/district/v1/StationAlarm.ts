// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface StationAlarm {
  'stationId'?: (string);
  'key'?: (string);
  'sub'?: (string);
  'message'?: (string);
  'sinceMs'?: (number | string | Long);
}

export interface StationAlarm__Output {
  'stationId': (string);
  'key': (string);
  'sub': (string);
  'message': (string);
  'sinceMs': (number);
}
