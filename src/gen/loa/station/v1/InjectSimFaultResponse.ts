// Original file: proto/loa/station/v1/station.proto


export interface InjectSimFaultResponse {
  'fault'?: (string);
}

export interface InjectSimFaultResponse__Output {
  'fault': (string);
}
