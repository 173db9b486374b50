// Original file: proto/loa/district/v1/district.proto

import type { AuditEntry as _loa_district_v1_AuditEntry, AuditEntry__Output as _loa_district_v1_AuditEntry__Output } from '../../../loa/district/v1/AuditEntry.js';

export interface ListAuditResponse {
  'entries'?: (_loa_district_v1_AuditEntry)[];
}

export interface ListAuditResponse__Output {
  'entries': (_loa_district_v1_AuditEntry__Output)[];
}
