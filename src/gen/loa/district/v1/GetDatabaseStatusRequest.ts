// Original file: proto/loa/district/v1/district.proto


export interface GetDatabaseStatusRequest {
}

export interface GetDatabaseStatusRequest__Output {
}
