// Original file: proto/loa/station/v1/station.proto

import type { StationStatus as _loa_station_v1_StationStatus, StationStatus__Output as _loa_station_v1_StationStatus__Output } from '../../../loa/station/v1/StationStatus.js';

export interface WatchStatusResponse {
  'status'?: (_loa_station_v1_StationStatus | null);
}

export interface WatchStatusResponse__Output {
  'status': (_loa_station_v1_StationStatus__Output | null);
}
