// Original file: proto/loa/station/v1/station.proto


export interface ResetLockoutResponse {
  'wasLockedOut'?: (boolean);
}

export interface ResetLockoutResponse__Output {
  'wasLockedOut': (boolean);
}
