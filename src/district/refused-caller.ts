/**
 * Who to write in the audit trail for a request refused before it had a caller (the
 * certificate is a station's, carries no role, or is revoked): the certificate's own identity
 * ("station xa-1", role "station"), not "unknown/viewer" — the trail must say which
 * certificate knocked (issue 13, item 6).
 */
import { type AuthCall, peerIdentity } from '../security/callers.js';

export interface AuditCaller {
  who: string;
  role: string;
  via: string;
}

export function refusedCaller(call: AuthCall, via: string): AuditCaller {
  try {
    const id = peerIdentity(call);
    if (id.station) return { who: `station ${id.station}`, role: 'station', via };
    return { who: id.user ?? (id.cn || `serial ${id.serial}`), role: id.role ?? 'none', via };
  } catch {
    return { who: 'unknown', role: 'none', via };
  }
}
