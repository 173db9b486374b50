// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface StationSummary {
  'stationId'?: (string);
  'online'?: (boolean);
  /**
   * What is on air: "emergency", "programme", "fallback", "silence", or "" when not reported.
   */
  'onAir'?: (string);
  /**
   * The power chain: off | powering-up | on | powering-down ("" before the first snapshot).
   */
  'power'?: (string);
  'alarms'?: (string)[];
  /**
   * Epoch milliseconds (hub clock); 0 = never.
   */
  'lastContactMs'?: (number | string | Long);
  'connectedSinceMs'?: (number | string | Long);
  'bootId'?: (string);
  'softwareVersion'?: (string);
  'desiredVersion'?: (number | string | Long);
  'appliedVersion'?: (number | string | Long);
  'lastSeq'?: (number | string | Long);
  'pendingCommands'?: (number);
}

export interface StationSummary__Output {
  'stationId': (string);
  'online': (boolean);
  /**
   * What is on air: "emergency", "programme", "fallback", "silence", or "" when not reported.
   */
  'onAir': (string);
  /**
   * The power chain: off | powering-up | on | powering-down ("" before the first snapshot).
   */
  'power': (string);
  'alarms': (string)[];
  /**
   * Epoch milliseconds (hub clock); 0 = never.
   */
  'lastContactMs': (number);
  'connectedSinceMs': (number);
  'bootId': (string);
  'softwareVersion': (string);
  'desiredVersion': (number);
  'appliedVersion': (number);
  'lastSeq': (number);
  'pendingCommands': (number);
}
