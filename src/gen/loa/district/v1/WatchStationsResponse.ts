// Original file: proto/loa/district/v1/district.proto

import type { StationSummary as _loa_district_v1_StationSummary, StationSummary__Output as _loa_district_v1_StationSummary__Output } from '../../../loa/district/v1/StationSummary.js';
import type { DistrictEvent as _loa_district_v1_DistrictEvent, DistrictEvent__Output as _loa_district_v1_DistrictEvent__Output } from '../../../loa/district/v1/DistrictEvent.js';

export interface WatchStationsResponse {
  'station'?: (_loa_district_v1_StationSummary | null);
  'event'?: (_loa_district_v1_DistrictEvent | null);
  'update'?: "station"|"event";
}

export interface WatchStationsResponse__Output {
  'station'?: (_loa_district_v1_StationSummary__Output | null);
  'event'?: (_loa_district_v1_DistrictEvent__Output | null);
}
