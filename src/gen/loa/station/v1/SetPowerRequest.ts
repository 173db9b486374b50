// Original file: proto/loa/station/v1/station.proto


export interface SetPowerRequest {
  /**
   * Required: a missing value is refused, never read as "off".
   */
  'on'?: (boolean);
  '_on'?: "on";
}

export interface SetPowerRequest__Output {
  /**
   * Required: a missing value is refused, never read as "off".
   */
  'on'?: (boolean);
}
