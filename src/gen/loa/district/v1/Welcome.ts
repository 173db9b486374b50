// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface Welcome {
  /**
   * Everything up to here is stored at the hub (for this outbox epoch): drop it.
   */
  'ackedSeq'?: (number | string | Long);
  'desiredVersion'?: (number | string | Long);
  /**
   * Hub wall clock, epoch milliseconds (for the station's information only).
   */
  'serverTimeMs'?: (number | string | Long);
}

export interface Welcome__Output {
  /**
   * Everything up to here is stored at the hub (for this outbox epoch): drop it.
   */
  'ackedSeq': (number);
  'desiredVersion': (number);
  /**
   * Hub wall clock, epoch milliseconds (for the station's information only).
   */
  'serverTimeMs': (number);
}
