/**
 * The TLS connections under a grpc-js server, for what grpc-js does not expose: the peer
 * certificate of every completed handshake (the hub refuses revoked certificates there and can
 * close a revoked certificate's open connections) and every refused handshake (logged).
 * grpc-js keeps its Http2SecureServers in a private `http2Servers` map (1.14, pinned in
 * package.json); hookTls reports how many it found, so a grpc-js that moved them shows up as 0
 * (the hub then logs that revocation is checked per call only) and in test/security.
 */
import type { TLSSocket } from 'node:tls';
import type * as grpc from '@grpc/grpc-js';

export interface TlsHooks {
  /** A client completed the handshake (its certificate verified against the CA). */
  secure(socket: TLSSocket): void;
  /** A handshake failed: no certificate, another CA, expired, not TLS at all. */
  refused(error: Error, socket: TLSSocket): void;
}

type Secure = {
  on(e: 'secureConnection', l: (s: TLSSocket) => void): void;
  on(e: 'tlsClientError', l: (e: Error, s: TLSSocket) => void): void;
};

export function hookTls(server: grpc.Server, hooks: TlsHooks): number {
  const servers = (server as unknown as { http2Servers?: Map<unknown, unknown> }).http2Servers;
  let n = 0;
  for (const s of servers?.keys() ?? []) {
    const secure = s as Secure & { constructor?: { name?: string } };
    if (typeof (s as { setSecureContext?: unknown }).setSecureContext !== 'function') continue;
    secure.on('secureConnection', (socket) => hooks.secure(socket));
    secure.on('tlsClientError', (e, socket) => hooks.refused(e, socket));
    n++;
  }
  return n;
}
