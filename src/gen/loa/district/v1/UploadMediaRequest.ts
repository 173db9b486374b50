// Original file: proto/loa/district/v1/district.proto


export interface UploadMediaRequest {
  /**
   * Set on the first message.
   */
  'name'?: (string);
  'data'?: (Buffer | Uint8Array | string);
}

export interface UploadMediaRequest__Output {
  /**
   * Set on the first message.
   */
  'name': (string);
  'data': (Buffer);
}
