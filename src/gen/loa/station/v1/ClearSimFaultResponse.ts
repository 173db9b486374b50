// Original file: proto/loa/station/v1/station.proto


export interface ClearSimFaultResponse {
  'cleared'?: (string);
}

export interface ClearSimFaultResponse__Output {
  'cleared': (string);
}
