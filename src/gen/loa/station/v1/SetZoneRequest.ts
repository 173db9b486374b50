// Original file: proto/loa/station/v1/station.proto


export interface SetZoneRequest {
  /**
   * Required (a zone id of the board profile).
   */
  'zone'?: (number);
  /**
   * Required.
   */
  'on'?: (boolean);
  '_zone'?: "zone";
  '_on'?: "on";
}

export interface SetZoneRequest__Output {
  /**
   * Required (a zone id of the board profile).
   */
  'zone'?: (number);
  /**
   * Required.
   */
  'on'?: (boolean);
}
