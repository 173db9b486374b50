// Original file: proto/loa/district/v1/gateway.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from '../../../loa/district/v1/MediaRef.js';
import type { Long } from '@grpc/proto-loader';

export interface DesiredState {
  'version'?: (number | string | Long);
  'schedule'?: (_google_protobuf_Struct | null);
  'media'?: (_loa_district_v1_MediaRef)[];
}

export interface DesiredState__Output {
  'version': (number);
  'schedule': (_google_protobuf_Struct__Output | null);
  'media': (_loa_district_v1_MediaRef__Output)[];
}
