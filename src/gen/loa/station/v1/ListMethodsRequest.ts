// Original file: proto/loa/station/v1/station.proto


export interface ListMethodsRequest {
}

export interface ListMethodsRequest__Output {
}
