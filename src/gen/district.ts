import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct.js';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value.js';
import type { AuditEntry as _loa_district_v1_AuditEntry, AuditEntry__Output as _loa_district_v1_AuditEntry__Output } from './loa/district/v1/AuditEntry.js';
import type { CommandInfo as _loa_district_v1_CommandInfo, CommandInfo__Output as _loa_district_v1_CommandInfo__Output } from './loa/district/v1/CommandInfo.js';
import type { DatabaseTable as _loa_district_v1_DatabaseTable, DatabaseTable__Output as _loa_district_v1_DatabaseTable__Output } from './loa/district/v1/DatabaseTable.js';
import type { DesiredStateInfo as _loa_district_v1_DesiredStateInfo, DesiredStateInfo__Output as _loa_district_v1_DesiredStateInfo__Output } from './loa/district/v1/DesiredStateInfo.js';
import type { DistrictEvent as _loa_district_v1_DistrictEvent, DistrictEvent__Output as _loa_district_v1_DistrictEvent__Output } from './loa/district/v1/DistrictEvent.js';
import type { DistrictServiceClient as _loa_district_v1_DistrictServiceClient, DistrictServiceDefinition as _loa_district_v1_DistrictServiceDefinition } from './loa/district/v1/DistrictService.js';
import type { GetDatabaseStatusRequest as _loa_district_v1_GetDatabaseStatusRequest, GetDatabaseStatusRequest__Output as _loa_district_v1_GetDatabaseStatusRequest__Output } from './loa/district/v1/GetDatabaseStatusRequest.js';
import type { GetDatabaseStatusResponse as _loa_district_v1_GetDatabaseStatusResponse, GetDatabaseStatusResponse__Output as _loa_district_v1_GetDatabaseStatusResponse__Output } from './loa/district/v1/GetDatabaseStatusResponse.js';
import type { GetStationRequest as _loa_district_v1_GetStationRequest, GetStationRequest__Output as _loa_district_v1_GetStationRequest__Output } from './loa/district/v1/GetStationRequest.js';
import type { GetStationResponse as _loa_district_v1_GetStationResponse, GetStationResponse__Output as _loa_district_v1_GetStationResponse__Output } from './loa/district/v1/GetStationResponse.js';
import type { LinkQuality as _loa_district_v1_LinkQuality, LinkQuality__Output as _loa_district_v1_LinkQuality__Output } from './loa/district/v1/LinkQuality.js';
import type { ListAlarmsRequest as _loa_district_v1_ListAlarmsRequest, ListAlarmsRequest__Output as _loa_district_v1_ListAlarmsRequest__Output } from './loa/district/v1/ListAlarmsRequest.js';
import type { ListAlarmsResponse as _loa_district_v1_ListAlarmsResponse, ListAlarmsResponse__Output as _loa_district_v1_ListAlarmsResponse__Output } from './loa/district/v1/ListAlarmsResponse.js';
import type { ListAuditRequest as _loa_district_v1_ListAuditRequest, ListAuditRequest__Output as _loa_district_v1_ListAuditRequest__Output } from './loa/district/v1/ListAuditRequest.js';
import type { ListAuditResponse as _loa_district_v1_ListAuditResponse, ListAuditResponse__Output as _loa_district_v1_ListAuditResponse__Output } from './loa/district/v1/ListAuditResponse.js';
import type { ListCommandsRequest as _loa_district_v1_ListCommandsRequest, ListCommandsRequest__Output as _loa_district_v1_ListCommandsRequest__Output } from './loa/district/v1/ListCommandsRequest.js';
import type { ListCommandsResponse as _loa_district_v1_ListCommandsResponse, ListCommandsResponse__Output as _loa_district_v1_ListCommandsResponse__Output } from './loa/district/v1/ListCommandsResponse.js';
import type { ListEventsRequest as _loa_district_v1_ListEventsRequest, ListEventsRequest__Output as _loa_district_v1_ListEventsRequest__Output } from './loa/district/v1/ListEventsRequest.js';
import type { ListEventsResponse as _loa_district_v1_ListEventsResponse, ListEventsResponse__Output as _loa_district_v1_ListEventsResponse__Output } from './loa/district/v1/ListEventsResponse.js';
import type { ListPlayLogRequest as _loa_district_v1_ListPlayLogRequest, ListPlayLogRequest__Output as _loa_district_v1_ListPlayLogRequest__Output } from './loa/district/v1/ListPlayLogRequest.js';
import type { ListPlayLogResponse as _loa_district_v1_ListPlayLogResponse, ListPlayLogResponse__Output as _loa_district_v1_ListPlayLogResponse__Output } from './loa/district/v1/ListPlayLogResponse.js';
import type { ListStationsRequest as _loa_district_v1_ListStationsRequest, ListStationsRequest__Output as _loa_district_v1_ListStationsRequest__Output } from './loa/district/v1/ListStationsRequest.js';
import type { ListStationsResponse as _loa_district_v1_ListStationsResponse, ListStationsResponse__Output as _loa_district_v1_ListStationsResponse__Output } from './loa/district/v1/ListStationsResponse.js';
import type { MediaRef as _loa_district_v1_MediaRef, MediaRef__Output as _loa_district_v1_MediaRef__Output } from './loa/district/v1/MediaRef.js';
import type { PushScheduleRequest as _loa_district_v1_PushScheduleRequest, PushScheduleRequest__Output as _loa_district_v1_PushScheduleRequest__Output } from './loa/district/v1/PushScheduleRequest.js';
import type { PushScheduleResponse as _loa_district_v1_PushScheduleResponse, PushScheduleResponse__Output as _loa_district_v1_PushScheduleResponse__Output } from './loa/district/v1/PushScheduleResponse.js';
import type { RetentionClass as _loa_district_v1_RetentionClass, RetentionClass__Output as _loa_district_v1_RetentionClass__Output } from './loa/district/v1/RetentionClass.js';
import type { RevokeCertificateRequest as _loa_district_v1_RevokeCertificateRequest, RevokeCertificateRequest__Output as _loa_district_v1_RevokeCertificateRequest__Output } from './loa/district/v1/RevokeCertificateRequest.js';
import type { RevokeCertificateResponse as _loa_district_v1_RevokeCertificateResponse, RevokeCertificateResponse__Output as _loa_district_v1_RevokeCertificateResponse__Output } from './loa/district/v1/RevokeCertificateResponse.js';
import type { SendCommandRequest as _loa_district_v1_SendCommandRequest, SendCommandRequest__Output as _loa_district_v1_SendCommandRequest__Output } from './loa/district/v1/SendCommandRequest.js';
import type { SendCommandResponse as _loa_district_v1_SendCommandResponse, SendCommandResponse__Output as _loa_district_v1_SendCommandResponse__Output } from './loa/district/v1/SendCommandResponse.js';
import type { SpeakRequest as _loa_district_v1_SpeakRequest, SpeakRequest__Output as _loa_district_v1_SpeakRequest__Output } from './loa/district/v1/SpeakRequest.js';
import type { SpeakResponse as _loa_district_v1_SpeakResponse, SpeakResponse__Output as _loa_district_v1_SpeakResponse__Output } from './loa/district/v1/SpeakResponse.js';
import type { SpeakStart as _loa_district_v1_SpeakStart, SpeakStart__Output as _loa_district_v1_SpeakStart__Output } from './loa/district/v1/SpeakStart.js';
import type { StationAlarm as _loa_district_v1_StationAlarm, StationAlarm__Output as _loa_district_v1_StationAlarm__Output } from './loa/district/v1/StationAlarm.js';
import type { StationEvent as _loa_district_v1_StationEvent, StationEvent__Output as _loa_district_v1_StationEvent__Output } from './loa/district/v1/StationEvent.js';
import type { StationSummary as _loa_district_v1_StationSummary, StationSummary__Output as _loa_district_v1_StationSummary__Output } from './loa/district/v1/StationSummary.js';
import type { UploadMediaRequest as _loa_district_v1_UploadMediaRequest, UploadMediaRequest__Output as _loa_district_v1_UploadMediaRequest__Output } from './loa/district/v1/UploadMediaRequest.js';
import type { UploadMediaResponse as _loa_district_v1_UploadMediaResponse, UploadMediaResponse__Output as _loa_district_v1_UploadMediaResponse__Output } from './loa/district/v1/UploadMediaResponse.js';
import type { WatchStationsRequest as _loa_district_v1_WatchStationsRequest, WatchStationsRequest__Output as _loa_district_v1_WatchStationsRequest__Output } from './loa/district/v1/WatchStationsRequest.js';
import type { WatchStationsResponse as _loa_district_v1_WatchStationsResponse, WatchStationsResponse__Output as _loa_district_v1_WatchStationsResponse__Output } from './loa/district/v1/WatchStationsResponse.js';

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
        AuditEntry: MessageTypeDefinition<_loa_district_v1_AuditEntry, _loa_district_v1_AuditEntry__Output>
        CommandInfo: MessageTypeDefinition<_loa_district_v1_CommandInfo, _loa_district_v1_CommandInfo__Output>
        DatabaseTable: MessageTypeDefinition<_loa_district_v1_DatabaseTable, _loa_district_v1_DatabaseTable__Output>
        DesiredStateInfo: MessageTypeDefinition<_loa_district_v1_DesiredStateInfo, _loa_district_v1_DesiredStateInfo__Output>
        DistrictEvent: MessageTypeDefinition<_loa_district_v1_DistrictEvent, _loa_district_v1_DistrictEvent__Output>
        /**
         * The district operator's API (districtctl, dashboards), served by the district hub.
         * Selecting stations: station_ids lists them, or all = true for every known station.
         */
        DistrictService: SubtypeConstructor<typeof grpc.Client, _loa_district_v1_DistrictServiceClient> & { service: _loa_district_v1_DistrictServiceDefinition }
        GetDatabaseStatusRequest: MessageTypeDefinition<_loa_district_v1_GetDatabaseStatusRequest, _loa_district_v1_GetDatabaseStatusRequest__Output>
        GetDatabaseStatusResponse: MessageTypeDefinition<_loa_district_v1_GetDatabaseStatusResponse, _loa_district_v1_GetDatabaseStatusResponse__Output>
        GetStationRequest: MessageTypeDefinition<_loa_district_v1_GetStationRequest, _loa_district_v1_GetStationRequest__Output>
        GetStationResponse: MessageTypeDefinition<_loa_district_v1_GetStationResponse, _loa_district_v1_GetStationResponse__Output>
        LinkQuality: MessageTypeDefinition<_loa_district_v1_LinkQuality, _loa_district_v1_LinkQuality__Output>
        ListAlarmsRequest: MessageTypeDefinition<_loa_district_v1_ListAlarmsRequest, _loa_district_v1_ListAlarmsRequest__Output>
        ListAlarmsResponse: MessageTypeDefinition<_loa_district_v1_ListAlarmsResponse, _loa_district_v1_ListAlarmsResponse__Output>
        ListAuditRequest: MessageTypeDefinition<_loa_district_v1_ListAuditRequest, _loa_district_v1_ListAuditRequest__Output>
        ListAuditResponse: MessageTypeDefinition<_loa_district_v1_ListAuditResponse, _loa_district_v1_ListAuditResponse__Output>
        ListCommandsRequest: MessageTypeDefinition<_loa_district_v1_ListCommandsRequest, _loa_district_v1_ListCommandsRequest__Output>
        ListCommandsResponse: MessageTypeDefinition<_loa_district_v1_ListCommandsResponse, _loa_district_v1_ListCommandsResponse__Output>
        ListEventsRequest: MessageTypeDefinition<_loa_district_v1_ListEventsRequest, _loa_district_v1_ListEventsRequest__Output>
        ListEventsResponse: MessageTypeDefinition<_loa_district_v1_ListEventsResponse, _loa_district_v1_ListEventsResponse__Output>
        ListPlayLogRequest: MessageTypeDefinition<_loa_district_v1_ListPlayLogRequest, _loa_district_v1_ListPlayLogRequest__Output>
        ListPlayLogResponse: MessageTypeDefinition<_loa_district_v1_ListPlayLogResponse, _loa_district_v1_ListPlayLogResponse__Output>
        ListStationsRequest: MessageTypeDefinition<_loa_district_v1_ListStationsRequest, _loa_district_v1_ListStationsRequest__Output>
        ListStationsResponse: MessageTypeDefinition<_loa_district_v1_ListStationsResponse, _loa_district_v1_ListStationsResponse__Output>
        MediaRef: MessageTypeDefinition<_loa_district_v1_MediaRef, _loa_district_v1_MediaRef__Output>
        PushScheduleRequest: MessageTypeDefinition<_loa_district_v1_PushScheduleRequest, _loa_district_v1_PushScheduleRequest__Output>
        PushScheduleResponse: MessageTypeDefinition<_loa_district_v1_PushScheduleResponse, _loa_district_v1_PushScheduleResponse__Output>
        RetentionClass: MessageTypeDefinition<_loa_district_v1_RetentionClass, _loa_district_v1_RetentionClass__Output>
        RevokeCertificateRequest: MessageTypeDefinition<_loa_district_v1_RevokeCertificateRequest, _loa_district_v1_RevokeCertificateRequest__Output>
        RevokeCertificateResponse: MessageTypeDefinition<_loa_district_v1_RevokeCertificateResponse, _loa_district_v1_RevokeCertificateResponse__Output>
        SendCommandRequest: MessageTypeDefinition<_loa_district_v1_SendCommandRequest, _loa_district_v1_SendCommandRequest__Output>
        SendCommandResponse: MessageTypeDefinition<_loa_district_v1_SendCommandResponse, _loa_district_v1_SendCommandResponse__Output>
        SpeakRequest: MessageTypeDefinition<_loa_district_v1_SpeakRequest, _loa_district_v1_SpeakRequest__Output>
        SpeakResponse: MessageTypeDefinition<_loa_district_v1_SpeakResponse, _loa_district_v1_SpeakResponse__Output>
        SpeakStart: MessageTypeDefinition<_loa_district_v1_SpeakStart, _loa_district_v1_SpeakStart__Output>
        StationAlarm: MessageTypeDefinition<_loa_district_v1_StationAlarm, _loa_district_v1_StationAlarm__Output>
        StationEvent: MessageTypeDefinition<_loa_district_v1_StationEvent, _loa_district_v1_StationEvent__Output>
        StationSummary: MessageTypeDefinition<_loa_district_v1_StationSummary, _loa_district_v1_StationSummary__Output>
        UploadMediaRequest: MessageTypeDefinition<_loa_district_v1_UploadMediaRequest, _loa_district_v1_UploadMediaRequest__Output>
        UploadMediaResponse: MessageTypeDefinition<_loa_district_v1_UploadMediaResponse, _loa_district_v1_UploadMediaResponse__Output>
        WatchStationsRequest: MessageTypeDefinition<_loa_district_v1_WatchStationsRequest, _loa_district_v1_WatchStationsRequest__Output>
        WatchStationsResponse: MessageTypeDefinition<_loa_district_v1_WatchStationsResponse, _loa_district_v1_WatchStationsResponse__Output>
      }
    }
  }
}

