// Original file: proto/loa/station/v1/station.proto


export interface SetPowerResponse {
  'state'?: (string);
}

export interface SetPowerResponse__Output {
  'state': (string);
}
