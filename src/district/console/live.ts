/**
 * GET /api/live: server-sent events from the hub's watch fan-out (Sessions' coalesced change
 * feed), the feed WatchStations gives gRPC clients, behind the same guard. A station's
 * change is written within the feed's 50 ms of reaching the hub. The session is checked again with each
 * 15 s heartbeat (which does not count as activity), so a logout elsewhere, a disabled user or
 * the idle timeout closes the feed.
 */

import type { FeedBatch } from '../change-feed.js';
import { guardAs } from '../operator/guard.js';
import { districtEvent } from '../operator/queries.js';
import type { StoredEvent } from '../stations.js';
import { type ConsoleCtx, consoleCaller } from './ctx.js';
import type { Route } from './http.js';
import { plainStruct } from './plain.js';
import { card } from './view.js';

const HEARTBEAT_MS = 15_000;

export function liveRoutes(c: ConsoleCtx): Route[] {
  const d = c.deps;
  return [
    {
      method: 'GET',
      path: '/api/live',
      access: 'session',
      handle: (x) => {
        guardAs(d, 'WatchStations', () => consoleCaller(x), { stationIds: [] });
        x.res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
        });
        const send = (type: string, data: unknown) =>
          x.res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
        const onStation = (id: string) => {
          const view = card(d.stores, d.sessions, c.places, id);
          if (view) send('station', view);
        };
        const onEvent = (e: StoredEvent) => {
          const ev = districtEvent(e);
          send('event', { ...ev, event: { ...ev.event, details: plainStruct(ev.event.details) } });
        };
        // the hub's coalesced change feed (change-feed.ts, 50 ms), the one WatchStations reads
        const unsubscribe = d.sessions.feed.subscribe((b: FeedBatch) => {
          for (const sum of b.stations) onStation(String(sum.stationId));
          for (const e of b.events) onEvent(e);
        });
        const beat = c.clock.setInterval(() => {
          try {
            c.auth.resolve(x.req, false);
            x.res.write(': heartbeat\n\n');
          } catch {
            x.res.end();
          }
        }, HEARTBEAT_MS);
        const stop = () => {
          beat.cancel();
          unsubscribe();
        };
        x.res.on('close', stop);
        send('hello', { now: c.clock.now() });
      },
    },
  ];
}
