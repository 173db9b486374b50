// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface RetentionClass {
  /**
   * measurements, events, drops, warnings, commands, schedules, play_log, alarms, hub_audit,
   * station_audit: in the order the size budget removes them.
   */
  'name'?: (string);
  'table'?: (string);
  /**
   * 0: no age limit.
   */
  'keepDays'?: (number);
  'rows'?: (number | string | Long);
  /**
   * Epoch milliseconds of the oldest row (hub clock); 0 when none.
   */
  'oldestMs'?: (number | string | Long);
  /**
   * Rows past their age, removed by the next runs (counted up to 1,000,000).
   */
  'dueRows'?: (number | string | Long);
  /**
   * Rows removed by the last run.
   */
  'removedLastRun'?: (number | string | Long);
}

export interface RetentionClass__Output {
  /**
   * measurements, events, drops, warnings, commands, schedules, play_log, alarms, hub_audit,
   * station_audit: in the order the size budget removes them.
   */
  'name': (string);
  'table': (string);
  /**
   * 0: no age limit.
   */
  'keepDays': (number);
  'rows': (number);
  /**
   * Epoch milliseconds of the oldest row (hub clock); 0 when none.
   */
  'oldestMs': (number);
  /**
   * Rows past their age, removed by the next runs (counted up to 1,000,000).
   */
  'dueRows': (number);
  /**
   * Rows removed by the last run.
   */
  'removedLastRun': (number);
}
