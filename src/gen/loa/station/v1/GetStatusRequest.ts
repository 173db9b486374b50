// Original file: proto/loa/station/v1/station.proto


export interface GetStatusRequest {
}

export interface GetStatusRequest__Output {
}
