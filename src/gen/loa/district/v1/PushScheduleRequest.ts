// Original file: proto/loa/district/v1/district.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from '../../../loa/district/v1/MediaRef.js';

export interface PushScheduleRequest {
  'stationIds'?: (string)[];
  'all'?: (boolean);
  'schedule'?: (_google_protobuf_Struct | null);
  /**
   * Media the schedule plays, already uploaded with UploadMedia.
   */
  'media'?: (_loa_district_v1_MediaRef)[];
}

export interface PushScheduleRequest__Output {
  'stationIds': (string)[];
  'all': (boolean);
  'schedule': (_google_protobuf_Struct__Output | null);
  /**
   * Media the schedule plays, already uploaded with UploadMedia.
   */
  'media': (_loa_district_v1_MediaRef__Output)[];
}
