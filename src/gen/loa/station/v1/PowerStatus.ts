// Original file: proto/loa/station/v1/station.proto


export interface PowerStatus {
  /**
   * off | powering-up | on | powering-down
   */
  'state'?: (string);
  'commandedOn'?: (boolean);
  'blockedBy'?: (string);
  '_blockedBy'?: "blockedBy";
}

export interface PowerStatus__Output {
  /**
   * off | powering-up | on | powering-down
   */
  'state': (string);
  'commandedOn': (boolean);
  'blockedBy'?: (string);
}
