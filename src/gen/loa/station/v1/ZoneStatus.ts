// Original file: proto/loa/station/v1/station.proto


export interface ZoneStatus {
  'id'?: (number);
  'name'?: (string);
  'commanded'?: (boolean);
  'relay'?: (boolean);
  'feedback'?: (boolean);
  '_feedback'?: "feedback";
}

export interface ZoneStatus__Output {
  'id': (number);
  'name': (string);
  'commanded': (boolean);
  'relay': (boolean);
  'feedback'?: (boolean);
}
