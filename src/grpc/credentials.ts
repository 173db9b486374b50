/**
 * Transport security, built in one place for every server and client. Plain text is for
 * loopback and the station's unix socket; mutual TLS with roles comes with the security
 * work (issue 8), which replaces these two functions' bodies and the LinkSecurity shape.
 */
import * as grpc from '@grpc/grpc-js';

export interface LinkSecurity {
  kind: 'insecure';
}

export const INSECURE: LinkSecurity = { kind: 'insecure' };

export function serverCredentials(_s: LinkSecurity = INSECURE): grpc.ServerCredentials {
  return grpc.ServerCredentials.createInsecure();
}

export function channelCredentials(_s: LinkSecurity = INSECURE): grpc.ChannelCredentials {
  return grpc.credentials.createInsecure();
}
