/**
 * The station's `status` as the technician API carries it (loa.station.v1 StationStatus,
 * api/station-routes.ts): what station/control.ts builds and stationctl, doctor and the
 * metrics read.
 */
import type { ActiveAlarm } from '../core/events.js';
import type { DriverHealth } from '../hal/types.js';
import type { ChainState } from '../power/chain.js';
import type { TxReadings, TxState } from '../power/transmitter.js';

export interface ZoneStatus {
  id: number;
  name: string;
  commanded: boolean;
  relay: boolean;
  feedback: boolean | undefined;
}

export interface StationStatus {
  stationId: string;
  profile: string;
  uptimeS: number;
  power: { state: ChainState; commandedOn: boolean; blockedBy: string | undefined };
  /** Absent on a profile without a transmitter (a 4G cluster): no row, rather than "off". */
  transmitter?: ({ state: TxState; trips: number } & TxReadings) | undefined;
  amplifier: {
    on: boolean;
    muted: boolean;
    feedback: boolean | undefined;
    currentA: number | undefined;
    /** Heatsink temperature, when the profile has the sensor; overTemp: held off until it cools. */
    temperatureC?: number | undefined;
    overTemp?: boolean;
  };
  mainsPresent: boolean;
  zones: ZoneStatus[];
  /** The station's zone (config.json): every human view shows its local time. */
  timezone: string;
  /** `sinceTime`: ISO 8601 with the station's UTC offset. */
  alarms: Array<ActiveAlarm & { sinceTime: string }>;
  drivers: DriverHealth[];
  events: { lastSeq: number; retained: number; dropped: number };
  sim: { faults: string[] } | undefined;
  /** One section per station module (audio, schedule, lines, uplink, …), under its name. */
  modules: Record<string, unknown>;
}
