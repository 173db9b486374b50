// Original file: proto/loa/district/v1/district.proto


export interface ListAlarmsRequest {
  'stationIds'?: (string)[];
}

export interface ListAlarmsRequest__Output {
  'stationIds': (string)[];
}
