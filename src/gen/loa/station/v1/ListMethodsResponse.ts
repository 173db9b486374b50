// Original file: proto/loa/station/v1/station.proto


export interface ListMethodsResponse {
  'methods'?: (string)[];
}

export interface ListMethodsResponse__Output {
  'methods': (string)[];
}
