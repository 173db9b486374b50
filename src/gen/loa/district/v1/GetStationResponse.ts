// Original file: proto/loa/district/v1/district.proto

import type { StationSummary as _loa_district_v1_StationSummary, StationSummary__Output as _loa_district_v1_StationSummary__Output } from '../../../loa/district/v1/StationSummary.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { DesiredStateInfo as _loa_district_v1_DesiredStateInfo, DesiredStateInfo__Output as _loa_district_v1_DesiredStateInfo__Output } from '../../../loa/district/v1/DesiredStateInfo.js';

export interface GetStationResponse {
  'summary'?: (_loa_district_v1_StationSummary | null);
  'status'?: (_google_protobuf_Struct | null);
  'desired'?: (_loa_district_v1_DesiredStateInfo | null);
}

export interface GetStationResponse__Output {
  'summary': (_loa_district_v1_StationSummary__Output | null);
  'status': (_google_protobuf_Struct__Output | null);
  'desired': (_loa_district_v1_DesiredStateInfo__Output | null);
}
