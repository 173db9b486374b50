// Original file: proto/loa/district/v1/district.proto


export interface WatchStationsRequest {
  /**
   * Empty: every station.
   */
  'stationIds'?: (string)[];
}

export interface WatchStationsRequest__Output {
  /**
   * Empty: every station.
   */
  'stationIds': (string)[];
}
