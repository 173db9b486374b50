/** The operator API's answer encoders, built at the hub's start (warmCodecs). */
import type { ServiceDefinition } from '@grpc/grpc-js';
import { toStruct } from '../wire/struct.js';

/**
 * protobufjs generates a message type's encoder the first time one is sent (about 6 ms for
 * these three on the build machine): done at start, not in an operator's first calls. The
 * rest of a fresh hub's slow first answers is V8 compiling the call path, which no warm-up
 * here replaces (bench group `hub` notes the first calls apart).
 */
export function warmCodecs(service: ServiceDefinition): void {
  const summary = { stationId: 'warm-up', alarms: ['a'], link: { rsrpDbm: -90 } };
  const status = toStruct({ a: { b: 1, c: 'x', d: [true, null] } });
  const samples: Record<string, unknown> = {
    GetStation: { summary, status, desired: { version: 1, schedule: status, report: status, media: [] } },
    ListStations: { stations: [summary], nextPageToken: '' },
    WatchStations: { station: summary },
  };
  for (const [rpc, sample] of Object.entries(samples)) service[rpc]?.responseSerialize(sample);
}
