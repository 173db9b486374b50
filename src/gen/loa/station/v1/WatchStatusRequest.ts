// Original file: proto/loa/station/v1/station.proto


export interface WatchStatusRequest {
  /**
   * How often the station looks for a change; 200..60000, default 1000.
   */
  'intervalMs'?: (number);
}

export interface WatchStatusRequest__Output {
  /**
   * How often the station looks for a change; 200..60000, default 1000.
   */
  'intervalMs': (number);
}
