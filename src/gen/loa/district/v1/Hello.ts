// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

export interface Hello {
  'stationId'?: (string);
  /**
   * Random per process start: tells restarts apart.
   */
  'bootId'?: (string);
  'softwareVersion'?: (string);
  /**
   * The desired-state version the station runs (0: none yet).
   */
  'appliedDesiredVersion'?: (number | string | Long);
  /**
   * The oldest outbox item not yet acknowledged (last_seq + 1 when the outbox is empty).
   */
  'firstUnackedSeq'?: (number | string | Long);
  /**
   * The newest sequence number the station has assigned.
   */
  'lastSeq'?: (number | string | Long);
  /**
   * Random per outbox: a new one (a wiped data directory) restarts the numbering.
   */
  'outboxEpoch'?: (string);
}

export interface Hello__Output {
  'stationId': (string);
  /**
   * Random per process start: tells restarts apart.
   */
  'bootId': (string);
  'softwareVersion': (string);
  /**
   * The desired-state version the station runs (0: none yet).
   */
  'appliedDesiredVersion': (number);
  /**
   * The oldest outbox item not yet acknowledged (last_seq + 1 when the outbox is empty).
   */
  'firstUnackedSeq': (number);
  /**
   * The newest sequence number the station has assigned.
   */
  'lastSeq': (number);
  /**
   * Random per outbox: a new one (a wiped data directory) restarts the numbering.
   */
  'outboxEpoch': (string);
}
