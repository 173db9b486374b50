// Original file: proto/loa/district/v1/types.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A media file by content: the station verifies sha256 before it goes on air.
 */
export interface MediaRef {
  /**
   * Lower-case hex.
   */
  'sha256'?: (string);
  'sizeBytes'?: (number | string | Long);
  /**
   * A human name (the file's base name), for logs and schedules.
   */
  'name'?: (string);
}

/**
 * A media file by content: the station verifies sha256 before it goes on air.
 */
export interface MediaRef__Output {
  /**
   * Lower-case hex.
   */
  'sha256': (string);
  'sizeBytes': (number);
  /**
   * A human name (the file's base name), for logs and schedules.
   */
  'name': (string);
}
