// Original file: proto/loa/station/v1/station.proto


export interface AmplifierStatus {
  'on'?: (boolean);
  'muted'?: (boolean);
  'feedback'?: (boolean);
  'currentA'?: (number | string);
  /**
   * Heatsink temperature, when the profile has the sensor (amp.temperature_c).
   */
  'temperatureC'?: (number | string);
  /**
   * Held off (muted and off) until it cools to the profile's resumeTempC.
   */
  'overTemp'?: (boolean);
  '_feedback'?: "feedback";
  '_currentA'?: "currentA";
  '_temperatureC'?: "temperatureC";
  '_overTemp'?: "overTemp";
}

export interface AmplifierStatus__Output {
  'on': (boolean);
  'muted': (boolean);
  'feedback'?: (boolean);
  'currentA'?: (number);
  /**
   * Heatsink temperature, when the profile has the sensor (amp.temperature_c).
   */
  'temperatureC'?: (number);
  /**
   * Held off (muted and off) until it cools to the profile's resumeTempC.
   */
  'overTemp'?: (boolean);
}
