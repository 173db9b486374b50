/**
 * Transport security, built in one place for every server and client (docs/security.md):
 * mutual TLS from a TlsMaterial (security/tls.ts: the district CA, this daemon's certificate
 * and key, reloaded without a restart), or plain text, which the daemons accept only on the
 * station's unix sockets or when a lab says so explicitly (LOA_INSECURE_LAB=1, see
 * security/config.ts).
 */
import * as grpc from '@grpc/grpc-js';
import type { TlsMaterial } from './tls.js';

export type LinkSecurity = { kind: 'insecure' } | { kind: 'tls'; material: TlsMaterial };

export const INSECURE: LinkSecurity = { kind: 'insecure' };

/** Servers with TLS require a client certificate signed by the same CA. */
export function serverCredentials(s: LinkSecurity = INSECURE): grpc.ServerCredentials {
  if (s.kind === 'insecure') return grpc.ServerCredentials.createInsecure();
  return grpc.experimental.createCertificateProviderServerCredentials(s.material, s.material, true);
}

/** Clients with TLS check the server's certificate (CA and the name dialled) and present their own. */
export function channelCredentials(s: LinkSecurity = INSECURE): grpc.ChannelCredentials {
  if (s.kind === 'insecure') return grpc.credentials.createInsecure();
  return grpc.experimental.createCertificateProviderChannelCredentials(s.material, s.material);
}
