// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface DesiredStateReport {
  'appliedVersion'?: (number | string | Long);
  'fetchingVersion'?: (number | string | Long);
  'mediaMissing'?: (number);
  'mediaBytesDone'?: (number | string | Long);
  'mediaBytesTotal'?: (number | string | Long);
  'error'?: (string);
}

export interface DesiredStateReport__Output {
  'appliedVersion': (number);
  'fetchingVersion': (number);
  'mediaMissing': (number);
  'mediaBytesDone': (number);
  'mediaBytesTotal': (number);
  'error': (string);
}
