/** The station's TCP API (LOA_API_LISTEN with TLS) logs refused handshakes like the hub does. */
import { SystemClock } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import type { GrpcServer } from '../grpc/server.js';
import { hookTls } from '../grpc/tls-connections.js';
import { HandshakeLog } from '../security/handshake-log.js';

// the wall clock: this only paces log lines, it decides nothing
export function logRefusedHandshakes(s: GrpcServer, log: Logger): void {
  const handshakes = new HandshakeLog(new SystemClock(), log);
  hookTls(s.server, {
    secure: () => undefined,
    refused: (e, socket) => handshakes.refused(e, socket.remoteAddress),
  });
}
