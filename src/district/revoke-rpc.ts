/**
 * RevokeCertificate (admin; `districtctl station revoke ID`, `districtctl operator revoke NAME`)
 * and the per-call check behind it: a revoked certificate is refused on every RPC and session
 * too, not only at the handshake (tls-guard.ts), so revocation holds even for a connection
 * opened a moment before the revocation reached the socket list.
 */
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Caller, CertIdentity } from '../security/identity.js';
import { identityKey, type Revocations } from './revocation.js';

/** What RevokeCertificate works with (the hub provides it to the operator service). */
export interface RevokeDeps {
  revoke(
    identity: string,
    serial: string | undefined,
    by: string,
    reason: string,
  ): { serials: string[]; dropped: number; at: number };
  sessions: { get(id: string): { end(reason: string): void } | undefined };
  log: Logger;
}

type Req = Record<string, unknown>;

/** PERMISSION_DENIED when this certificate's serial is revoked (by the hub or the CRL). */
export function refuseRevoked(hub: { revocations: Revocations }, id: CertIdentity): void {
  const r = hub.revocations.check(id.serial);
  if (!r) return;
  const by = r.source === 'crl' ? "the CA's revocation list" : `${r.by} (${r.reason || 'no reason given'})`;
  throw new LoaError(
    'PERMISSION_DENIED',
    `certificate ${identityKey(id)} serial ${id.serial} is revoked by ${by}; a new certificate is needed (deploy/pki/)`,
  );
}

export function revokeCertificate(hub: RevokeDeps, req: Req, caller: Caller) {
  const station = String(req.stationId ?? '');
  const user = String(req.user ?? '');
  if (!station === !user)
    throw new LoaError('INVALID_ARGUMENT', 'RevokeCertificate: give exactly one of station_id and user');
  const identity = station ? `station:${station}` : `user:${user}`;
  const serial = String(req.serial ?? '') || undefined;
  const reason = String(req.reason ?? '') || 'keyCompromise';
  const r = hub.revoke(identity, serial, caller.who, reason);
  if (station) hub.sessions.get(station)?.end(`certificate revoked by ${caller.who}`);
  hub.log.warn('certificates revoked', { identity, serials: r.serials, dropped: r.dropped, by: caller.who });
  return { identity, serials: r.serials, connectionsDropped: r.dropped, revokedAtMs: r.at };
}
