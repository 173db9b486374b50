// Original file: proto/loa/district/v1/district.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetDatabaseStatusRequest as _loa_district_v1_GetDatabaseStatusRequest, GetDatabaseStatusRequest__Output as _loa_district_v1_GetDatabaseStatusRequest__Output } from '../../../loa/district/v1/GetDatabaseStatusRequest.js';
import type { GetDatabaseStatusResponse as _loa_district_v1_GetDatabaseStatusResponse, GetDatabaseStatusResponse__Output as _loa_district_v1_GetDatabaseStatusResponse__Output } from '../../../loa/district/v1/GetDatabaseStatusResponse.js';
import type { GetStationRequest as _loa_district_v1_GetStationRequest, GetStationRequest__Output as _loa_district_v1_GetStationRequest__Output } from '../../../loa/district/v1/GetStationRequest.js';
import type { GetStationResponse as _loa_district_v1_GetStationResponse, GetStationResponse__Output as _loa_district_v1_GetStationResponse__Output } from '../../../loa/district/v1/GetStationResponse.js';
import type { ListAlarmsRequest as _loa_district_v1_ListAlarmsRequest, ListAlarmsRequest__Output as _loa_district_v1_ListAlarmsRequest__Output } from '../../../loa/district/v1/ListAlarmsRequest.js';
import type { ListAlarmsResponse as _loa_district_v1_ListAlarmsResponse, ListAlarmsResponse__Output as _loa_district_v1_ListAlarmsResponse__Output } from '../../../loa/district/v1/ListAlarmsResponse.js';
import type { ListAuditRequest as _loa_district_v1_ListAuditRequest, ListAuditRequest__Output as _loa_district_v1_ListAuditRequest__Output } from '../../../loa/district/v1/ListAuditRequest.js';
import type { ListAuditResponse as _loa_district_v1_ListAuditResponse, ListAuditResponse__Output as _loa_district_v1_ListAuditResponse__Output } from '../../../loa/district/v1/ListAuditResponse.js';
import type { ListCommandsRequest as _loa_district_v1_ListCommandsRequest, ListCommandsRequest__Output as _loa_district_v1_ListCommandsRequest__Output } from '../../../loa/district/v1/ListCommandsRequest.js';
import type { ListCommandsResponse as _loa_district_v1_ListCommandsResponse, ListCommandsResponse__Output as _loa_district_v1_ListCommandsResponse__Output } from '../../../loa/district/v1/ListCommandsResponse.js';
import type { ListEventsRequest as _loa_district_v1_ListEventsRequest, ListEventsRequest__Output as _loa_district_v1_ListEventsRequest__Output } from '../../../loa/district/v1/ListEventsRequest.js';
import type { ListEventsResponse as _loa_district_v1_ListEventsResponse, ListEventsResponse__Output as _loa_district_v1_ListEventsResponse__Output } from '../../../loa/district/v1/ListEventsResponse.js';
import type { ListPlayLogRequest as _loa_district_v1_ListPlayLogRequest, ListPlayLogRequest__Output as _loa_district_v1_ListPlayLogRequest__Output } from '../../../loa/district/v1/ListPlayLogRequest.js';
import type { ListPlayLogResponse as _loa_district_v1_ListPlayLogResponse, ListPlayLogResponse__Output as _loa_district_v1_ListPlayLogResponse__Output } from '../../../loa/district/v1/ListPlayLogResponse.js';
import type { ListStationsRequest as _loa_district_v1_ListStationsRequest, ListStationsRequest__Output as _loa_district_v1_ListStationsRequest__Output } from '../../../loa/district/v1/ListStationsRequest.js';
import type { ListStationsResponse as _loa_district_v1_ListStationsResponse, ListStationsResponse__Output as _loa_district_v1_ListStationsResponse__Output } from '../../../loa/district/v1/ListStationsResponse.js';
import type { PushScheduleRequest as _loa_district_v1_PushScheduleRequest, PushScheduleRequest__Output as _loa_district_v1_PushScheduleRequest__Output } from '../../../loa/district/v1/PushScheduleRequest.js';
import type { PushScheduleResponse as _loa_district_v1_PushScheduleResponse, PushScheduleResponse__Output as _loa_district_v1_PushScheduleResponse__Output } from '../../../loa/district/v1/PushScheduleResponse.js';
import type { RevokeCertificateRequest as _loa_district_v1_RevokeCertificateRequest, RevokeCertificateRequest__Output as _loa_district_v1_RevokeCertificateRequest__Output } from '../../../loa/district/v1/RevokeCertificateRequest.js';
import type { RevokeCertificateResponse as _loa_district_v1_RevokeCertificateResponse, RevokeCertificateResponse__Output as _loa_district_v1_RevokeCertificateResponse__Output } from '../../../loa/district/v1/RevokeCertificateResponse.js';
import type { SendCommandRequest as _loa_district_v1_SendCommandRequest, SendCommandRequest__Output as _loa_district_v1_SendCommandRequest__Output } from '../../../loa/district/v1/SendCommandRequest.js';
import type { SendCommandResponse as _loa_district_v1_SendCommandResponse, SendCommandResponse__Output as _loa_district_v1_SendCommandResponse__Output } from '../../../loa/district/v1/SendCommandResponse.js';
import type { SpeakRequest as _loa_district_v1_SpeakRequest, SpeakRequest__Output as _loa_district_v1_SpeakRequest__Output } from '../../../loa/district/v1/SpeakRequest.js';
import type { SpeakResponse as _loa_district_v1_SpeakResponse, SpeakResponse__Output as _loa_district_v1_SpeakResponse__Output } from '../../../loa/district/v1/SpeakResponse.js';
import type { UploadMediaRequest as _loa_district_v1_UploadMediaRequest, UploadMediaRequest__Output as _loa_district_v1_UploadMediaRequest__Output } from '../../../loa/district/v1/UploadMediaRequest.js';
import type { UploadMediaResponse as _loa_district_v1_UploadMediaResponse, UploadMediaResponse__Output as _loa_district_v1_UploadMediaResponse__Output } from '../../../loa/district/v1/UploadMediaResponse.js';
import type { WatchStationsRequest as _loa_district_v1_WatchStationsRequest, WatchStationsRequest__Output as _loa_district_v1_WatchStationsRequest__Output } from '../../../loa/district/v1/WatchStationsRequest.js';
import type { WatchStationsResponse as _loa_district_v1_WatchStationsResponse, WatchStationsResponse__Output as _loa_district_v1_WatchStationsResponse__Output } from '../../../loa/district/v1/WatchStationsResponse.js';

