/**
 * GET /api/speak (WebSocket): an operator speaks from the console's browser to chosen stations
 * (issue 21, docs/live.md). The server has checked the session cookie and the Origin before
 * this runs; here the caller passes the Speak RPC's guard (`guardAs`: role operator, rate
 * limit, a refusal audited) before the handshake, so a viewer's forged upgrade gets a 403 and
 * an audit line. Then:
 *   1. the first message (text, JSON) carries the CSRF token and names the stations, the tier
 *      and the zones: `{type: "start", csrf, stationIds, tier, zones?}`;
 *   2. each binary message is a MediaRecorder chunk (WebM/Opus), relayed as it is. Nothing goes
 *      to a station before the first chunk has proved to be WebM (the EBML magic): only then
 *      does `LiveSessions.start` (its schemas and its audit, as for the Speak RPC) tell the
 *      stations to power up;
 *   3. `{type: "stop"}`, the socket closing, or the page going away ends the session.
 * The server answers with JSON text: `started` (the session, the stations not reached),
 * `station` (each station's phase, from what it reports: speak-progress.ts), `ended`
 * (the reason, bytes, duration) and `error` (code and message) before it closes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Caller } from '../../security/identity.js';
import type { LiveSessions } from '../live/live-sessions.js';
import { guardAs } from '../operator/guard.js';
import type { ConsoleUser } from './auth.js';
import type { ConsoleCtx } from './ctx.js';
import type { UpgradeRoute } from './http.js';
import { SpeakChannel } from './speak-channel.js';

/** ws's own ceiling (it closes with 1009 beyond it); the channel's clearer limit is lower. */
const WS_MAX_PAYLOAD = 1024 * 1024;

export function speakRoute(c: ConsoleCtx, live: LiveSessions): UpgradeRoute {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, perMessageDeflate: false });
  return {
    path: '/api/speak',
    handle(req: IncomingMessage, socket: Duplex, head: Buffer, user: ConsoleUser) {
      const address = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
      const who: Caller = { who: user.name, role: user.role, via: `console ${address}` };
      // the one authorisation path: the Speak RPC's role, rate limit and audited refusal
      const caller = guardAs(c.deps, 'Speak', () => who, { stationIds: [] });
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        new SpeakChannel(ws, { ctx: c, live, caller, user, req }).open();
      });
    },
    close() {
      // each channel's close handler ends its live session ('disconnected')
      for (const ws of wss.clients) ws.terminate();
    },
  };
}
