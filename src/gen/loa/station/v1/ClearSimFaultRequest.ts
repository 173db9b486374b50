// Original file: proto/loa/station/v1/station.proto


export interface ClearSimFaultRequest {
  /**
   * A fault key such as "line-open:zone.2"; all faults when absent.
   */
  'key'?: (string);
  '_key'?: "key";
}

export interface ClearSimFaultRequest__Output {
  /**
   * A fault key such as "line-open:zone.2"; all faults when absent.
   */
  'key'?: (string);
}
