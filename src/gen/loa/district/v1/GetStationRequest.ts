// Original file: proto/loa/district/v1/district.proto


export interface GetStationRequest {
  'stationId'?: (string);
}

export interface GetStationRequest__Output {
  'stationId': (string);
}
