import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct.js';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value.js';
import type { Alarm as _loa_station_v1_Alarm, Alarm__Output as _loa_station_v1_Alarm__Output } from './loa/station/v1/Alarm.js';
import type { AmplifierStatus as _loa_station_v1_AmplifierStatus, AmplifierStatus__Output as _loa_station_v1_AmplifierStatus__Output } from './loa/station/v1/AmplifierStatus.js';
import type { ApplyScheduleRequest as _loa_station_v1_ApplyScheduleRequest, ApplyScheduleRequest__Output as _loa_station_v1_ApplyScheduleRequest__Output } from './loa/station/v1/ApplyScheduleRequest.js';
import type { ApplyScheduleResponse as _loa_station_v1_ApplyScheduleResponse, ApplyScheduleResponse__Output as _loa_station_v1_ApplyScheduleResponse__Output } from './loa/station/v1/ApplyScheduleResponse.js';
import type { CalibrateLinesRequest as _loa_station_v1_CalibrateLinesRequest, CalibrateLinesRequest__Output as _loa_station_v1_CalibrateLinesRequest__Output } from './loa/station/v1/CalibrateLinesRequest.js';
import type { CalibrateLinesResponse as _loa_station_v1_CalibrateLinesResponse, CalibrateLinesResponse__Output as _loa_station_v1_CalibrateLinesResponse__Output } from './loa/station/v1/CalibrateLinesResponse.js';
import type { CallRequest as _loa_station_v1_CallRequest, CallRequest__Output as _loa_station_v1_CallRequest__Output } from './loa/station/v1/CallRequest.js';
import type { CallResponse as _loa_station_v1_CallResponse, CallResponse__Output as _loa_station_v1_CallResponse__Output } from './loa/station/v1/CallResponse.js';
import type { CheckLinesRequest as _loa_station_v1_CheckLinesRequest, CheckLinesRequest__Output as _loa_station_v1_CheckLinesRequest__Output } from './loa/station/v1/CheckLinesRequest.js';
import type { CheckLinesResponse as _loa_station_v1_CheckLinesResponse, CheckLinesResponse__Output as _loa_station_v1_CheckLinesResponse__Output } from './loa/station/v1/CheckLinesResponse.js';
import type { ClearSimFaultRequest as _loa_station_v1_ClearSimFaultRequest, ClearSimFaultRequest__Output as _loa_station_v1_ClearSimFaultRequest__Output } from './loa/station/v1/ClearSimFaultRequest.js';
import type { ClearSimFaultResponse as _loa_station_v1_ClearSimFaultResponse, ClearSimFaultResponse__Output as _loa_station_v1_ClearSimFaultResponse__Output } from './loa/station/v1/ClearSimFaultResponse.js';
import type { DriverHealth as _loa_station_v1_DriverHealth, DriverHealth__Output as _loa_station_v1_DriverHealth__Output } from './loa/station/v1/DriverHealth.js';
import type { Event as _loa_station_v1_Event, Event__Output as _loa_station_v1_Event__Output } from './loa/station/v1/Event.js';
import type { EventCounters as _loa_station_v1_EventCounters, EventCounters__Output as _loa_station_v1_EventCounters__Output } from './loa/station/v1/EventCounters.js';
import type { GetPlayLogRequest as _loa_station_v1_GetPlayLogRequest, GetPlayLogRequest__Output as _loa_station_v1_GetPlayLogRequest__Output } from './loa/station/v1/GetPlayLogRequest.js';
import type { GetPlayLogResponse as _loa_station_v1_GetPlayLogResponse, GetPlayLogResponse__Output as _loa_station_v1_GetPlayLogResponse__Output } from './loa/station/v1/GetPlayLogResponse.js';
import type { GetScheduleRequest as _loa_station_v1_GetScheduleRequest, GetScheduleRequest__Output as _loa_station_v1_GetScheduleRequest__Output } from './loa/station/v1/GetScheduleRequest.js';
import type { GetScheduleResponse as _loa_station_v1_GetScheduleResponse, GetScheduleResponse__Output as _loa_station_v1_GetScheduleResponse__Output } from './loa/station/v1/GetScheduleResponse.js';
import type { GetStatusRequest as _loa_station_v1_GetStatusRequest, GetStatusRequest__Output as _loa_station_v1_GetStatusRequest__Output } from './loa/station/v1/GetStatusRequest.js';
import type { GetStatusResponse as _loa_station_v1_GetStatusResponse, GetStatusResponse__Output as _loa_station_v1_GetStatusResponse__Output } from './loa/station/v1/GetStatusResponse.js';
import type { InjectSimFaultRequest as _loa_station_v1_InjectSimFaultRequest, InjectSimFaultRequest__Output as _loa_station_v1_InjectSimFaultRequest__Output } from './loa/station/v1/InjectSimFaultRequest.js';
import type { InjectSimFaultResponse as _loa_station_v1_InjectSimFaultResponse, InjectSimFaultResponse__Output as _loa_station_v1_InjectSimFaultResponse__Output } from './loa/station/v1/InjectSimFaultResponse.js';
import type { ListEventsRequest as _loa_station_v1_ListEventsRequest, ListEventsRequest__Output as _loa_station_v1_ListEventsRequest__Output } from './loa/station/v1/ListEventsRequest.js';
import type { ListEventsResponse as _loa_station_v1_ListEventsResponse, ListEventsResponse__Output as _loa_station_v1_ListEventsResponse__Output } from './loa/station/v1/ListEventsResponse.js';
import type { ListMethodsRequest as _loa_station_v1_ListMethodsRequest, ListMethodsRequest__Output as _loa_station_v1_ListMethodsRequest__Output } from './loa/station/v1/ListMethodsRequest.js';
import type { ListMethodsResponse as _loa_station_v1_ListMethodsResponse, ListMethodsResponse__Output as _loa_station_v1_ListMethodsResponse__Output } from './loa/station/v1/ListMethodsResponse.js';
import type { PlayRequest as _loa_station_v1_PlayRequest, PlayRequest__Output as _loa_station_v1_PlayRequest__Output } from './loa/station/v1/PlayRequest.js';
import type { PlayResponse as _loa_station_v1_PlayResponse, PlayResponse__Output as _loa_station_v1_PlayResponse__Output } from './loa/station/v1/PlayResponse.js';
import type { PowerStatus as _loa_station_v1_PowerStatus, PowerStatus__Output as _loa_station_v1_PowerStatus__Output } from './loa/station/v1/PowerStatus.js';
import type { ResetLockoutRequest as _loa_station_v1_ResetLockoutRequest, ResetLockoutRequest__Output as _loa_station_v1_ResetLockoutRequest__Output } from './loa/station/v1/ResetLockoutRequest.js';
import type { ResetLockoutResponse as _loa_station_v1_ResetLockoutResponse, ResetLockoutResponse__Output as _loa_station_v1_ResetLockoutResponse__Output } from './loa/station/v1/ResetLockoutResponse.js';
import type { SetPowerRequest as _loa_station_v1_SetPowerRequest, SetPowerRequest__Output as _loa_station_v1_SetPowerRequest__Output } from './loa/station/v1/SetPowerRequest.js';
import type { SetPowerResponse as _loa_station_v1_SetPowerResponse, SetPowerResponse__Output as _loa_station_v1_SetPowerResponse__Output } from './loa/station/v1/SetPowerResponse.js';
import type { SetZoneRequest as _loa_station_v1_SetZoneRequest, SetZoneRequest__Output as _loa_station_v1_SetZoneRequest__Output } from './loa/station/v1/SetZoneRequest.js';
import type { SetZoneResponse as _loa_station_v1_SetZoneResponse, SetZoneResponse__Output as _loa_station_v1_SetZoneResponse__Output } from './loa/station/v1/SetZoneResponse.js';
import type { SimStatus as _loa_station_v1_SimStatus, SimStatus__Output as _loa_station_v1_SimStatus__Output } from './loa/station/v1/SimStatus.js';
import type { StartEmergencyRequest as _loa_station_v1_StartEmergencyRequest, StartEmergencyRequest__Output as _loa_station_v1_StartEmergencyRequest__Output } from './loa/station/v1/StartEmergencyRequest.js';
import type { StartEmergencyResponse as _loa_station_v1_StartEmergencyResponse, StartEmergencyResponse__Output as _loa_station_v1_StartEmergencyResponse__Output } from './loa/station/v1/StartEmergencyResponse.js';
import type { StationServiceClient as _loa_station_v1_StationServiceClient, StationServiceDefinition as _loa_station_v1_StationServiceDefinition } from './loa/station/v1/StationService.js';
import type { StationStatus as _loa_station_v1_StationStatus, StationStatus__Output as _loa_station_v1_StationStatus__Output } from './loa/station/v1/StationStatus.js';
import type { StopEmergencyRequest as _loa_station_v1_StopEmergencyRequest, StopEmergencyRequest__Output as _loa_station_v1_StopEmergencyRequest__Output } from './loa/station/v1/StopEmergencyRequest.js';
import type { StopEmergencyResponse as _loa_station_v1_StopEmergencyResponse, StopEmergencyResponse__Output as _loa_station_v1_StopEmergencyResponse__Output } from './loa/station/v1/StopEmergencyResponse.js';
import type { StopRequest as _loa_station_v1_StopRequest, StopRequest__Output as _loa_station_v1_StopRequest__Output } from './loa/station/v1/StopRequest.js';
import type { StopResponse as _loa_station_v1_StopResponse, StopResponse__Output as _loa_station_v1_StopResponse__Output } from './loa/station/v1/StopResponse.js';
import type { TransmitterStatus as _loa_station_v1_TransmitterStatus, TransmitterStatus__Output as _loa_station_v1_TransmitterStatus__Output } from './loa/station/v1/TransmitterStatus.js';
import type { WatchStatusRequest as _loa_station_v1_WatchStatusRequest, WatchStatusRequest__Output as _loa_station_v1_WatchStatusRequest__Output } from './loa/station/v1/WatchStatusRequest.js';
import type { WatchStatusResponse as _loa_station_v1_WatchStatusResponse, WatchStatusResponse__Output as _loa_station_v1_WatchStatusResponse__Output } from './loa/station/v1/WatchStatusResponse.js';
import type { ZoneStatus as _loa_station_v1_ZoneStatus, ZoneStatus__Output as _loa_station_v1_ZoneStatus__Output } from './loa/station/v1/ZoneStatus.js';

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
    station: {
      v1: {
        Alarm: MessageTypeDefinition<_loa_station_v1_Alarm, _loa_station_v1_Alarm__Output>
        AmplifierStatus: MessageTypeDefinition<_loa_station_v1_AmplifierStatus, _loa_station_v1_AmplifierStatus__Output>
        ApplyScheduleRequest: MessageTypeDefinition<_loa_station_v1_ApplyScheduleRequest, _loa_station_v1_ApplyScheduleRequest__Output>
        ApplyScheduleResponse: MessageTypeDefinition<_loa_station_v1_ApplyScheduleResponse, _loa_station_v1_ApplyScheduleResponse__Output>
        CalibrateLinesRequest: MessageTypeDefinition<_loa_station_v1_CalibrateLinesRequest, _loa_station_v1_CalibrateLinesRequest__Output>
        CalibrateLinesResponse: MessageTypeDefinition<_loa_station_v1_CalibrateLinesResponse, _loa_station_v1_CalibrateLinesResponse__Output>
        CallRequest: MessageTypeDefinition<_loa_station_v1_CallRequest, _loa_station_v1_CallRequest__Output>
        CallResponse: MessageTypeDefinition<_loa_station_v1_CallResponse, _loa_station_v1_CallResponse__Output>
        CheckLinesRequest: MessageTypeDefinition<_loa_station_v1_CheckLinesRequest, _loa_station_v1_CheckLinesRequest__Output>
        CheckLinesResponse: MessageTypeDefinition<_loa_station_v1_CheckLinesResponse, _loa_station_v1_CheckLinesResponse__Output>
        ClearSimFaultRequest: MessageTypeDefinition<_loa_station_v1_ClearSimFaultRequest, _loa_station_v1_ClearSimFaultRequest__Output>
        ClearSimFaultResponse: MessageTypeDefinition<_loa_station_v1_ClearSimFaultResponse, _loa_station_v1_ClearSimFaultResponse__Output>
        DriverHealth: MessageTypeDefinition<_loa_station_v1_DriverHealth, _loa_station_v1_DriverHealth__Output>
        Event: MessageTypeDefinition<_loa_station_v1_Event, _loa_station_v1_Event__Output>
        EventCounters: MessageTypeDefinition<_loa_station_v1_EventCounters, _loa_station_v1_EventCounters__Output>
        GetPlayLogRequest: MessageTypeDefinition<_loa_station_v1_GetPlayLogRequest, _loa_station_v1_GetPlayLogRequest__Output>
        GetPlayLogResponse: MessageTypeDefinition<_loa_station_v1_GetPlayLogResponse, _loa_station_v1_GetPlayLogResponse__Output>
        GetScheduleRequest: MessageTypeDefinition<_loa_station_v1_GetScheduleRequest, _loa_station_v1_GetScheduleRequest__Output>
        GetScheduleResponse: MessageTypeDefinition<_loa_station_v1_GetScheduleResponse, _loa_station_v1_GetScheduleResponse__Output>
        GetStatusRequest: MessageTypeDefinition<_loa_station_v1_GetStatusRequest, _loa_station_v1_GetStatusRequest__Output>
        GetStatusResponse: MessageTypeDefinition<_loa_station_v1_GetStatusResponse, _loa_station_v1_GetStatusResponse__Output>
        InjectSimFaultRequest: MessageTypeDefinition<_loa_station_v1_InjectSimFaultRequest, _loa_station_v1_InjectSimFaultRequest__Output>
        InjectSimFaultResponse: MessageTypeDefinition<_loa_station_v1_InjectSimFaultResponse, _loa_station_v1_InjectSimFaultResponse__Output>
        ListEventsRequest: MessageTypeDefinition<_loa_station_v1_ListEventsRequest, _loa_station_v1_ListEventsRequest__Output>
        ListEventsResponse: MessageTypeDefinition<_loa_station_v1_ListEventsResponse, _loa_station_v1_ListEventsResponse__Output>
        ListMethodsRequest: MessageTypeDefinition<_loa_station_v1_ListMethodsRequest, _loa_station_v1_ListMethodsRequest__Output>
        ListMethodsResponse: MessageTypeDefinition<_loa_station_v1_ListMethodsResponse, _loa_station_v1_ListMethodsResponse__Output>
        PlayRequest: MessageTypeDefinition<_loa_station_v1_PlayRequest, _loa_station_v1_PlayRequest__Output>
        PlayResponse: MessageTypeDefinition<_loa_station_v1_PlayResponse, _loa_station_v1_PlayResponse__Output>
        PowerStatus: MessageTypeDefinition<_loa_station_v1_PowerStatus, _loa_station_v1_PowerStatus__Output>
        ResetLockoutRequest: MessageTypeDefinition<_loa_station_v1_ResetLockoutRequest, _loa_station_v1_ResetLockoutRequest__Output>
        ResetLockoutResponse: MessageTypeDefinition<_loa_station_v1_ResetLockoutResponse, _loa_station_v1_ResetLockoutResponse__Output>
        SetPowerRequest: MessageTypeDefinition<_loa_station_v1_SetPowerRequest, _loa_station_v1_SetPowerRequest__Output>
        SetPowerResponse: MessageTypeDefinition<_loa_station_v1_SetPowerResponse, _loa_station_v1_SetPowerResponse__Output>
        SetZoneRequest: MessageTypeDefinition<_loa_station_v1_SetZoneRequest, _loa_station_v1_SetZoneRequest__Output>
        SetZoneResponse: MessageTypeDefinition<_loa_station_v1_SetZoneResponse, _loa_station_v1_SetZoneResponse__Output>
        SimStatus: MessageTypeDefinition<_loa_station_v1_SimStatus, _loa_station_v1_SimStatus__Output>
        StartEmergencyRequest: MessageTypeDefinition<_loa_station_v1_StartEmergencyRequest, _loa_station_v1_StartEmergencyRequest__Output>
        StartEmergencyResponse: MessageTypeDefinition<_loa_station_v1_StartEmergencyResponse, _loa_station_v1_StartEmergencyResponse__Output>
        /**
         * The station's control API, served by the station daemon on its unix socket (mode 0660) for
         * technicians (stationctl) and local tools. Every RPC runs one command of the station's command
         * registry by name (shown on each RPC); the district runs the same commands over its session.
         * A refusal carries the station's own error code in the "loa-code" trailer (INVALID_ARGUMENT,
         * REFUSED, HARDWARE, ...), beside the gRPC status it maps to.
         */
        StationService: SubtypeConstructor<typeof grpc.Client, _loa_station_v1_StationServiceClient> & { service: _loa_station_v1_StationServiceDefinition }
        StationStatus: MessageTypeDefinition<_loa_station_v1_StationStatus, _loa_station_v1_StationStatus__Output>
        StopEmergencyRequest: MessageTypeDefinition<_loa_station_v1_StopEmergencyRequest, _loa_station_v1_StopEmergencyRequest__Output>
        StopEmergencyResponse: MessageTypeDefinition<_loa_station_v1_StopEmergencyResponse, _loa_station_v1_StopEmergencyResponse__Output>
        StopRequest: MessageTypeDefinition<_loa_station_v1_StopRequest, _loa_station_v1_StopRequest__Output>
        StopResponse: MessageTypeDefinition<_loa_station_v1_StopResponse, _loa_station_v1_StopResponse__Output>
        TransmitterStatus: MessageTypeDefinition<_loa_station_v1_TransmitterStatus, _loa_station_v1_TransmitterStatus__Output>
        WatchStatusRequest: MessageTypeDefinition<_loa_station_v1_WatchStatusRequest, _loa_station_v1_WatchStatusRequest__Output>
        WatchStatusResponse: MessageTypeDefinition<_loa_station_v1_WatchStatusResponse, _loa_station_v1_WatchStatusResponse__Output>
        ZoneStatus: MessageTypeDefinition<_loa_station_v1_ZoneStatus, _loa_station_v1_ZoneStatus__Output>
      }
    }
  }
}

