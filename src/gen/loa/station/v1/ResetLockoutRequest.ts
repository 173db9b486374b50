// Original file: proto/loa/station/v1/station.proto


export interface ResetLockoutRequest {
}

export interface ResetLockoutRequest__Output {
}
