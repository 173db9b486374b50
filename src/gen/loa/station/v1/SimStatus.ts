// Original file: proto/loa/station/v1/station.proto


export interface SimStatus {
  'faults'?: (string)[];
}

export interface SimStatus__Output {
  'faults': (string)[];
}
