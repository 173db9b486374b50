// Original file: proto/loa/station/v1/station.proto

import type { Event as _loa_station_v1_Event, Event__Output as _loa_station_v1_Event__Output } from '../../../loa/station/v1/Event.js';

export interface ListEventsResponse {
  'events'?: (_loa_station_v1_Event)[];
}

export interface ListEventsResponse__Output {
  'events': (_loa_station_v1_Event__Output)[];
}
