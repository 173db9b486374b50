// Original file: proto/loa/district/v1/district.proto

import type { LinkQuality as _loa_district_v1_LinkQuality, LinkQuality__Output as _loa_district_v1_LinkQuality__Output } from '../../../loa/district/v1/LinkQuality.js';
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
  /**
   * The station's 4G link (a loudspeaker cluster's only link): absent when it has no modem.
   */
  'link'?: (_loa_district_v1_LinkQuality | null);
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
  /**
   * The station's 4G link (a loudspeaker cluster's only link): absent when it has no modem.
   */
  'link': (_loa_district_v1_LinkQuality__Output | null);
}
