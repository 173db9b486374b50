// Original file: proto/loa/district/v1/gateway.proto

import type { LiveStart as _loa_district_v1_LiveStart, LiveStart__Output as _loa_district_v1_LiveStart__Output } from '../../../loa/district/v1/LiveStart.js';

/**
 * Live voice from the district (docs/live.md), on the station's existing stream: a session's
 * start, its audio in order, its end. Never stored or re-sent: a station offline misses it, and
 * a feed that stops arriving is dropped by the station within 2 s.
 */
export interface LiveAudio {
  'sessionId'?: (string);
  /**
   * The first message of a session only.
   */
  'start'?: (_loa_district_v1_LiveStart | null);
  /**
   * Encoded audio: WebM/Opus as a browser's MediaRecorder makes it, or Ogg/Opus.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * The last message of a session.
   */
  'end'?: (boolean);
}

/**
 * Live voice from the district (docs/live.md), on the station's existing stream: a session's
 * start, its audio in order, its end. Never stored or re-sent: a station offline misses it, and
 * a feed that stops arriving is dropped by the station within 2 s.
 */
export interface LiveAudio__Output {
  'sessionId': (string);
  /**
   * The first message of a session only.
   */
  'start': (_loa_district_v1_LiveStart__Output | null);
  /**
   * Encoded audio: WebM/Opus as a browser's MediaRecorder makes it, or Ogg/Opus.
   */
  'data': (Buffer);
  /**
   * The last message of a session.
   */
  'end': (boolean);
}
