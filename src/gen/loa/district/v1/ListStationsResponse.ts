// Original file: proto/loa/district/v1/district.proto

import type { StationSummary as _loa_district_v1_StationSummary, StationSummary__Output as _loa_district_v1_StationSummary__Output } from '../../../loa/district/v1/StationSummary.js';

export interface ListStationsResponse {
  'stations'?: (_loa_district_v1_StationSummary)[];
}

export interface ListStationsResponse__Output {
  'stations': (_loa_district_v1_StationSummary__Output)[];
}
