/**
 * GET /api/stations/ID/listen: what the station puts on air, as a streaming WebM/Opus response
 * the page feeds to an <audio> element through Media Source Extensions (docs/console.md, "Listen in"). Any console role may listen (the
 * `Listen` RPC of the role table is viewer: hearing the output is a read, like its status);
 * the guard checks the session and the station id, and every listen is audited, start
 * (ListenStart) and end (ListenEnd: how long, how many bytes, why it ended). Closing the page
 * or pressing Stop closes the request: the listener leaves, and with the last one the station
 * stops encoding. An offline station is refused with 503 "offline since …".
 */
import { LoaError, toLoaError } from '../../core/errors.js';
import type { Caller } from '../../security/identity.js';
import { guardAs } from '../operator/guard.js';
import { type ConsoleCtx, consoleCaller } from './ctx.js';
import type { Exchange, Route } from './http.js';
import type { Listener, ListenRelay } from './listen-relay.js';

/** The session is checked again this often (logout elsewhere, disabled user, timeouts end it). */
const RECHECK_MS = 15_000;

export function listenRoutes(c: ConsoleCtx, relay: ListenRelay): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/stations\/([^/]+)\/listen$/,
      access: 'session',
      handle: (x) => listen(c, relay, x),
    },
  ];
}

function listen(c: ConsoleCtx, relay: ListenRelay, x: Exchange): void {
  const d = c.deps;
  const stationId = x.params[0] ?? '';
  const caller = guardAs(d, 'Listen', () => consoleCaller(x), { stationId });
  const row = d.stores.stations.get(stationId);
  if (!row) throw refused(c, caller, stationId, new LoaError('NOT_FOUND', `no station "${stationId}"`));
  const t0 = c.clock.now();
  let bytes = 0;
  let ended = 'listener left';
  // join() hands a later listener the cached header at once, before the answer's head is out
  let early: Buffer[] | undefined = [];
  const listener: Listener = {
    write: (b) => {
      bytes += b.length;
      if (early) early.push(b);
      else x.res.write(b);
    },
    backlog: () => x.res.writableLength,
    end: (reason) => {
      ended = reason;
      x.res.end();
    },
  };
  let leave: () => void;
  try {
    leave = relay.join(stationId, listener);
  } catch (e) {
    const since = row.last_contact ? new Date(row.last_contact).toISOString() : 'never';
    const err = toLoaError(e);
    throw refused(c, caller, stationId, err.details.offline ? offline(stationId, since) : err);
  }
  // a write racing the page's departure must not become an unhandled error
  x.res.on('error', () => undefined);
  x.res.writeHead(200, {
    'content-type': 'audio/webm; codecs=opus',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  for (const b of early) x.res.write(b);
  early = undefined;
  d.stores.audit.add(caller, 'ListenStart', {}, [stationId]);
  const recheck = c.clock.setInterval(() => {
    try {
      c.auth.resolve(x.req, false);
    } catch {
      ended = 'console session ended';
      x.res.end();
    }
  }, RECHECK_MS);
  x.res.on('close', () => {
    recheck.cancel();
    leave();
    const durationMs = c.clock.now() - t0;
    d.stores.audit.add(caller, 'ListenEnd', { durationMs, bytes, ended }, [stationId]);
  });
}

function offline(stationId: string, since: string): LoaError {
  return new LoaError('UNAVAILABLE', `station ${stationId} is offline (since ${since})`, {
    offlineSince: since,
  });
}

function refused(c: ConsoleCtx, caller: Caller, stationId: string, e: LoaError): LoaError {
  c.deps.stores.audit.add(caller, 'ListenStart', {}, [stationId], e);
  return e;
}
