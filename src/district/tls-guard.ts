/**
 * The hub's side of every TLS connection (grpc/tls-connections.ts): a revoked certificate is
 * closed right after its handshake, before any RPC (reflection and health included); the
 * serial of every other certificate is recorded (what `revoke` finds by identity) with its
 * open connections, so a revocation closes them at once. Refused handshakes are logged, at
 * most one line per LOG_EVERY_MS with the count (a stolen box retries every few seconds; a
 * scanner thousands of times), and refusals of revoked certificates are audited once per
 * serial per LOG_EVERY_MS.
 */
import type { TLSSocket } from 'node:tls';
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { HandshakeLog } from '../security/handshake-log.js';
import { type CertIdentity, identityOf } from '../security/identity.js';
import { identityKey, type Revocations } from './revocation.js';
import type { SecurityCounters } from './security-counters.js';
import type { AuditStoreLike } from './stores.js';
import type { WriteGroup } from './write-group.js';

const LOG_EVERY_MS = 10_000;

export interface TlsGuardDeps {
  clock: Clock;
  log: Logger;
  audit: AuditStoreLike;
  revocations: Revocations;
  refusals: SecurityCounters;
  /** The serial seen is recorded in the next group commit, not in a transaction per handshake. */
  writes: WriteGroup;
}

export class TlsGuard {
  private readonly open = new Map<string, Set<TLSSocket>>();
  private readonly handshakes: HandshakeLog;
  private readonly audited = new Map<string, number>();

  constructor(private readonly d: TlsGuardDeps) {
    this.handshakes = new HandshakeLog(d.clock, d.log, LOG_EVERY_MS);
  }

  secure(socket: TLSSocket): void {
    const cert = socket.getPeerCertificate();
    if (!cert?.serialNumber) return;
    const id = identityOf(cert);
    const revoked = this.d.revocations.check(id.serial);
    if (revoked) {
      this.refuseRevoked(id, socket);
      return;
    }
    this.d.writes.add(() => this.d.revocations.seen(id));
    const set = this.open.get(id.serial) ?? new Set<TLSSocket>();
    set.add(socket);
    this.open.set(id.serial, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.open.get(id.serial) === set) this.open.delete(id.serial);
    });
  }

  refused(error: Error, socket: TLSSocket): void {
    this.d.refusals.count('tls_handshake');
    this.handshakes.refused(error, socket.remoteAddress);
  }

  /** Closes every open connection of these serials; returns how many. */
  drop(serials: string[]): number {
    let n = 0;
    for (const s of serials)
      for (const socket of this.open.get(s) ?? []) {
        socket.destroy();
        n++;
      }
    return n;
  }

  private refuseRevoked(id: CertIdentity, socket: TLSSocket): void {
    socket.destroy();
    this.d.refusals.count('revoked_certificate');
    const now = this.d.clock.now();
    if (now - (this.audited.get(id.serial) ?? -Infinity) < LOG_EVERY_MS) return;
    this.audited.set(id.serial, now);
    if (this.audited.size > 10_000) this.audited.clear();
    const who = id.station ? `station ${id.station}` : (id.user ?? id.cn);
    const err = new LoaError(
      'PERMISSION_DENIED',
      `certificate ${identityKey(id)} serial ${id.serial} is revoked; connection closed after the handshake`,
    );
    this.d.log.warn('revoked certificate refused', { identity: identityKey(id), serial: id.serial });
    this.d.audit.add(
      { who, role: id.station ? 'station' : (id.role ?? 'none'), via: 'tls' },
      'Handshake',
      { serial: id.serial, remote: socket.remoteAddress ?? '' },
      id.station ? [id.station] : [],
      err,
    );
  }
}
