import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct.js';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value.js';
import type { Ack as _loa_district_v1_Ack, Ack__Output as _loa_district_v1_Ack__Output } from './loa/district/v1/Ack.js';
import type { Command as _loa_district_v1_Command, Command__Output as _loa_district_v1_Command__Output } from './loa/district/v1/Command.js';
import type { CommandResult as _loa_district_v1_CommandResult, CommandResult__Output as _loa_district_v1_CommandResult__Output } from './loa/district/v1/CommandResult.js';
import type { DesiredState as _loa_district_v1_DesiredState, DesiredState__Output as _loa_district_v1_DesiredState__Output } from './loa/district/v1/DesiredState.js';
import type { DesiredStateReport as _loa_district_v1_DesiredStateReport, DesiredStateReport__Output as _loa_district_v1_DesiredStateReport__Output } from './loa/district/v1/DesiredStateReport.js';
import type { Dropped as _loa_district_v1_Dropped, Dropped__Output as _loa_district_v1_Dropped__Output } from './loa/district/v1/Dropped.js';
import type { GatewayServiceClient as _loa_district_v1_GatewayServiceClient, GatewayServiceDefinition as _loa_district_v1_GatewayServiceDefinition } from './loa/district/v1/GatewayService.js';
import type { Heartbeat as _loa_district_v1_Heartbeat, Heartbeat__Output as _loa_district_v1_Heartbeat__Output } from './loa/district/v1/Heartbeat.js';
import type { Hello as _loa_district_v1_Hello, Hello__Output as _loa_district_v1_Hello__Output } from './loa/district/v1/Hello.js';
import type { ListenAudio as _loa_district_v1_ListenAudio, ListenAudio__Output as _loa_district_v1_ListenAudio__Output } from './loa/district/v1/ListenAudio.js';
import type { ListenControl as _loa_district_v1_ListenControl, ListenControl__Output as _loa_district_v1_ListenControl__Output } from './loa/district/v1/ListenControl.js';
import type { LiveAudio as _loa_district_v1_LiveAudio, LiveAudio__Output as _loa_district_v1_LiveAudio__Output } from './loa/district/v1/LiveAudio.js';
import type { LiveStart as _loa_district_v1_LiveStart, LiveStart__Output as _loa_district_v1_LiveStart__Output } from './loa/district/v1/LiveStart.js';
import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from './loa/district/v1/MediaRef.js';
import type { OutboxBatch as _loa_district_v1_OutboxBatch, OutboxBatch__Output as _loa_district_v1_OutboxBatch__Output } from './loa/district/v1/OutboxBatch.js';
import type { OutboxItem as _loa_district_v1_OutboxItem, OutboxItem__Output as _loa_district_v1_OutboxItem__Output } from './loa/district/v1/OutboxItem.js';
import type { ReadMediaRequest as _loa_district_v1_ReadMediaRequest, ReadMediaRequest__Output as _loa_district_v1_ReadMediaRequest__Output } from './loa/district/v1/ReadMediaRequest.js';
import type { ReadMediaResponse as _loa_district_v1_ReadMediaResponse, ReadMediaResponse__Output as _loa_district_v1_ReadMediaResponse__Output } from './loa/district/v1/ReadMediaResponse.js';
import type { SessionRequest as _loa_district_v1_SessionRequest, SessionRequest__Output as _loa_district_v1_SessionRequest__Output } from './loa/district/v1/SessionRequest.js';
import type { SessionResponse as _loa_district_v1_SessionResponse, SessionResponse__Output as _loa_district_v1_SessionResponse__Output } from './loa/district/v1/SessionResponse.js';
import type { Snapshot as _loa_district_v1_Snapshot, Snapshot__Output as _loa_district_v1_Snapshot__Output } from './loa/district/v1/Snapshot.js';
import type { StationEvent as _loa_district_v1_StationEvent, StationEvent__Output as _loa_district_v1_StationEvent__Output } from './loa/district/v1/StationEvent.js';
import type { Welcome as _loa_district_v1_Welcome, Welcome__Output as _loa_district_v1_Welcome__Output } from './loa/district/v1/Welcome.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
  }
  loa: {
    district: {
      v1: {
        Ack: MessageTypeDefinition<_loa_district_v1_Ack, _loa_district_v1_Ack__Output>
        Command: MessageTypeDefinition<_loa_district_v1_Command, _loa_district_v1_Command__Output>
        CommandResult: MessageTypeDefinition<_loa_district_v1_CommandResult, _loa_district_v1_CommandResult__Output>
        DesiredState: MessageTypeDefinition<_loa_district_v1_DesiredState, _loa_district_v1_DesiredState__Output>
        DesiredStateReport: MessageTypeDefinition<_loa_district_v1_DesiredStateReport, _loa_district_v1_DesiredStateReport__Output>
        Dropped: MessageTypeDefinition<_loa_district_v1_Dropped, _loa_district_v1_Dropped__Output>
        /**
         * Served by the district hub for its stations. Stations sit behind carrier NAT, so each
         * station dials out and keeps one Session open (DESIGN.md decisions 1-3, docs/link.md):
         * station -> hello; hub -> welcome (what it already has); station -> snapshot, then the
         * outbox from the first unacknowledged item, then only changes, events and a heartbeat;
         * hub -> cumulative acks, commands (id + expiry, at most once), desired state (versioned).
         */
        GatewayService: SubtypeConstructor<typeof grpc.Client, _loa_district_v1_GatewayServiceClient> & { service: _loa_district_v1_GatewayServiceDefinition }
        Heartbeat: MessageTypeDefinition<_loa_district_v1_Heartbeat, _loa_district_v1_Heartbeat__Output>
        Hello: MessageTypeDefinition<_loa_district_v1_Hello, _loa_district_v1_Hello__Output>
        ListenAudio: MessageTypeDefinition<_loa_district_v1_ListenAudio, _loa_district_v1_ListenAudio__Output>
        ListenControl: MessageTypeDefinition<_loa_district_v1_ListenControl, _loa_district_v1_ListenControl__Output>
        LiveAudio: MessageTypeDefinition<_loa_district_v1_LiveAudio, _loa_district_v1_LiveAudio__Output>
        LiveStart: MessageTypeDefinition<_loa_district_v1_LiveStart, _loa_district_v1_LiveStart__Output>
        MediaRef: MessageTypeDefinition<_loa_district_v1_MediaRef, _loa_district_v1_MediaRef__Output>
        OutboxBatch: MessageTypeDefinition<_loa_district_v1_OutboxBatch, _loa_district_v1_OutboxBatch__Output>
        OutboxItem: MessageTypeDefinition<_loa_district_v1_OutboxItem, _loa_district_v1_OutboxItem__Output>
        ReadMediaRequest: MessageTypeDefinition<_loa_district_v1_ReadMediaRequest, _loa_district_v1_ReadMediaRequest__Output>
        ReadMediaResponse: MessageTypeDefinition<_loa_district_v1_ReadMediaResponse, _loa_district_v1_ReadMediaResponse__Output>
        SessionRequest: MessageTypeDefinition<_loa_district_v1_SessionRequest, _loa_district_v1_SessionRequest__Output>
        SessionResponse: MessageTypeDefinition<_loa_district_v1_SessionResponse, _loa_district_v1_SessionResponse__Output>
        Snapshot: MessageTypeDefinition<_loa_district_v1_Snapshot, _loa_district_v1_Snapshot__Output>
        StationEvent: MessageTypeDefinition<_loa_district_v1_StationEvent, _loa_district_v1_StationEvent__Output>
        Welcome: MessageTypeDefinition<_loa_district_v1_Welcome, _loa_district_v1_Welcome__Output>
      }
    }
  }
}

