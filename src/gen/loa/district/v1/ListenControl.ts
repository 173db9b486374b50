// Original file: proto/loa/district/v1/gateway.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Listen-in (docs/console.md): while someone listens in the console, the hub asks the station
 * for its on-air output. Renewed about every second with what the hub has received; a station
 * that hears nothing for lease_ms stops by itself, so a lost stop never leaves it encoding.
 */
export interface ListenControl {
  'listenId'?: (string);
  /**
   * false: start, or renew a running one; true: stop.
   */
  'stop'?: (boolean);
  /**
   * No renewal within this (ms): the station stops.
   */
  'leaseMs'?: (number);
  /**
   * Opus bit rate (kbit/s) for a start.
   */
  'bitrateKbps'?: (number);
  /**
   * Listen bytes the hub has received for listen_id: the station keeps at most a small window
   * unacknowledged and drops listen audio beyond it, so it never delays the session's traffic.
   */
  'receivedBytes'?: (number | string | Long);
}

/**
 * Listen-in (docs/console.md): while someone listens in the console, the hub asks the station
 * for its on-air output. Renewed about every second with what the hub has received; a station
 * that hears nothing for lease_ms stops by itself, so a lost stop never leaves it encoding.
 */
export interface ListenControl__Output {
  'listenId': (string);
  /**
   * false: start, or renew a running one; true: stop.
   */
  'stop': (boolean);
  /**
   * No renewal within this (ms): the station stops.
   */
  'leaseMs': (number);
  /**
   * Opus bit rate (kbit/s) for a start.
   */
  'bitrateKbps': (number);
  /**
   * Listen bytes the hub has received for listen_id: the station keeps at most a small window
   * unacknowledged and drops listen audio beyond it, so it never delays the session's traffic.
   */
  'receivedBytes': (number);
}
