/** DistrictService WatchStations: every station's summary now, then each change and new event. */
import type * as grpc from '@grpc/grpc-js';
import type { WatchStationsRequest__Output } from '../../gen/loa/district/v1/WatchStationsRequest.js';
import { failStream } from '../../wire/status.js';
import type { StoredEvent } from '../stations.js';
import { guard, type OperatorDeps, type Req } from './guard.js';
import { districtEvent } from './queries.js';

export function watch(d: OperatorDeps) {
  return (call: grpc.ServerWritableStream<WatchStationsRequest__Output, unknown>) => {
    try {
      guard(d, 'WatchStations', call as never, call.request as unknown as Req);
    } catch (e) {
      failStream(call, e);
      return;
    }
    const only = new Set(call.request.stationIds);
    const wanted = (id: string) => only.size === 0 || only.has(id);
    const onStation = (id: string) => {
      const row = d.stores.stations.get(id);
      if (row && wanted(id)) call.write({ station: d.sessions.summary(row) });
    };
    const onEvent = (e: StoredEvent) => {
      if (wanted(e.stationId)) call.write({ event: districtEvent(e) });
    };
    for (const row of d.stores.stations.list()) onStation(row.id);
    d.sessions.on('station', onStation);
    d.sessions.on('event', onEvent);
    const stop = () => {
      d.sessions.off('station', onStation);
      d.sessions.off('event', onEvent);
    };
    call.on('cancelled', stop);
    call.on('close', stop);
  };
}
