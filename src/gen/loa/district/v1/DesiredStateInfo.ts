// Original file: proto/loa/district/v1/district.proto

import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from '../../../loa/district/v1/MediaRef.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

export interface DesiredStateInfo {
  'version'?: (number | string | Long);
  'createdMs'?: (number | string | Long);
  'media'?: (_loa_district_v1_MediaRef)[];
  'schedule'?: (_google_protobuf_Struct | null);
  /**
   * What the station said about applying it.
   */
  'report'?: (_google_protobuf_Struct | null);
}

export interface DesiredStateInfo__Output {
  'version': (number);
  'createdMs': (number);
  'media': (_loa_district_v1_MediaRef__Output)[];
  'schedule': (_google_protobuf_Struct__Output | null);
  /**
   * What the station said about applying it.
   */
  'report': (_google_protobuf_Struct__Output | null);
}
