// Original file: proto/loa/district/v1/district.proto

import type { StationEvent as _loa_district_v1_StationEvent, StationEvent__Output as _loa_district_v1_StationEvent__Output } from '../../../loa/district/v1/StationEvent.js';
import type { Long } from '@grpc/proto-loader';

export interface DistrictEvent {
  'stationId'?: (string);
  'seq'?: (number | string | Long);
  /**
   * Station wall clock, epoch milliseconds.
   */
  'tsMs'?: (number | string | Long);
  'event'?: (_loa_district_v1_StationEvent | null);
  /**
   * Hub wall clock when stored.
   */
  'receivedMs'?: (number | string | Long);
}

export interface DistrictEvent__Output {
  'stationId': (string);
  'seq': (number);
  /**
   * Station wall clock, epoch milliseconds.
   */
  'tsMs': (number);
  'event': (_loa_district_v1_StationEvent__Output | null);
  /**
   * Hub wall clock when stored.
   */
  'receivedMs': (number);
}
