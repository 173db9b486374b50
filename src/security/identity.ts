/**
 * Who is calling. With TLS the identity is in the peer certificate the handshake verified
 * against the district CA: SAN URI loa:station:ID for a station, loa:role:ROLE (and
 * loa:user:NAME) for a person (deploy/pki/). On the station's unix sockets the kernel decides
 * who may connect to which socket (file permissions), so the socket gives the role; the user
 * name the client sends along is recorded in the audit trail but proves nothing (Node cannot
 * read SO_PEERCRED without a native addon; docs/security.md).
 */
import type { PeerCertificate } from 'node:tls';
import { normalSerial } from './crl.js';
import { isRole, type Role } from './roles.js';

export interface Caller {
  /** Certificate name ("an"), "station xa-1", or the local user as claimed ("uid 1000 (an)"). */
  who: string;
  role: Role;
  /** How the call arrived: "tls", "unix:admin", "district", "lab" (plain text), "internal". */
  via: string;
}

export interface CertIdentity {
  cn: string;
  station: string | undefined;
  role: Role | undefined;
  user: string | undefined;
  serial: string;
}

function first(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** The URIs of a subjectaltname string ("URI:loa:role:admin, DNS:x"). */
export function sanUris(subjectaltname: string | undefined): string[] {
  return (subjectaltname ?? '')
    .split(/,\s*/)
    .filter((s) => s.startsWith('URI:'))
    .map((s) => s.slice(4));
}

export function identityOf(
  cert: Pick<PeerCertificate, 'subject' | 'subjectaltname' | 'serialNumber'>,
): CertIdentity {
  const uris = sanUris(cert.subjectaltname);
  const pick = (prefix: string) => uris.find((u) => u.startsWith(prefix))?.slice(prefix.length);
  const role = pick('loa:role:');
  return {
    cn: first(cert.subject?.CN),
    station: pick('loa:station:'),
    role: isRole(role) ? role : undefined,
    user: pick('loa:user:'),
    // one spelling everywhere (upper case, no leading zeros: crl.ts): Node writes a serial whose
    // first byte is below 0x10 with a leading 0, the CRL and `revoke` without — an open
    // connection of such a certificate was not found to drop when it was revoked
    serial: cert.serialNumber ? normalSerial(cert.serialNumber) : '',
  };
}

export const INTERNAL: Caller = { who: 'station', role: 'admin', via: 'internal' };
