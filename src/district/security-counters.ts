/**
 * Security refusals at the hub since it started, by kind (Prometheus
 * loa_hub_security_refused{kind}): forged command results, revoked certificates, refused TLS
 * handshakes. A counter that moves is the signal that someone is trying; each refusal is also
 * in the audit trail or the log.
 */
export type RefusalKind = 'forged_result' | 'revoked_certificate' | 'tls_handshake' | 'bad_station_data';

export class SecurityCounters {
  private readonly counts = new Map<RefusalKind, number>();

  count(kind: RefusalKind): number {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return n;
  }

  get(kind: RefusalKind): number {
    return this.counts.get(kind) ?? 0;
  }

  all(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
