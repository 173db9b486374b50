// Original file: proto/loa/district/v1/district.proto


export interface ListStationsRequest {
}

export interface ListStationsRequest__Output {
}
