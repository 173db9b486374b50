// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface RevokeCertificateResponse {
  /**
   * "station:ID" or "user:NAME".
   */
  'identity'?: (string);
  /**
   * The serials revoked by this request (hex, upper case).
   */
  'serials'?: (string)[];
  /**
   * Open connections of those certificates that were closed.
   */
  'connectionsDropped'?: (number);
  'revokedAtMs'?: (number | string | Long);
}

export interface RevokeCertificateResponse__Output {
  /**
   * "station:ID" or "user:NAME".
   */
  'identity': (string);
  /**
   * The serials revoked by this request (hex, upper case).
   */
  'serials': (string)[];
  /**
   * Open connections of those certificates that were closed.
   */
  'connectionsDropped': (number);
  'revokedAtMs': (number);
}
