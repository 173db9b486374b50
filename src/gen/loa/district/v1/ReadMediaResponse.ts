// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadMediaResponse {
  'data'?: (Buffer | Uint8Array | string);
  'offset'?: (number | string | Long);
  'totalSize'?: (number | string | Long);
}

export interface ReadMediaResponse__Output {
  'data': (Buffer);
  'offset': (number);
  'totalSize': (number);
}
