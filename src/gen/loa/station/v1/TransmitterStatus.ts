// Original file: proto/loa/station/v1/station.proto


export interface TransmitterStatus {
  /**
   * off | on | tripped | overtemp | lockout | absent
   */
  'state'?: (string);
  'trips'?: (number);
  'forwardW'?: (number | string);
  'reflectedW'?: (number | string);
  'temperatureC'?: (number | string);
}

export interface TransmitterStatus__Output {
  /**
   * off | on | tripped | overtemp | lockout | absent
   */
  'state': (string);
  'trips': (number);
  'forwardW': (number);
  'reflectedW': (number);
  'temperatureC': (number);
}
