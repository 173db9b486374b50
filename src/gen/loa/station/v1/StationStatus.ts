// Original file: proto/loa/station/v1/station.proto

import type { PowerStatus as _loa_station_v1_PowerStatus, PowerStatus__Output as _loa_station_v1_PowerStatus__Output } from '../../../loa/station/v1/PowerStatus.js';
import type { TransmitterStatus as _loa_station_v1_TransmitterStatus, TransmitterStatus__Output as _loa_station_v1_TransmitterStatus__Output } from '../../../loa/station/v1/TransmitterStatus.js';
import type { AmplifierStatus as _loa_station_v1_AmplifierStatus, AmplifierStatus__Output as _loa_station_v1_AmplifierStatus__Output } from '../../../loa/station/v1/AmplifierStatus.js';
import type { ZoneStatus as _loa_station_v1_ZoneStatus, ZoneStatus__Output as _loa_station_v1_ZoneStatus__Output } from '../../../loa/station/v1/ZoneStatus.js';
import type { Alarm as _loa_station_v1_Alarm, Alarm__Output as _loa_station_v1_Alarm__Output } from '../../../loa/station/v1/Alarm.js';
import type { DriverHealth as _loa_station_v1_DriverHealth, DriverHealth__Output as _loa_station_v1_DriverHealth__Output } from '../../../loa/station/v1/DriverHealth.js';
import type { EventCounters as _loa_station_v1_EventCounters, EventCounters__Output as _loa_station_v1_EventCounters__Output } from '../../../loa/station/v1/EventCounters.js';
import type { SimStatus as _loa_station_v1_SimStatus, SimStatus__Output as _loa_station_v1_SimStatus__Output } from '../../../loa/station/v1/SimStatus.js';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct.js';
import type { Long } from '@grpc/proto-loader';

export interface StationStatus {
  'stationId'?: (string);
  'profile'?: (string);
  'uptimeS'?: (number | string | Long);
  'power'?: (_loa_station_v1_PowerStatus | null);
  'transmitter'?: (_loa_station_v1_TransmitterStatus | null);
  'amplifier'?: (_loa_station_v1_AmplifierStatus | null);
  'mainsPresent'?: (boolean);
  'zones'?: (_loa_station_v1_ZoneStatus)[];
  'alarms'?: (_loa_station_v1_Alarm)[];
  'drivers'?: (_loa_station_v1_DriverHealth)[];
  'events'?: (_loa_station_v1_EventCounters | null);
  /**
   * Present on simulator profiles only.
   */
  'sim'?: (_loa_station_v1_SimStatus | null);
  /**
   * One section per station module (audio, schedule, lines, uplink, ...), under its name.
   */
  'modules'?: (_google_protobuf_Struct | null);
  /**
   * The station's IANA time zone (config.json): people read every time in it.
   */
  'timezone'?: (string);
}

export interface StationStatus__Output {
  'stationId': (string);
  'profile': (string);
  'uptimeS': (number);
  'power': (_loa_station_v1_PowerStatus__Output | null);
  'transmitter': (_loa_station_v1_TransmitterStatus__Output | null);
  'amplifier': (_loa_station_v1_AmplifierStatus__Output | null);
  'mainsPresent': (boolean);
  'zones': (_loa_station_v1_ZoneStatus__Output)[];
  'alarms': (_loa_station_v1_Alarm__Output)[];
  'drivers': (_loa_station_v1_DriverHealth__Output)[];
  'events': (_loa_station_v1_EventCounters__Output | null);
  /**
   * Present on simulator profiles only.
   */
  'sim': (_loa_station_v1_SimStatus__Output | null);
  /**
   * One section per station module (audio, schedule, lines, uplink, ...), under its name.
   */
  'modules': (_google_protobuf_Struct__Output | null);
  /**
   * The station's IANA time zone (config.json): people read every time in it.
   */
  'timezone': (string);
}
