// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadMediaRequest {
  'sha256'?: (string);
  'offset'?: (number | string | Long);
  /**
   * At most 262144 bytes per call; default 65536.
   */
  'length'?: (number);
}

export interface ReadMediaRequest__Output {
  'sha256': (string);
  'offset': (number);
  /**
   * At most 262144 bytes per call; default 65536.
   */
  'length': (number);
}
