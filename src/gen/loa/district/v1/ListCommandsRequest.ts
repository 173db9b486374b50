// Original file: proto/loa/district/v1/district.proto


export interface ListCommandsRequest {
  'ids'?: (string)[];
  'stationId'?: (string);
  'limit'?: (number);
}

export interface ListCommandsRequest__Output {
  'ids': (string)[];
  'stationId': (string);
  'limit': (number);
}