/**
 * The district operator's API (districtctl, dashboards), served by the district hub.
 * Selecting stations: station_ids lists them, or all = true for every known station.
 */
export interface DistrictServiceClient extends grpc.Client {
  /**
   * The hub's database: size per table, oldest rows, what retention removes next, and whether
   * the hub refuses writes because its disk is full (docs/link.md, "Retention and disk full").
   */
  GetDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  GetDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  GetDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  GetDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The hub's database: size per table, oldest rows, what retention removes next, and whether
   * the hub refuses writes because its disk is full (docs/link.md, "Retention and disk full").
   */
  getDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  getDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  getDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  getDatabaseStatus(argument: _loa_district_v1_GetDatabaseStatusRequest, callback: grpc.requestCallback<_loa_district_v1_GetDatabaseStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One station's summary and its latest full status.
   */
  GetStation(argument: _loa_district_v1_GetStationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  GetStation(argument: _loa_district_v1_GetStationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  GetStation(argument: _loa_district_v1_GetStationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  GetStation(argument: _loa_district_v1_GetStationRequest, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One station's summary and its latest full status.
   */
  getStation(argument: _loa_district_v1_GetStationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  getStation(argument: _loa_district_v1_GetStationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  getStation(argument: _loa_district_v1_GetStationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  getStation(argument: _loa_district_v1_GetStationRequest, callback: grpc.requestCallback<_loa_district_v1_GetStationResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Active alarms across stations.
   */
  ListAlarms(argument: _loa_district_v1_ListAlarmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _loa_district_v1_ListAlarmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _loa_district_v1_ListAlarmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _loa_district_v1_ListAlarmsRequest, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Active alarms across stations.
   */
  listAlarms(argument: _loa_district_v1_ListAlarmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _loa_district_v1_ListAlarmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _loa_district_v1_ListAlarmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _loa_district_v1_ListAlarmsRequest, callback: grpc.requestCallback<_loa_district_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The audit trail: what operators asked of the hub (and what it refused), and every command
   * the stations ran or refused (their "command" events), oldest first.
   */
  ListAudit(argument: _loa_district_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _loa_district_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _loa_district_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _loa_district_v1_ListAuditRequest, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The audit trail: what operators asked of the hub (and what it refused), and every command
   * the stations ran or refused (their "command" events), oldest first.
   */
  listAudit(argument: _loa_district_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _loa_district_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _loa_district_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _loa_district_v1_ListAuditRequest, callback: grpc.requestCallback<_loa_district_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Commands and their outcomes.
   */
  ListCommands(argument: _loa_district_v1_ListCommandsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  ListCommands(argument: _loa_district_v1_ListCommandsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  ListCommands(argument: _loa_district_v1_ListCommandsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  ListCommands(argument: _loa_district_v1_ListCommandsRequest, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Commands and their outcomes.
   */
  listCommands(argument: _loa_district_v1_ListCommandsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  listCommands(argument: _loa_district_v1_ListCommandsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  listCommands(argument: _loa_district_v1_ListCommandsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  listCommands(argument: _loa_district_v1_ListCommandsRequest, callback: grpc.requestCallback<_loa_district_v1_ListCommandsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Event history across stations.
   */
  ListEvents(argument: _loa_district_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_district_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_district_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _loa_district_v1_ListEventsRequest, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Event history across stations.
   */
  listEvents(argument: _loa_district_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_district_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_district_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _loa_district_v1_ListEventsRequest, callback: grpc.requestCallback<_loa_district_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * What went on air, across stations.
   */
  ListPlayLog(argument: _loa_district_v1_ListPlayLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  ListPlayLog(argument: _loa_district_v1_ListPlayLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  ListPlayLog(argument: _loa_district_v1_ListPlayLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  ListPlayLog(argument: _loa_district_v1_ListPlayLogRequest, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  /**
   * What went on air, across stations.
   */
  listPlayLog(argument: _loa_district_v1_ListPlayLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  listPlayLog(argument: _loa_district_v1_ListPlayLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  listPlayLog(argument: _loa_district_v1_ListPlayLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  listPlayLog(argument: _loa_district_v1_ListPlayLogRequest, callback: grpc.requestCallback<_loa_district_v1_ListPlayLogResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One line per station: online, on air, alarms, last contact.
   */
  ListStations(argument: _loa_district_v1_ListStationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  ListStations(argument: _loa_district_v1_ListStationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  ListStations(argument: _loa_district_v1_ListStationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  ListStations(argument: _loa_district_v1_ListStationsRequest, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One line per station: online, on air, alarms, last contact.
   */
  listStations(argument: _loa_district_v1_ListStationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  listStations(argument: _loa_district_v1_ListStationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  listStations(argument: _loa_district_v1_ListStationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  listStations(argument: _loa_district_v1_ListStationsRequest, callback: grpc.requestCallback<_loa_district_v1_ListStationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A new desired state (schedule + media manifest) for the selected stations.
   */
  PushSchedule(argument: _loa_district_v1_PushScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  PushSchedule(argument: _loa_district_v1_PushScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  PushSchedule(argument: _loa_district_v1_PushScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  PushSchedule(argument: _loa_district_v1_PushScheduleRequest, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A new desired state (schedule + media manifest) for the selected stations.
   */
  pushSchedule(argument: _loa_district_v1_PushScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  pushSchedule(argument: _loa_district_v1_PushScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  pushSchedule(argument: _loa_district_v1_PushScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  pushSchedule(argument: _loa_district_v1_PushScheduleRequest, callback: grpc.requestCallback<_loa_district_v1_PushScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Revokes the certificates of a station or a person at this hub (admin; a stolen box): every
   * serial the hub has seen for that identity, or the one serial given. The hub refuses them
   * at the next handshake and drops their open connections at once (docs/security.md).
   */
  RevokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Revokes the certificates of a station or a person at this hub (admin; a stolen box): every
   * serial the hub has seen for that identity, or the one serial given. The hub refuses them
   * at the next handshake and drops their open connections at once (docs/security.md).
   */
  revokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _loa_district_v1_RevokeCertificateRequest, callback: grpc.requestCallback<_loa_district_v1_RevokeCertificateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A command (registry method + params) to one, several or all stations; delivered now to
   * the stations online, when they return to the others, unless it expires first.
   */
  SendCommand(argument: _loa_district_v1_SendCommandRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  SendCommand(argument: _loa_district_v1_SendCommandRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  SendCommand(argument: _loa_district_v1_SendCommandRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  SendCommand(argument: _loa_district_v1_SendCommandRequest, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A command (registry method + params) to one, several or all stations; delivered now to
   * the stations online, when they return to the others, unless it expires first.
   */
  sendCommand(argument: _loa_district_v1_SendCommandRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  sendCommand(argument: _loa_district_v1_SendCommandRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  sendCommand(argument: _loa_district_v1_SendCommandRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  sendCommand(argument: _loa_district_v1_SendCommandRequest, callback: grpc.requestCallback<_loa_district_v1_SendCommandResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Live voice to the chosen stations (docs/live.md): the first message names the stations and
   * the tier, the next ones carry the encoded audio; closing the stream ends the session. The hub
   * relays it over each station's session, records it and audits who spoke to which stations.
   */
  Speak(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  Speak(metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  Speak(options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  Speak(callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  /**
   * Live voice to the chosen stations (docs/live.md): the first message names the stations and
   * the tier, the next ones carry the encoded audio; closing the stream ends the session. The hub
   * relays it over each station's session, records it and audits who spoke to which stations.
   */
  speak(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  speak(metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  speak(options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  speak(callback: grpc.requestCallback<_loa_district_v1_SpeakResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_SpeakRequest>;
  
  /**
   * Stores a media file at the hub (streamed in chunks); returns its reference.
   */
  UploadMedia(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  UploadMedia(metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  UploadMedia(options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  UploadMedia(callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  /**
   * Stores a media file at the hub (streamed in chunks); returns its reference.
   */
  uploadMedia(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  uploadMedia(metadata: grpc.Metadata, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  uploadMedia(options: grpc.CallOptions, callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  uploadMedia(callback: grpc.requestCallback<_loa_district_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_loa_district_v1_UploadMediaRequest>;
  
  /**
   * Station summaries as they change, and events as they arrive.
   */
  WatchStations(argument: _loa_district_v1_WatchStationsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_district_v1_WatchStationsResponse__Output>;
  WatchStations(argument: _loa_district_v1_WatchStationsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_district_v1_WatchStationsResponse__Output>;
  /**
   * Station summaries as they change, and events as they arrive.
   */
  watchStations(argument: _loa_district_v1_WatchStationsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_district_v1_WatchStationsResponse__Output>;
  watchStations(argument: _loa_district_v1_WatchStationsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_loa_district_v1_WatchStationsResponse__Output>;
  
}

/**
 * The district operator's API (districtctl, dashboards), served by the district hub.
 * Selecting stations: station_ids lists them, or all = true for every known station.
 */
export interface DistrictServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The hub's database: size per table, oldest rows, what retention removes next, and whether
   * the hub refuses writes because its disk is full (docs/link.md, "Retention and disk full").
   */
  GetDatabaseStatus: grpc.handleUnaryCall<_loa_district_v1_GetDatabaseStatusRequest__Output, _loa_district_v1_GetDatabaseStatusResponse>;
  
  /**
   * One station's summary and its latest full status.
   */
  GetStation: grpc.handleUnaryCall<_loa_district_v1_GetStationRequest__Output, _loa_district_v1_GetStationResponse>;
  
  /**
   * Active alarms across stations.
   */
  ListAlarms: grpc.handleUnaryCall<_loa_district_v1_ListAlarmsRequest__Output, _loa_district_v1_ListAlarmsResponse>;
  
  /**
   * The audit trail: what operators asked of the hub (and what it refused), and every command
   * the stations ran or refused (their "command" events), oldest first.
   */
  ListAudit: grpc.handleUnaryCall<_loa_district_v1_ListAuditRequest__Output, _loa_district_v1_ListAuditResponse>;
  
  /**
   * Commands and their outcomes.
   */
  ListCommands: grpc.handleUnaryCall<_loa_district_v1_ListCommandsRequest__Output, _loa_district_v1_ListCommandsResponse>;
  
  /**
   * Event history across stations.
   */
  ListEvents: grpc.handleUnaryCall<_loa_district_v1_ListEventsRequest__Output, _loa_district_v1_ListEventsResponse>;
  
  /**
   * What went on air, across stations.
   */
  ListPlayLog: grpc.handleUnaryCall<_loa_district_v1_ListPlayLogRequest__Output, _loa_district_v1_ListPlayLogResponse>;
  
  /**
   * One line per station: online, on air, alarms, last contact.
   */
  ListStations: grpc.handleUnaryCall<_loa_district_v1_ListStationsRequest__Output, _loa_district_v1_ListStationsResponse>;
  
  /**
   * A new desired state (schedule + media manifest) for the selected stations.
   */
  PushSchedule: grpc.handleUnaryCall<_loa_district_v1_PushScheduleRequest__Output, _loa_district_v1_PushScheduleResponse>;
  
  /**
   * Revokes the certificates of a station or a person at this hub (admin; a stolen box): every
   * serial the hub has seen for that identity, or the one serial given. The hub refuses them
   * at the next handshake and drops their open connections at once (docs/security.md).
   */
  RevokeCertificate: grpc.handleUnaryCall<_loa_district_v1_RevokeCertificateRequest__Output, _loa_district_v1_RevokeCertificateResponse>;
  
  /**
   * A command (registry method + params) to one, several or all stations; delivered now to
   * the stations online, when they return to the others, unless it expires first.
   */
  SendCommand: grpc.handleUnaryCall<_loa_district_v1_SendCommandRequest__Output, _loa_district_v1_SendCommandResponse>;
  
  /**
   * Live voice to the chosen stations (docs/live.md): the first message names the stations and
   * the tier, the next ones carry the encoded audio; closing the stream ends the session. The hub
   * relays it over each station's session, records it and audits who spoke to which stations.
   */
  Speak: grpc.handleClientStreamingCall<_loa_district_v1_SpeakRequest__Output, _loa_district_v1_SpeakResponse>;
  
  /**
   * Stores a media file at the hub (streamed in chunks); returns its reference.
   */
  UploadMedia: grpc.handleClientStreamingCall<_loa_district_v1_UploadMediaRequest__Output, _loa_district_v1_UploadMediaResponse>;
  
  /**
   * Station summaries as they change, and events as they arrive.
   */
  WatchStations: grpc.handleServerStreamingCall<_loa_district_v1_WatchStationsRequest__Output, _loa_district_v1_WatchStationsResponse>;
  
}

export interface DistrictServiceDefinition extends grpc.ServiceDefinition {
  GetDatabaseStatus: MethodDefinition<_loa_district_v1_GetDatabaseStatusRequest, _loa_district_v1_GetDatabaseStatusResponse, _loa_district_v1_GetDatabaseStatusRequest__Output, _loa_district_v1_GetDatabaseStatusResponse__Output>
  GetStation: MethodDefinition<_loa_district_v1_GetStationRequest, _loa_district_v1_GetStationResponse, _loa_district_v1_GetStationRequest__Output, _loa_district_v1_GetStationResponse__Output>
  ListAlarms: MethodDefinition<_loa_district_v1_ListAlarmsRequest, _loa_district_v1_ListAlarmsResponse, _loa_district_v1_ListAlarmsRequest__Output, _loa_district_v1_ListAlarmsResponse__Output>
  ListAudit: MethodDefinition<_loa_district_v1_ListAuditRequest, _loa_district_v1_ListAuditResponse, _loa_district_v1_ListAuditRequest__Output, _loa_district_v1_ListAuditResponse__Output>
  ListCommands: MethodDefinition<_loa_district_v1_ListCommandsRequest, _loa_district_v1_ListCommandsResponse, _loa_district_v1_ListCommandsRequest__Output, _loa_district_v1_ListCommandsResponse__Output>
  ListEvents: MethodDefinition<_loa_district_v1_ListEventsRequest, _loa_district_v1_ListEventsResponse, _loa_district_v1_ListEventsRequest__Output, _loa_district_v1_ListEventsResponse__Output>
  ListPlayLog: MethodDefinition<_loa_district_v1_ListPlayLogRequest, _loa_district_v1_ListPlayLogResponse, _loa_district_v1_ListPlayLogRequest__Output, _loa_district_v1_ListPlayLogResponse__Output>
  ListStations: MethodDefinition<_loa_district_v1_ListStationsRequest, _loa_district_v1_ListStationsResponse, _loa_district_v1_ListStationsRequest__Output, _loa_district_v1_ListStationsResponse__Output>
  PushSchedule: MethodDefinition<_loa_district_v1_PushScheduleRequest, _loa_district_v1_PushScheduleResponse, _loa_district_v1_PushScheduleRequest__Output, _loa_district_v1_PushScheduleResponse__Output>
  RevokeCertificate: MethodDefinition<_loa_district_v1_RevokeCertificateRequest, _loa_district_v1_RevokeCertificateResponse, _loa_district_v1_RevokeCertificateRequest__Output, _loa_district_v1_RevokeCertificateResponse__Output>
  SendCommand: MethodDefinition<_loa_district_v1_SendCommandRequest, _loa_district_v1_SendCommandResponse, _loa_district_v1_SendCommandRequest__Output, _loa_district_v1_SendCommandResponse__Output>
  Speak: MethodDefinition<_loa_district_v1_SpeakRequest, _loa_district_v1_SpeakResponse, _loa_district_v1_SpeakRequest__Output, _loa_district_v1_SpeakResponse__Output>
  UploadMedia: MethodDefinition<_loa_district_v1_UploadMediaRequest, _loa_district_v1_UploadMediaResponse, _loa_district_v1_UploadMediaRequest__Output, _loa_district_v1_UploadMediaResponse__Output>
  WatchStations: MethodDefinition<_loa_district_v1_WatchStationsRequest, _loa_district_v1_WatchStationsResponse, _loa_district_v1_WatchStationsRequest__Output, _loa_district_v1_WatchStationsResponse__Output>
}
