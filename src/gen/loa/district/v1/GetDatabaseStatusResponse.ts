// Original file: proto/loa/district/v1/district.proto

import type { DatabaseTable as _loa_district_v1_DatabaseTable, DatabaseTable__Output as _loa_district_v1_DatabaseTable__Output } from '../../../loa/district/v1/DatabaseTable.js';
import type { RetentionClass as _loa_district_v1_RetentionClass, RetentionClass__Output as _loa_district_v1_RetentionClass__Output } from '../../../loa/district/v1/RetentionClass.js';
import type { Long } from '@grpc/proto-loader';

export interface GetDatabaseStatusResponse {
  /**
   * "sqlite".
   */
  'engine'?: (string);
  'location'?: (string);
  'fileBytes'?: (number | string | Long);
  'usedBytes'?: (number | string | Long);
  'reclaimableBytes'?: (number | string | Long);
  'maxBytes'?: (number | string | Long);
  /**
   * "incremental" (freed space is returned to the filesystem), "none" or "full".
   */
  'autoVacuum'?: (string);
  'fsFreeBytes'?: (number | string | Long);
  'minFreeBytes'?: (number | string | Long);
  /**
   * The disk is full: new writes are refused (reads and sessions go on).
   */
  'writesRefused'?: (boolean);
  'refusedSinceMs'?: (number | string | Long);
  'refusedReason'?: (string);
  'tables'?: (_loa_district_v1_DatabaseTable)[];
  'retention'?: (_loa_district_v1_RetentionClass)[];
  /**
   * The last retention run: when, and whether it caught up with everything due.
   */
  'lastRunMs'?: (number | string | Long);
  'lastRunCaughtUp'?: (boolean);
  'lastRunError'?: (string);
  'intervalS'?: (number);
  /**
   * "reserve": free space below the reserve, station data refused, commands and schedules still
   * accepted; "disk": a write failed for want of space, everything refused; "" when accepted.
   */
  'refusedLevel'?: (string);
}

export interface GetDatabaseStatusResponse__Output {
  /**
   * "sqlite".
   */
  'engine': (string);
  'location': (string);
  'fileBytes': (number);
  'usedBytes': (number);
  'reclaimableBytes': (number);
  'maxBytes': (number);
  /**
   * "incremental" (freed space is returned to the filesystem), "none" or "full".
   */
  'autoVacuum': (string);
  'fsFreeBytes': (number);
  'minFreeBytes': (number);
  /**
   * The disk is full: new writes are refused (reads and sessions go on).
   */
  'writesRefused': (boolean);
  'refusedSinceMs': (number);
  'refusedReason': (string);
  'tables': (_loa_district_v1_DatabaseTable__Output)[];
  'retention': (_loa_district_v1_RetentionClass__Output)[];
  /**
   * The last retention run: when, and whether it caught up with everything due.
   */
  'lastRunMs': (number);
  'lastRunCaughtUp': (boolean);
  'lastRunError': (string);
  'intervalS': (number);
  /**
   * "reserve": free space below the reserve, station data refused, commands and schedules still
   * accepted; "disk": a write failed for want of space, everything refused; "" when accepted.
   */
  'refusedLevel': (string);
}
