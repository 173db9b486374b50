// Original file: proto/loa/station/v1/station.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApplyScheduleRequest as _loa_station_v1_ApplyScheduleRequest, ApplyScheduleRequest__Output as _loa_station_v1_ApplyScheduleRequest__Output } from '../../../loa/station/v1/ApplyScheduleRequest.js';
import type { ApplyScheduleResponse as _loa_station_v1_ApplyScheduleResponse, ApplyScheduleResponse__Output as _loa_station_v1_ApplyScheduleResponse__Output } from '../../../loa/station/v1/ApplyScheduleResponse.js';
import type { CalibrateLinesRequest as _loa_station_v1_CalibrateLinesRequest, CalibrateLinesRequest__Output as _loa_station_v1_CalibrateLinesRequest__Output } from '../../../loa/station/v1/CalibrateLinesRequest.js';
import type { CalibrateLinesResponse as _loa_station_v1_CalibrateLinesResponse, CalibrateLinesResponse__Output as _loa_station_v1_CalibrateLinesResponse__Output } from '../../../loa/station/v1/CalibrateLinesResponse.js';
import type { CallRequest as _loa_station_v1_CallRequest, CallRequest__Output as _loa_station_v1_CallRequest__Output } from '../../../loa/station/v1/CallRequest.js';
import type { CallResponse as _loa_station_v1_CallResponse, CallResponse__Output as _loa_station_v1_CallResponse__Output } from '../../../loa/station/v1/CallResponse.js';
import type { CheckLinesRequest as _loa_station_v1_CheckLinesRequest, CheckLinesRequest__Output as _loa_station_v1_CheckLinesRequest__Output } from '../../../loa/station/v1/CheckLinesRequest.js';
import type { CheckLinesResponse as _loa_station_v1_CheckLinesResponse, CheckLinesResponse__Output as _loa_station_v1_CheckLinesResponse__Output } from '../../../loa/station/v1/CheckLinesResponse.js';
import type { ClearSimFaultRequest as _loa_station_v1_ClearSimFaultRequest, ClearSimFaultRequest__Output as _loa_station_v1_ClearSimFaultRequest__Output } from '../../../loa/station/v1/ClearSimFaultRequest.js';
import type { ClearSimFaultResponse as _loa_station_v1_ClearSimFaultResponse, ClearSimFaultResponse__Output as _loa_station_v1_ClearSimFaultResponse__Output } from '../../../loa/station/v1/ClearSimFaultResponse.js';
import type { GetPlayLogRequest as _loa_station_v1_GetPlayLogRequest, GetPlayLogRequest__Output as _loa_station_v1_GetPlayLogRequest__Output } from '../../../loa/station/v1/GetPlayLogRequest.js';
import type { GetPlayLogResponse as _loa_station_v1_GetPlayLogResponse, GetPlayLogResponse__Output as _loa_station_v1_GetPlayLogResponse__Output } from '../../../loa/station/v1/GetPlayLogResponse.js';
import type { GetScheduleRequest as _loa_station_v1_GetScheduleRequest, GetScheduleRequest__Output as _loa_station_v1_GetScheduleRequest__Output } from '../../../loa/station/v1/GetScheduleRequest.js';
import type { GetScheduleResponse as _loa_station_v1_GetScheduleResponse, GetScheduleResponse__Output as _loa_station_v1_GetScheduleResponse__Output } from '../../../loa/station/v1/GetScheduleResponse.js';
import type { GetStatusRequest as _loa_station_v1_GetStatusRequest, GetStatusRequest__Output as _loa_station_v1_GetStatusRequest__Output } from '../../../loa/station/v1/GetStatusRequest.js';
import type { GetStatusResponse as _loa_station_v1_GetStatusResponse, GetStatusResponse__Output as _loa_station_v1_GetStatusResponse__Output } from '../../../loa/station/v1/GetStatusResponse.js';
import type { InjectSimFaultRequest as _loa_station_v1_InjectSimFaultRequest, InjectSimFaultRequest__Output as _loa_station_v1_InjectSimFaultRequest__Output } from '../../../loa/station/v1/InjectSimFaultRequest.js';
import type { InjectSimFaultResponse as _loa_station_v1_InjectSimFaultResponse, InjectSimFaultResponse__Output as _loa_station_v1_InjectSimFaultResponse__Output } from '../../../loa/station/v1/InjectSimFaultResponse.js';
import type { ListEventsRequest as _loa_station_v1_ListEventsRequest, ListEventsRequest__Output as _loa_station_v1_ListEventsRequest__Output } from '../../../loa/station/v1/ListEventsRequest.js';
import type { ListEventsResponse as _loa_station_v1_ListEventsResponse, ListEventsResponse__Output as _loa_station_v1_ListEventsResponse__Output } from '../../../loa/station/v1/ListEventsResponse.js';
import type { ListMethodsRequest as _loa_station_v1_ListMethodsRequest, ListMethodsRequest__Output as _loa_station_v1_ListMethodsRequest__Output } from '../../../loa/station/v1/ListMethodsRequest.js';
import type { ListMethodsResponse as _loa_station_v1_ListMethodsResponse, ListMethodsResponse__Output as _loa_station_v1_ListMethodsResponse__Output } from '../../../loa/station/v1/ListMethodsResponse.js';
import type { PlayRequest as _loa_station_v1_PlayRequest, PlayRequest__Output as _loa_station_v1_PlayRequest__Output } from '../../../loa/station/v1/PlayRequest.js';
import type { PlayResponse as _loa_station_v1_PlayResponse, PlayResponse__Output as _loa_station_v1_PlayResponse__Output } from '../../../loa/station/v1/PlayResponse.js';
import type { ResetLockoutRequest as _loa_station_v1_ResetLockoutRequest, ResetLockoutRequest__Output as _loa_station_v1_ResetLockoutRequest__Output } from '../../../loa/station/v1/ResetLockoutRequest.js';
import type { ResetLockoutResponse as _loa_station_v1_ResetLockoutResponse, ResetLockoutResponse__Output as _loa_station_v1_ResetLockoutResponse__Output } from '../../../loa/station/v1/ResetLockoutResponse.js';
import type { SetPowerRequest as _loa_station_v1_SetPowerRequest, SetPowerRequest__Output as _loa_station_v1_SetPowerRequest__Output } from '../../../loa/station/v1/SetPowerRequest.js';
import type { SetPowerResponse as _loa_station_v1_SetPowerResponse, SetPowerResponse__Output as _loa_station_v1_SetPowerResponse__Output } from '../../../loa/station/v1/SetPowerResponse.js';
import type { SetZoneRequest as _loa_station_v1_SetZoneRequest, SetZoneRequest__Output as _loa_station_v1_SetZoneRequest__Output } from '../../../loa/station/v1/SetZoneRequest.js';
import type { SetZoneResponse as _loa_station_v1_SetZoneResponse, SetZoneResponse__Output as _loa_station_v1_SetZoneResponse__Output } from '../../../loa/station/v1/SetZoneResponse.js';
import type { StartEmergencyRequest as _loa_station_v1_StartEmergencyRequest, StartEmergencyRequest__Output as _loa_station_v1_StartEmergencyRequest__Output } from '../../../loa/station/v1/StartEmergencyRequest.js';
import type { StartEmergencyResponse as _loa_station_v1_StartEmergencyResponse, StartEmergencyResponse__Output as _loa_station_v1_StartEmergencyResponse__Output } from '../../../loa/station/v1/StartEmergencyResponse.js';
import type { StopEmergencyRequest as _loa_station_v1_StopEmergencyRequest, StopEmergencyRequest__Output as _loa_station_v1_StopEmergencyRequest__Output } from '../../../loa/station/v1/StopEmergencyRequest.js';
import type { StopEmergencyResponse as _loa_station_v1_StopEmergencyResponse, StopEmergencyResponse__Output as _loa_station_v1_StopEmergencyResponse__Output } from '../../../loa/station/v1/StopEmergencyResponse.js';
import type { StopRequest as _loa_station_v1_StopRequest, StopRequest__Output as _loa_station_v1_StopRequest__Output } from '../../../loa/station/v1/StopRequest.js';
import type { StopResponse as _loa_station_v1_StopResponse, StopResponse__Output as _loa_station_v1_StopResponse__Output } from '../../../loa/station/v1/StopResponse.js';
import type { WatchStatusRequest as _loa_station_v1_WatchStatusRequest, WatchStatusRequest__Output as _loa_station_v1_WatchStatusRequest__Output } from '../../../loa/station/v1/WatchStatusRequest.js';
import type { WatchStatusResponse as _loa_station_v1_WatchStatusResponse, WatchStatusResponse__Output as _loa_station_v1_WatchStatusResponse__Output } from '../../../loa/station/v1/WatchStatusResponse.js';

