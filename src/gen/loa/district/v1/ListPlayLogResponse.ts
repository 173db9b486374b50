// Original file: proto/loa/district/v1/district.proto

import type { DistrictEvent as _loa_district_v1_DistrictEvent, DistrictEvent__Output as _loa_district_v1_DistrictEvent__Output } from '../../../loa/district/v1/DistrictEvent.js';

export interface ListPlayLogResponse {
  'entries'?: (_loa_district_v1_DistrictEvent)[];
}

export interface ListPlayLogResponse__Output {
  'entries': (_loa_district_v1_DistrictEvent__Output)[];
}
