/**
 * Revoked certificates at the hub (a stolen station box, a person who left), without
 * re-keying the district: the serials `districtctl station|operator revoke` named (kept in
 * SQLite), plus the serials of the CA's revocation list (LOA_TLS_CRL, deploy/pki/revoke.sh),
 * reloaded when the file changes. The hub records the serial of every certificate that
 * completes a handshake, so "revoke station xa-1" revokes exactly the certificates xa-1 has
 * used — and a replacement box with a new certificate for the same id (a new serial) links.
 * Revocation works on serials, never on clocks: a CA machine whose clock is off cannot lock
 * out the replacement.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Clock } from '../core/clock.js';
import { isENOENT, LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { normalSerial, readCrl } from '../security/crl.js';
import type { CertIdentity } from '../security/identity.js';
import type { SqlDb } from './sql.js';
import { isDiskFull } from './storage-guard.js';

export interface Revoked {
  serial: string;
  identity: string;
  at: number;
  by: string;
  reason: string;
  source: 'hub' | 'crl';
}

export interface RevocationOptions {
  /** The CA's CRL file (PEM or DER); checked against `caPath`. */
  crlPath?: string | undefined;
  caPath?: string | undefined;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS revoked (
  serial TEXT PRIMARY KEY, identity TEXT NOT NULL, at INTEGER NOT NULL, "by" TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cert_seen (
  identity TEXT NOT NULL, serial TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
  PRIMARY KEY (identity, serial)
);`;

/** "station:xa-1" or "user:an": how revocation names whom a certificate belongs to. */
export function identityKey(id: Pick<CertIdentity, 'station' | 'user' | 'cn'>): string {
  return id.station ? `station:${id.station}` : `user:${id.user ?? id.cn}`;
}

export class Revocations {
  private readonly q;
  private readonly byHub = new Map<string, Revoked>();
  private crl = new Map<string, Revoked>();
  private crlStamp = '';

  constructor(
    db: SqlDb,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly o: RevocationOptions = {},
  ) {
    db.exec(SCHEMA);
    this.q = {
      seen: db.prepare(
        `INSERT INTO cert_seen (identity, serial, first, last) VALUES (?, ?, ?, ?)
         ON CONFLICT (identity, serial) DO UPDATE SET last = excluded.last`,
      ),
      serialsOf: db.prepare('SELECT serial FROM cert_seen WHERE identity = ? ORDER BY first'),
      insert: db.prepare(
        'INSERT INTO revoked (serial, identity, at, "by", reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      all: db.prepare('SELECT * FROM revoked'),
    };
    for (const r of this.q.all.all() as Omit<Revoked, 'source'>[])
      this.byHub.set(r.serial, { ...r, source: 'hub' });
    if (o.crlPath) this.loadCrl(true);
  }

  /**
   * A certificate that completed a handshake (what `revoke` later finds by identity). With the
   * disk full it is not recorded this time (the next handshake records it): a handshake must
   * never fail, or stop the hub, for want of space.
   */
  seen(id: CertIdentity): void {
    if (!id.serial) return;
    try {
      this.q.seen.run(identityKey(id), normalSerial(id.serial), this.clock.now(), this.clock.now());
    } catch (e) {
      if (!isDiskFull(e)) throw e;
    }
  }

  /** Why this serial is refused, or undefined. */
  check(serial: string): Revoked | undefined {
    const s = normalSerial(serial);
    return this.byHub.get(s) ?? this.crl.get(s);
  }

  /** Revokes `serial`, or every serial seen for `identity`; returns the serials newly revoked. */
  revoke(identity: string, serial: string | undefined, by: string, reason: string): string[] {
    const serials = serial
      ? [normalSerial(serial)]
      : (this.q.serialsOf.all(identity) as { serial: string }[]).map((r) => r.serial);
    if (serials.length === 0)
      throw new LoaError(
        'NOT_FOUND',
        `no certificate of ${identity} has connected to this hub; give its serial (--serial, from openssl x509 -serial) or revoke it in the CA (deploy/pki/revoke.sh) and install the CRL`,
      );
    const at = this.clock.now();
    const fresh = serials.filter((s) => !this.byHub.has(s));
    for (const s of fresh) {
      this.q.insert.run(s, identity, at, by, reason);
      this.byHub.set(s, { serial: s, identity, at, by, reason, source: 'hub' });
    }
    return fresh;
  }

  /** Reads the CRL again when its file changed; returns the serials it newly lists. */
  loadCrl(atStart = false): string[] {
    const path = this.o.crlPath;
    if (!path) return [];
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.mtimeMs}/${st.size}`;
    } catch (e) {
      const msg = `certificate revocation list ${path}: ${isENOENT(e) ? 'no such file (make it with deploy/pki/revoke.sh CA_DIR --crl)' : (e as Error).message}`;
      if (atStart) throw new LoaError('CONFIG', msg);
      this.log.error('CRL not reloaded; the previous list stays in force', { error: msg });
      return [];
    }
    if (stamp === this.crlStamp) return [];
    return this.takeCrl(path, stamp, atStart);
  }

  private takeCrl(path: string, stamp: string, atStart: boolean): string[] {
    try {
      const ca = new X509Certificate(readFileSync(this.o.caPath ?? ''));
      const crl = readCrl(readFileSync(path), ca, path);
      const at = this.clock.now();
      const next = new Map<string, Revoked>();
      for (const s of crl.serials)
        next.set(
          s,
          this.crl.get(s) ?? { serial: s, identity: '', at, by: 'CA', reason: 'CRL', source: 'crl' },
        );
      const fresh = [...next.keys()].filter((s) => !this.crl.has(s));
      this.crl = next;
      this.crlStamp = stamp;
      this.log.info('certificate revocation list loaded', { path, serials: next.size, new: fresh.length });
      return fresh;
    } catch (e) {
      if (atStart) throw e;
      this.log.error('CRL refused; the previous list stays in force', { error: (e as Error).message });
      this.crlStamp = stamp; // not re-read until it changes again
      return [];
    }
  }

  list(): Revoked[] {
    return [...this.byHub.values(), ...this.crl.values()];
  }
}
