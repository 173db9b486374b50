// Original file: proto/loa/district/v1/district.proto

import type { DistrictEvent as _loa_district_v1_DistrictEvent, DistrictEvent__Output as _loa_district_v1_DistrictEvent__Output } from '../../../loa/district/v1/DistrictEvent.js';

export interface ListEventsResponse {
  'events'?: (_loa_district_v1_DistrictEvent)[];
}

export interface ListEventsResponse__Output {
  'events': (_loa_district_v1_DistrictEvent__Output)[];
}
