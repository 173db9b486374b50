// Original file: proto/loa/station/v1/station.proto


export interface DriverHealth {
  'driver'?: (string);
  'kind'?: (string);
  'ok'?: (boolean);
  'detail'?: (string);
  '_detail'?: "detail";
}

export interface DriverHealth__Output {
  'driver': (string);
  'kind': (string);
  'ok': (boolean);
  'detail'?: (string);
}
