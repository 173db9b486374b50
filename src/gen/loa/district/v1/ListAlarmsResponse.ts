// Original file: proto/loa/district/v1/district.proto

import type { StationAlarm as _loa_district_v1_StationAlarm, StationAlarm__Output as _loa_district_v1_StationAlarm__Output } from '../../../loa/district/v1/StationAlarm.js';

export interface ListAlarmsResponse {
  'alarms'?: (_loa_district_v1_StationAlarm)[];
}

export interface ListAlarmsResponse__Output {
  'alarms': (_loa_district_v1_StationAlarm__Output)[];
}
