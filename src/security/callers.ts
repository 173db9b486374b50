/**
 * A gRPC call's caller, by how it arrived: a unix socket (the socket's role; the user name the
 * client sends in "loa-user" is recorded, not trusted), mutual TLS (the verified certificate),
 * or a lab's plain-text port (admin, and loudly announced at start).
 */
import type { PeerCertificate } from 'node:tls';
import type * as grpc from '@grpc/grpc-js';
import { LoaError } from '../core/errors.js';
import type { LinkSecurity } from './credentials.js';
import { type Caller, type CertIdentity, identityOf } from './identity.js';
import type { Role } from './roles.js';

export const USER_KEY = 'loa-user';

/** What we read from a server call of any kind (unary or stream). */
export interface AuthCall {
  getAuthContext(): { sslPeerCertificate?: PeerCertificate } | null;
  metadata?: grpc.Metadata;
}

export type CallerOf = (call: AuthCall) => Caller;

function claimedUser(md: grpc.Metadata | undefined): string {
  const v = md?.get(USER_KEY)[0];
  const s = typeof v === 'string' ? v.replace(/[^\w .()@-]/g, '?').slice(0, 64) : '';
  return s || 'local user';
}

export function unixCaller(role: Role): CallerOf {
  return (call) => ({ who: claimedUser(call.metadata), role, via: `unix:${role}` });
}

/** The verified peer certificate's identity, or PERMISSION_DENIED. */
export function peerIdentity(call: AuthCall): CertIdentity {
  const cert = call.getAuthContext()?.sslPeerCertificate;
  if (!cert) throw new LoaError('PERMISSION_DENIED', 'no verified client certificate on this connection');
  return identityOf(cert);
}

/** A person's certificate: its role URI is required; station certificates have none. */
export function tlsCaller(call: AuthCall, known?: CertIdentity): Caller {
  const id = known ?? peerIdentity(call);
  if (id.station)
    throw new LoaError(
      'PERMISSION_DENIED',
      `station certificate ${id.station} cannot call this API (a person's certificate is needed)`,
    );
  if (!id.role)
    throw new LoaError(
      'PERMISSION_DENIED',
      `certificate "${id.cn}" carries no role (SAN URI loa:role:viewer|operator|admin; deploy/pki/operator.sh)`,
    );
  return { who: id.user ?? id.cn, role: id.role, via: 'tls' };
}

export const LAB_CALLER: Caller = { who: 'lab (no TLS)', role: 'admin', via: 'lab' };

export function networkCaller(security: LinkSecurity): CallerOf {
  return security.kind === 'tls' ? tlsCaller : () => LAB_CALLER;
}
