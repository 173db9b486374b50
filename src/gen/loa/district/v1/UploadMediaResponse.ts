// Original file: proto/loa/district/v1/district.proto

import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from '../../../loa/district/v1/MediaRef.js';

export interface UploadMediaResponse {
  'media'?: (_loa_district_v1_MediaRef | null);
}

export interface UploadMediaResponse__Output {
  'media': (_loa_district_v1_MediaRef__Output | null);
}
