// Original file: proto/loa/district/v1/gateway.proto

import type { Hello as _loa_district_v1_Hello, Hello__Output as _loa_district_v1_Hello__Output } from '../../../loa/district/v1/Hello.js';
import type { Snapshot as _loa_district_v1_Snapshot, Snapshot__Output as _loa_district_v1_Snapshot__Output } from '../../../loa/district/v1/Snapshot.js';
import type { OutboxBatch as _loa_district_v1_OutboxBatch, OutboxBatch__Output as _loa_district_v1_OutboxBatch__Output } from '../../../loa/district/v1/OutboxBatch.js';
import type { Heartbeat as _loa_district_v1_Heartbeat, Heartbeat__Output as _loa_district_v1_Heartbeat__Output } from '../../../loa/district/v1/Heartbeat.js';
import type { CommandResult as _loa_district_v1_CommandResult, CommandResult__Output as _loa_district_v1_CommandResult__Output } from '../../../loa/district/v1/CommandResult.js';
import type { DesiredStateReport as _loa_district_v1_DesiredStateReport, DesiredStateReport__Output as _loa_district_v1_DesiredStateReport__Output } from '../../../loa/district/v1/DesiredStateReport.js';
import type { ListenAudio as _loa_district_v1_ListenAudio, ListenAudio__Output as _loa_district_v1_ListenAudio__Output } from '../../../loa/district/v1/ListenAudio.js';

/**
 * Station -> hub.
 */
export interface SessionRequest {
  'hello'?: (_loa_district_v1_Hello | null);
  'snapshot'?: (_loa_district_v1_Snapshot | null);
  'batch'?: (_loa_district_v1_OutboxBatch | null);
  'heartbeat'?: (_loa_district_v1_Heartbeat | null);
  'commandResult'?: (_loa_district_v1_CommandResult | null);
  'desiredReport'?: (_loa_district_v1_DesiredStateReport | null);
  'listenAudio'?: (_loa_district_v1_ListenAudio | null);
  'msg'?: "hello"|"snapshot"|"batch"|"heartbeat"|"commandResult"|"desiredReport"|"listenAudio";
}

/**
 * Station -> hub.
 */
export interface SessionRequest__Output {
  'hello'?: (_loa_district_v1_Hello__Output | null);
  'snapshot'?: (_loa_district_v1_Snapshot__Output | null);
  'batch'?: (_loa_district_v1_OutboxBatch__Output | null);
  'heartbeat'?: (_loa_district_v1_Heartbeat__Output | null);
  'commandResult'?: (_loa_district_v1_CommandResult__Output | null);
  'desiredReport'?: (_loa_district_v1_DesiredStateReport__Output | null);
  'listenAudio'?: (_loa_district_v1_ListenAudio__Output | null);
}
