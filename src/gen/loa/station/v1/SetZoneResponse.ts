// Original file: proto/loa/station/v1/station.proto


export interface SetZoneResponse {
  'zone'?: (number);
  'on'?: (boolean);
}

export interface SetZoneResponse__Output {
  'zone': (number);
  'on': (boolean);
}
