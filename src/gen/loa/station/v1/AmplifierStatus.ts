// Original file: proto/loa/station/v1/station.proto


export interface AmplifierStatus {
  'on'?: (boolean);
  'muted'?: (boolean);
  'feedback'?: (boolean);
  'currentA'?: (number | string);
  '_feedback'?: "feedback";
  '_currentA'?: "currentA";
}

export interface AmplifierStatus__Output {
  'on': (boolean);
  'muted': (boolean);
  'feedback'?: (boolean);
  'currentA'?: (number);
}
