// Original file: proto/loa/district/v1/gateway.proto

import type { OutboxItem as _loa_district_v1_OutboxItem, OutboxItem__Output as _loa_district_v1_OutboxItem__Output } from '../../../loa/district/v1/OutboxItem.js';

export interface OutboxBatch {
  'items'?: (_loa_district_v1_OutboxItem)[];
}

export interface OutboxBatch__Output {
  'items': (_loa_district_v1_OutboxItem__Output)[];
}