/**
 * The station's control API, served by the station daemon on its unix socket (mode 0660) for
 * technicians (stationctl) and local tools. Every RPC runs one command of the station's command
 * registry by name (shown on each RPC); the district runs the same commands over its session.
 * A refusal carries the station's own error code in the "loa-code" trailer (INVALID_ARGUMENT,
 * REFUSED, HARDWARE, ...), beside the gRPC status it maps to.
 */
export interface StationServiceClient extends grpc.Client {
  /**
   * Validates and applies a schedule ("schedule.apply").
   */
  ApplySchedule(argument: _loa_station_v1_ApplyScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  ApplySchedule(argument: _loa_station_v1_ApplyScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  ApplySchedule(argument: _loa_station_v1_ApplyScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  ApplySchedule(argument: _loa_station_v1_ApplyScheduleRequest, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Validates and applies a schedule ("schedule.apply").
   */
  applySchedule(argument: _loa_station_v1_ApplyScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  applySchedule(argument: _loa_station_v1_ApplyScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  applySchedule(argument: _loa_station_v1_ApplyScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  applySchedule(argument: _loa_station_v1_ApplyScheduleRequest, callback: grpc.requestCallback<_loa_station_v1_ApplyScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records the lines' commissioning baseline ("lines.calibrate").
   */
  CalibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  CalibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  CalibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  CalibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records the lines' commissioning baseline ("lines.calibrate").
   */
  calibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  calibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  calibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  calibrateLines(argument: _loa_station_v1_CalibrateLinesRequest, callback: grpc.requestCallback<_loa_station_v1_CalibrateLinesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Any registered command by its registry name, e.g. "fallback.list" or "lines.history".
   */
  Call(argument: _loa_station_v1_CallRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  Call(argument: _loa_station_v1_CallRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  Call(argument: _loa_station_v1_CallRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  Call(argument: _loa_station_v1_CallRequest, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Any registered command by its registry name, e.g. "fallback.list" or "lines.history".
   */
  call(argument: _loa_station_v1_CallRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  call(argument: _loa_station_v1_CallRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  call(argument: _loa_station_v1_CallRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  call(argument: _loa_station_v1_CallRequest, callback: grpc.requestCallback<_loa_station_v1_CallResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Measures the loudspeaker lines now ("lines.check").
   */
  CheckLines(argument: _loa_station_v1_CheckLinesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  CheckLines(argument: _loa_station_v1_CheckLinesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  CheckLines(argument: _loa_station_v1_CheckLinesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  CheckLines(argument: _loa_station_v1_CheckLinesRequest, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Measures the loudspeaker lines now ("lines.check").
   */
  checkLines(argument: _loa_station_v1_CheckLinesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  checkLines(argument: _loa_station_v1_CheckLinesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  checkLines(argument: _loa_station_v1_CheckLinesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  checkLines(argument: _loa_station_v1_CheckLinesRequest, callback: grpc.requestCallback<_loa_station_v1_CheckLinesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Clears simulated faults ("simClear").
   */
  ClearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  ClearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  ClearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  ClearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Clears simulated faults ("simClear").
   */
  clearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  clearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  clearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  clearSimFault(argument: _loa_station_v1_ClearSimFaultRequest, callback: grpc.requestCallback<_loa_station_v1_ClearSimFaultResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * What went on air ("playLog").
   */
  GetPlayLog(argument: _loa_station_v1_GetPlayLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  GetPlayLog(argument: _loa_station_v1_GetPlayLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  GetPlayLog(argument: _loa_station_v1_GetPlayLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  GetPlayLog(argument: _loa_station_v1_GetPlayLogRequest, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  /**
   * What went on air ("playLog").
   */
  getPlayLog(argument: _loa_station_v1_GetPlayLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  getPlayLog(argument: _loa_station_v1_GetPlayLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  getPlayLog(argument: _loa_station_v1_GetPlayLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  getPlayLog(argument: _loa_station_v1_GetPlayLogRequest, callback: grpc.requestCallback<_loa_station_v1_GetPlayLogResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The schedule the station runs ("schedule.get").
   */
  GetSchedule(argument: _loa_station_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _loa_station_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _loa_station_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _loa_station_v1_GetScheduleRequest, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The schedule the station runs ("schedule.get").
   */
  getSchedule(argument: _loa_station_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _loa_station_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _loa_station_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _loa_station_v1_GetScheduleRequest, callback: grpc.requestCallback<_loa_station_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * What the station is doing now (registry method "status").
   */
  GetStatus(argument: _loa_station_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _loa_station_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _loa_station_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _loa_station_v1_GetStatusRequest, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * What the station is doing now (registry method "status").
   */
  getStatus(argument: _loa_station_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _loa_station_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _loa_station_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _loa_station_v1_GetStatusRequest, callback: grpc.requestCallback<_loa_station_v1_GetStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Injects a fault into the simulator ("simFault"; simulator profiles only).
   */
  InjectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  InjectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  InjectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  InjectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Injects a fault into the simulator ("simFault"; simulator profiles only).
   */
  injectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  injectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  injectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  injectSimFault(argument: _loa_station_v1_InjectSimFaultRequest, callback: grpc.requestCallback<_loa_station_v1_InjectSimFaultResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The station's event log ("events").
   */
  ListEvents(argument: _loa_station_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_station_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_station_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_station_v1_ListEventsRequest, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The station's event log ("events").
   */
  listEvents(argument: _loa_station_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_station_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_station_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_station_v1_ListEventsRequest, callback: grpc.requestCallback<_loa_station_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The registry's command names (what Call accepts).
   */
  ListMethods(argument: _loa_station_v1_ListMethodsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  ListMethods(argument: _loa_station_v1_ListMethodsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  ListMethods(argument: _loa_station_v1_ListMethodsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  ListMethods(argument: _loa_station_v1_ListMethodsRequest, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The registry's command names (what Call accepts).
   */
  listMethods(argument: _loa_station_v1_ListMethodsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  listMethods(argument: _loa_station_v1_ListMethodsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  listMethods(argument: _loa_station_v1_ListMethodsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  listMethods(argument: _loa_station_v1_ListMethodsRequest, callback: grpc.requestCallback<_loa_station_v1_ListMethodsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Plays a source now ("audio.play").
   */
  Play(argument: _loa_station_v1_PlayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  Play(argument: _loa_station_v1_PlayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  Play(argument: _loa_station_v1_PlayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  Play(argument: _loa_station_v1_PlayRequest, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Plays a source now ("audio.play").
   */
  play(argument: _loa_station_v1_PlayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  play(argument: _loa_station_v1_PlayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  play(argument: _loa_station_v1_PlayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  play(argument: _loa_station_v1_PlayRequest, callback: grpc.requestCallback<_loa_station_v1_PlayResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Clears a transmitter lockout ("resetLockout").
   */
  ResetLockout(argument: _loa_station_v1_ResetLockoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  ResetLockout(argument: _loa_station_v1_ResetLockoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  ResetLockout(argument: _loa_station_v1_ResetLockoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  ResetLockout(argument: _loa_station_v1_ResetLockoutRequest, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Clears a transmitter lockout ("resetLockout").
   */
  resetLockout(argument: _loa_station_v1_ResetLockoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  resetLockout(argument: _loa_station_v1_ResetLockoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  resetLockout(argument: _loa_station_v1_ResetLockoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  resetLockout(argument: _loa_station_v1_ResetLockoutRequest, callback: grpc.requestCallback<_loa_station_v1_ResetLockoutResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The amplifier/transmitter chain on or off, in sequence ("power").
   */
  SetPower(argument: _loa_station_v1_SetPowerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  SetPower(argument: _loa_station_v1_SetPowerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  SetPower(argument: _loa_station_v1_SetPowerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  SetPower(argument: _loa_station_v1_SetPowerRequest, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The amplifier/transmitter chain on or off, in sequence ("power").
   */
  setPower(argument: _loa_station_v1_SetPowerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  setPower(argument: _loa_station_v1_SetPowerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  setPower(argument: _loa_station_v1_SetPowerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  setPower(argument: _loa_station_v1_SetPowerRequest, callback: grpc.requestCallback<_loa_station_v1_SetPowerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One loudspeaker zone on or off ("zone").
   */
  SetZone(argument: _loa_station_v1_SetZoneRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  SetZone(argument: _loa_station_v1_SetZoneRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  SetZone(argument: _loa_station_v1_SetZoneRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  SetZone(argument: _loa_station_v1_SetZoneRequest, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One loudspeaker zone on or off ("zone").
   */
  setZone(argument: _loa_station_v1_SetZoneRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  setZone(argument: _loa_station_v1_SetZoneRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  setZone(argument: _loa_station_v1_SetZoneRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  setZone(argument: _loa_station_v1_SetZoneRequest, callback: grpc.requestCallback<_loa_station_v1_SetZoneResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts an emergency bulletin; it pre-empts everything ("emergency.start").
   */
  StartEmergency(argument: _loa_station_v1_StartEmergencyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StartEmergency(argument: _loa_station_v1_StartEmergencyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StartEmergency(argument: _loa_station_v1_StartEmergencyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StartEmergency(argument: _loa_station_v1_StartEmergencyRequest, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts an emergency bulletin; it pre-empts everything ("emergency.start").
   */
  startEmergency(argument: _loa_station_v1_StartEmergencyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  startEmergency(argument: _loa_station_v1_StartEmergencyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  startEmergency(argument: _loa_station_v1_StartEmergencyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  startEmergency(argument: _loa_station_v1_StartEmergencyRequest, callback: grpc.requestCallback<_loa_station_v1_StartEmergencyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stops what "Play" started ("audio.stop").
   */
  Stop(argument: _loa_station_v1_StopRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  Stop(argument: _loa_station_v1_StopRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  Stop(argument: _loa_station_v1_StopRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  Stop(argument: _loa_station_v1_StopRequest, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stops what "Play" started ("audio.stop").
   */
  stop(argument: _loa_station_v1_StopRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  stop(argument: _loa_station_v1_StopRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  stop(argument: _loa_station_v1_StopRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  stop(argument: _loa_station_v1_StopRequest, callback: grpc.requestCallback<_loa_station_v1_StopResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Ends the emergency bulletin ("emergency.stop").
   */
  StopEmergency(argument: _loa_station_v1_StopEmergencyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StopEmergency(argument: _loa_station_v1_StopEmergencyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StopEmergency(argument: _loa_station_v1_StopEmergencyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  StopEmergency(argument: _loa_station_v1_StopEmergencyRequest, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Ends the emergency bulletin ("emergency.stop").
   */
  stopEmergency(argument: _loa_station_v1_StopEmergencyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  stopEmergency(argument: _loa_station_v1_StopEmergencyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  stopEmergency(argument: _loa_station_v1_StopEmergencyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  stopEmergency(argument: _loa_station_v1_StopEmergencyRequest, callback: grpc.requestCallback<_loa_station_v1_StopEmergencyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The status now, then again each time it changes (polled at interval_ms).
   */
  WatchStatus(argument: _loa_station_v1_WatchStatusRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_station_v1_WatchStatusResponse__Output>;
  WatchStatus(argument: _loa_station_v1_WatchStatusRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_station_v1_WatchStatusResponse__Output>;
  /**
   * The status now, then again each time it changes (polled at interval_ms).
   */
  watchStatus(argument: _loa_station_v1_WatchStatusRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_station_v1_WatchStatusResponse__Output>;
  watchStatus(argument: _loa_station_v1_WatchStatusRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_station_v1_WatchStatusResponse__Output>;
  
}

/**
 * The station's control API, served by the station daemon on its unix socket (mode 0660) for
 * technicians (stationctl) and local tools. Every RPC runs one command of the station's command
 * registry by name (shown on each RPC); the district runs the same commands over its session.
 * A refusal carries the station's own error code in the "loa-code" trailer (INVALID_ARGUMENT,
 * REFUSED, HARDWARE, ...), beside the gRPC status it maps to.
 */
export interface StationServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Validates and applies a schedule ("schedule.apply").
   */
  ApplySchedule: grpc.handleUnaryCall<_loa_station_v1_ApplyScheduleRequest__Output, _loa_station_v1_ApplyScheduleResponse>;
  
  /**
   * Records the lines' commissioning baseline ("lines.calibrate").
   */
  CalibrateLines: grpc.handleUnaryCall<_loa_station_v1_CalibrateLinesRequest__Output, _loa_station_v1_CalibrateLinesResponse>;
  
  /**
   * Any registered command by its registry name, e.g. "fallback.list" or "lines.history".
   */
  Call: grpc.handleUnaryCall<_loa_station_v1_CallRequest__Output, _loa_station_v1_CallResponse>;
  
  /**
   * Measures the loudspeaker lines now ("lines.check").
   */
  CheckLines: grpc.handleUnaryCall<_loa_station_v1_CheckLinesRequest__Output, _loa_station_v1_CheckLinesResponse>;
  
  /**
   * Clears simulated faults ("simClear").
   */
  ClearSimFault: grpc.handleUnaryCall<_loa_station_v1_ClearSimFaultRequest__Output, _loa_station_v1_ClearSimFaultResponse>;
  
  /**
   * What went on air ("playLog").
   */
  GetPlayLog: grpc.handleUnaryCall<_loa_station_v1_GetPlayLogRequest__Output, _loa_station_v1_GetPlayLogResponse>;
  
  /**
   * The schedule the station runs ("schedule.get").
   */
  GetSchedule: grpc.handleUnaryCall<_loa_station_v1_GetScheduleRequest__Output, _loa_station_v1_GetScheduleResponse>;
  
  /**
   * What the station is doing now (registry method "status").
   */
  GetStatus: grpc.handleUnaryCall<_loa_station_v1_GetStatusRequest__Output, _loa_station_v1_GetStatusResponse>;
  
  /**
   * Injects a fault into the simulator ("simFault"; simulator profiles only).
   */
  InjectSimFault: grpc.handleUnaryCall<_loa_station_v1_InjectSimFaultRequest__Output, _loa_station_v1_InjectSimFaultResponse>;
  
  /**
   * The station's event log ("events").
   */
  ListEvents: grpc.handleUnaryCall<_loa_station_v1_ListEventsRequest__Output, _loa_station_v1_ListEventsResponse>;
  
  /**
   * The registry's command names (what Call accepts).
   */
  ListMethods: grpc.handleUnaryCall<_loa_station_v1_ListMethodsRequest__Output, _loa_station_v1_ListMethodsResponse>;
  
  /**
   * Plays a source now ("audio.play").
   */
  Play: grpc.handleUnaryCall<_loa_station_v1_PlayRequest__Output, _loa_station_v1_PlayResponse>;
  
  /**
   * Clears a transmitter lockout ("resetLockout").
   */
  ResetLockout: grpc.handleUnaryCall<_loa_station_v1_ResetLockoutRequest__Output, _loa_station_v1_ResetLockoutResponse>;
  
  /**
   * The amplifier/transmitter chain on or off, in sequence ("power").
   */
  SetPower: grpc.handleUnaryCall<_loa_station_v1_SetPowerRequest__Output, _loa_station_v1_SetPowerResponse>;
  
  /**
   * One loudspeaker zone on or off ("zone").
   */
  SetZone: grpc.handleUnaryCall<_loa_station_v1_SetZoneRequest__Output, _loa_station_v1_SetZoneResponse>;
  
  /**
   * Starts an emergency bulletin; it pre-empts everything ("emergency.start").
   */
  StartEmergency: grpc.handleUnaryCall<_loa_station_v1_StartEmergencyRequest__Output, _loa_station_v1_StartEmergencyResponse>;
  
  /**
   * Stops what "Play" started ("audio.stop").
   */
  Stop: grpc.handleUnaryCall<_loa_station_v1_StopRequest__Output, _loa_station_v1_StopResponse>;
  
  /**
   * Ends the emergency bulletin ("emergency.stop").
   */
  StopEmergency: grpc.handleUnaryCall<_loa_station_v1_StopEmergencyRequest__Output, _loa_station_v1_StopEmergencyResponse>;
  
  /**
   * The status now, then again each time it changes (polled at interval_ms).
   */
  WatchStatus: grpc.handleServerStreamingCall<_loa_station_v1_WatchStatusRequest__Output, _loa_station_v1_WatchStatusResponse>;
  
}

export interface StationServiceDefinition extends grpc.ServiceDefinition {
  ApplySchedule: MethodDefinition<_loa_station_v1_ApplyScheduleRequest, _loa_station_v1_ApplyScheduleResponse, _loa_station_v1_ApplyScheduleRequest__Output, _loa_station_v1_ApplyScheduleResponse__Output>
  CalibrateLines: MethodDefinition<_loa_station_v1_CalibrateLinesRequest, _loa_station_v1_CalibrateLinesResponse, _loa_station_v1_CalibrateLinesRequest__Output, _loa_station_v1_CalibrateLinesResponse__Output>
  Call: MethodDefinition<_loa_station_v1_CallRequest, _loa_station_v1_CallResponse, _loa_station_v1_CallRequest__Output, _loa_station_v1_CallResponse__Output>
  CheckLines: MethodDefinition<_loa_station_v1_CheckLinesRequest, _loa_station_v1_CheckLinesResponse, _loa_station_v1_CheckLinesRequest__Output, _loa_station_v1_CheckLinesResponse__Output>
  ClearSimFault: MethodDefinition<_loa_station_v1_ClearSimFaultRequest, _loa_station_v1_ClearSimFaultResponse, _loa_station_v1_ClearSimFaultRequest__Output, _loa_station_v1_ClearSimFaultResponse__Output>
  GetPlayLog: MethodDefinition<_loa_station_v1_GetPlayLogRequest, _loa_station_v1_GetPlayLogResponse, _loa_station_v1_GetPlayLogRequest__Output, _loa_station_v1_GetPlayLogResponse__Output>
  GetSchedule: MethodDefinition<_loa_station_v1_GetScheduleRequest, _loa_station_v1_GetScheduleResponse, _loa_station_v1_GetScheduleRequest__Output, _loa_station_v1_GetScheduleResponse__Output>
  GetStatus: MethodDefinition<_loa_station_v1_GetStatusRequest, _loa_station_v1_GetStatusResponse, _loa_station_v1_GetStatusRequest__Output, _loa_station_v1_GetStatusResponse__Output>
  InjectSimFault: MethodDefinition<_loa_station_v1_InjectSimFaultRequest, _loa_station_v1_InjectSimFaultResponse, _loa_station_v1_InjectSimFaultRequest__Output, _loa_station_v1_InjectSimFaultResponse__Output>
  ListEvents: MethodDefinition<_loa_station_v1_ListEventsRequest, _loa_station_v1_ListEventsResponse, _loa_station_v1_ListEventsRequest__Output, _loa_station_v1_ListEventsResponse__Output>
  ListMethods: MethodDefinition<_loa_station_v1_ListMethodsRequest, _loa_station_v1_ListMethodsResponse, _loa_station_v1_ListMethodsRequest__Output, _loa_station_v1_ListMethodsResponse__Output>
  Play: MethodDefinition<_loa_station_v1_PlayRequest, _loa_station_v1_PlayResponse, _loa_station_v1_PlayRequest__Output, _loa_station_v1_PlayResponse__Output>
  ResetLockout: MethodDefinition<_loa_station_v1_ResetLockoutRequest, _loa_station_v1_ResetLockoutResponse, _loa_station_v1_ResetLockoutRequest__Output, _loa_station_v1_ResetLockoutResponse__Output>
  SetPower: MethodDefinition<_loa_station_v1_SetPowerRequest, _loa_station_v1_SetPowerResponse, _loa_station_v1_SetPowerRequest__Output, _loa_station_v1_SetPowerResponse__Output>
  SetZone: MethodDefinition<_loa_station_v1_SetZoneRequest, _loa_station_v1_SetZoneResponse, _loa_station_v1_SetZoneRequest__Output, _loa_station_v1_SetZoneResponse__Output>
  StartEmergency: MethodDefinition<_loa_station_v1_StartEmergencyRequest, _loa_station_v1_StartEmergencyResponse, _loa_station_v1_StartEmergencyRequest__Output, _loa_station_v1_StartEmergencyResponse__Output>
  Stop: MethodDefinition<_loa_station_v1_StopRequest, _loa_station_v1_StopResponse, _loa_station_v1_StopRequest__Output, _loa_station_v1_StopResponse__Output>
  StopEmergency: MethodDefinition<_loa_station_v1_StopEmergencyRequest, _loa_station_v1_StopEmergencyResponse, _loa_station_v1_StopEmergencyRequest__Output, _loa_station_v1_StopEmergencyResponse__Output>
  WatchStatus: MethodDefinition<_loa_station_v1_WatchStatusRequest, _loa_station_v1_WatchStatusResponse, _loa_station_v1_WatchStatusRequest__Output, _loa_station_v1_WatchStatusResponse__Output>
}
