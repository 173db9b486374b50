/**
 * DistrictService WatchStations: every station's summary now, then each change and new event,
 * from the hub's coalesced change feed (change-feed.ts): a summary is computed once for all
 * watchers and an event converted once. A watcher that does not keep up (its stream's buffer
 * full) gets each station's latest summary once it drains, not every one in between.
 */
import type * as grpc from '@grpc/grpc-js';
import type { StationSummary } from '../../gen/loa/district/v1/StationSummary.js';
import type { WatchStationsRequest__Output } from '../../gen/loa/district/v1/WatchStationsRequest.js';
import { failStream } from '../../wire/status.js';
import type { FeedBatch } from '../change-feed.js';
import type { StoredEvent } from '../stations.js';
import { guard, type OperatorDeps, type Req } from './guard.js';
import { districtEvent } from './queries.js';

type Call = grpc.ServerWritableStream<WatchStationsRequest__Output, unknown>;

/** Writes summaries, keeping only the latest of each station while the stream is congested. */
function summaryWriter(call: Call) {
  let pending: Map<string, StationSummary> | undefined;
  const write = (s: StationSummary): void => {
    if (pending) pending.set(String(s.stationId), s);
    else if (!call.write({ station: s })) {
      pending = new Map();
      call.once('drain', drain);
    }
  };
  const drain = () => {
    const held = pending ?? new Map();
    pending = undefined;
    for (const s of held.values()) write(s);
  };
  return write;
}

export function watch(d: OperatorDeps) {
  const wire = new WeakMap<StoredEvent, ReturnType<typeof districtEvent>>();
  const converted = (e: StoredEvent) => {
    const known = wire.get(e);
    if (known) return known;
    const w = districtEvent(e);
    wire.set(e, w);
    return w;
  };
  return (call: Call) => {
    try {
      guard(d, 'WatchStations', call as never, call.request as unknown as Req);
    } catch (e) {
      failStream(call, e);
      return;
    }
    const only = new Set(call.request.stationIds);
    const wanted = (id: string) => only.size === 0 || only.has(id);
    const writeSummary = summaryWriter(call);
    const all = only.size === 0 ? d.sessions.all() : d.sessions.summaries([...only].sort());
    for (const s of all) writeSummary(s);
    const stop = d.sessions.feed.subscribe((b: FeedBatch) => {
      for (const s of b.stations) if (wanted(String(s.stationId))) writeSummary(s);
      for (const e of b.events) if (wanted(e.stationId)) call.write({ event: converted(e) });
    });
    call.on('cancelled', stop);
    call.on('close', stop);
  };
}
