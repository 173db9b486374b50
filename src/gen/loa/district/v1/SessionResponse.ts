// Original file: proto/loa/district/v1/gateway.proto

import type { Welcome as _loa_district_v1_Welcome, Welcome__Output as _loa_district_v1_Welcome__Output } from '../../../loa/district/v1/Welcome.js';
import type { Ack as _loa_district_v1_Ack, Ack__Output as _loa_district_v1_Ack__Output } from '../../../loa/district/v1/Ack.js';
import type { Command as _loa_district_v1_Command, Command__Output as _loa_district_v1_Command__Output } from '../../../loa/district/v1/Command.js';
import type { DesiredState as _loa_district_v1_DesiredState, DesiredState__Output as _loa_district_v1_DesiredState__Output } from '../../../loa/district/v1/DesiredState.js';
import type { LiveAudio as _loa_district_v1_LiveAudio, LiveAudio__Output as _loa_district_v1_LiveAudio__Output } from '../../../loa/district/v1/LiveAudio.js';
import type { ListenControl as _loa_district_v1_ListenControl, ListenControl__Output as _loa_district_v1_ListenControl__Output } from '../../../loa/district/v1/ListenControl.js';

/**
 * Hub -> station.
 */
export interface SessionResponse {
  'welcome'?: (_loa_district_v1_Welcome | null);
  'ack'?: (_loa_district_v1_Ack | null);
  'command'?: (_loa_district_v1_Command | null);
  'desiredState'?: (_loa_district_v1_DesiredState | null);
  'live'?: (_loa_district_v1_LiveAudio | null);
  'listen'?: (_loa_district_v1_ListenControl | null);
  'msg'?: "welcome"|"ack"|"command"|"desiredState"|"live"|"listen";
}

/**
 * Hub -> station.
 */
export interface SessionResponse__Output {
  'welcome'?: (_loa_district_v1_Welcome__Output | null);
  'ack'?: (_loa_district_v1_Ack__Output | null);
  'command'?: (_loa_district_v1_Command__Output | null);
  'desiredState'?: (_loa_district_v1_DesiredState__Output | null);
  'live'?: (_loa_district_v1_LiveAudio__Output | null);
  'listen'?: (_loa_district_v1_ListenControl__Output | null);
}
