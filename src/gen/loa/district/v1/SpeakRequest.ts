// Original file: proto/loa/district/v1/district.proto

import type { SpeakStart as _loa_district_v1_SpeakStart, SpeakStart__Output as _loa_district_v1_SpeakStart__Output } from '../../../loa/district/v1/SpeakStart.js';

export interface SpeakRequest {
  'start'?: (_loa_district_v1_SpeakStart | null);
  /**
   * WebM/Opus or Ogg/Opus bytes, in order (a MediaRecorder's chunks as they come).
   */
  'audio'?: (Buffer | Uint8Array | string);
  'msg'?: "start"|"audio";
}

export interface SpeakRequest__Output {
  'start'?: (_loa_district_v1_SpeakStart__Output | null);
  /**
   * WebM/Opus or Ogg/Opus bytes, in order (a MediaRecorder's chunks as they come).
   */
  'audio'?: (Buffer);
}
