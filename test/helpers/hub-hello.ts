/** A station's session hello as the hub's stores take it (HelloInfo), for store-level tests. */
import type { HelloInfo } from '../../src/district/stations.js';

export function stationHello(over: Partial<HelloInfo> = {}): HelloInfo {
  return {
    stationId: 'xa-a',
    bootId: 'b1',
    softwareVersion: '0.1.0',
    appliedDesiredVersion: 0,
    firstUnackedSeq: 1,
    lastSeq: 0,
    outboxEpoch: 'e1',
    ...over,
  };
}
