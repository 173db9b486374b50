// Original file: proto/loa/district/v1/district.proto

import type { Long } from '@grpc/proto-loader';

export interface SpeakResponse {
  'sessionId'?: (string);
  'stationIds'?: (string)[];
  /**
   * Audio bytes relayed to each station.
   */
  'bytes'?: (number | string | Long);
  'durationMs'?: (number | string | Long);
  /**
   * The recording at the hub (file name under its data directory's live/ folder).
   */
  'recording'?: (string);
  /**
   * Why the session ended: ended | stalled | cancelled | ...
   */
  'ended'?: (string);
}

export interface SpeakResponse__Output {
  'sessionId': (string);
  'stationIds': (string)[];
  /**
   * Audio bytes relayed to each station.
   */
  'bytes': (number);
  'durationMs': (number);
  /**
   * The recording at the hub (file name under its data directory's live/ folder).
   */
  'recording': (string);
  /**
   * Why the session ended: ended | stalled | cancelled | ...
   */
  'ended': (string);
}
