// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface DatabaseTable {
  'name'?: (string);
  'rows'?: (number | string | Long);
  /**
   * The table with its indexes.
   */
  'bytes'?: (number | string | Long);
}

export interface DatabaseTable__Output {
  'name': (string);
  'rows': (number);
  /**
   * The table with its indexes.
   */
  'bytes': (number);
}
