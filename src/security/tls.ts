/**
 * Certificates and keys from files, checked and reloadable. A TlsMaterial is the grpc-js
 * CertificateProvider of one daemon's identity and the district CA: servers and channels built
 * from it (grpc/credentials.ts) take a reloaded pair for every new connection while the open
 * ones stay up (Node's setSecureContext). A reload that fails any check keeps the old pair.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { experimental } from '@grpc/grpc-js';
import { isENOENT, LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { type CertIdentity, identityOf } from './identity.js';

type Provider = experimental.CertificateProvider;
type CaListener = experimental.CaCertificateUpdateListener;
type IdListener = experimental.IdentityCertificateUpdateListener;

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/**
 * A secret file must be the service user's alone: refused when group or others have any
 * access, or when another user owns it. The message says what to run.
 */
export function assertPrivateFile(path: string, what: string): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    throw new LoaError('CONFIG', `${what} ${path}: ${isENOENT(e) ? 'no such file' : (e as Error).message}`);
  }
  const mode = st.mode & 0o777;
  if (mode & 0o077)
    throw new LoaError(
      'CONFIG',
      `${what} ${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); run: chmod 600 ${path}`,
    );
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && st.uid !== uid)
    throw new LoaError(
      'CONFIG',
      `${what} ${path} belongs to uid ${st.uid}, not to the service user (uid ${uid}); run: chown ${uid} ${path}`,
    );
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new LoaError('CONFIG', `${what} ${path}: ${isENOENT(e) ? 'no such file' : (e as Error).message}`);
  }
}

function x509(pem: Buffer, path: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new LoaError('CONFIG', `${what} ${path}: not a PEM certificate`);
  }
}

/** The subject of an X509Certificate ("CN=a\nOU=b") as the fields identityOf reads. */
export function certIdentity(x: X509Certificate): CertIdentity {
  const subject: Record<string, string> = {};
  for (const line of x.subject.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) subject[line.slice(0, i)] = line.slice(i + 1);
  }
  return identityOf({
    subject: subject as never,
    subjectaltname: x.subjectAltName ?? '',
    serialNumber: x.serialNumber,
  });
}

export interface Loaded {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  identity: CertIdentity;
  notAfter: Date;
  stamp: string;
}

/** Reads and checks the three files; never puts key material into a message. */
export function loadTls(files: TlsFiles): Loaded {
  assertPrivateFile(files.key, 'private key');
  const ca = readPem(files.ca, 'CA certificate');
  const cert = readPem(files.cert, 'certificate');
  const key = readPem(files.key, 'private key');
  const caX = x509(ca, files.ca, 'CA certificate');
  const x = x509(cert, files.cert, 'certificate');
  let k: ReturnType<typeof createPrivateKey>;
  try {
    k = createPrivateKey(key);
  } catch {
    throw new LoaError('CONFIG', `private key ${files.key}: not a PEM private key`);
  }
  if (!x.checkPrivateKey(k))
    throw new LoaError(
      'CONFIG',
      `certificate ${files.cert} and private key ${files.key} do not belong together (copy both files of one renewal)`,
    );
  if (!x.verify(caX.publicKey))
    throw new LoaError('CONFIG', `certificate ${files.cert} was not issued by the CA in ${files.ca}`);
  const stamp = [files.ca, files.cert, files.key].map((f) => statSync(f).mtimeMs).join('/');
  return { ca, cert, key, identity: certIdentity(x), notAfter: new Date(x.validTo), stamp };
}

export class TlsMaterial implements Provider {
  private current: Loaded;
  private readonly caListeners = new Set<CaListener>();
  private readonly idListeners = new Set<IdListener>();
  private timer: NodeJS.Timeout | undefined;
  reloads = 0;
  lastError = '';

  constructor(
    readonly files: TlsFiles,
    private readonly log?: Logger,
  ) {
    this.current = loadTls(files);
    this.warnExpiry();
  }

  get identity(): CertIdentity {
    return this.current.identity;
  }

  get notAfter(): Date {
    return this.current.notAfter;
  }

  /** Reads the files again; true when a new pair was taken, false when nothing changed. */
  reload(): boolean {
    let next: Loaded;
    try {
      next = loadTls(this.files);
    } catch (e) {
      this.lastError = (e as Error).message;
      this.log?.error('certificate reload refused; the current certificate stays in use', {
        error: this.lastError,
      });
      throw e;
    }
    this.lastError = '';
    if (
      next.cert.equals(this.current.cert) &&
      next.ca.equals(this.current.ca) &&
      next.key.equals(this.current.key)
    )
      return false;
    this.current = next;
    this.reloads++;
    this.log?.info('certificates reloaded', {
      cert: this.files.cert,
      serial: next.identity.serial,
      notAfter: next.notAfter.toISOString(),
    });
    this.warnExpiry();
    for (const l of this.caListeners) l({ caCertificate: next.ca });
    for (const l of this.idListeners) l({ certificate: next.cert, privateKey: next.key });
    return true;
  }

  /** Reloads when a file's modification time changed, checked every `ms` (0: off). */
  watch(ms: number): void {
    this.stop();
    if (ms <= 0) return;
    this.timer = setInterval(() => {
      try {
        const stamp = [this.files.ca, this.files.cert, this.files.key]
          .map((f) => statSync(f).mtimeMs)
          .join('/');
        if (stamp !== this.current.stamp) this.reload();
      } catch {
        // reported by reload(); a missing file mid-copy is retried on the next tick
      }
    }, ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  status() {
    return {
      cert: this.files.cert,
      identity: this.current.identity,
      notAfter: this.current.notAfter.toISOString(),
      reloads: this.reloads,
      lastError: this.lastError,
    };
  }

  // grpc-js calls these when a server or channel starts using the material. The first update
  // is delivered on the next tick: grpc-js registers its own watcher only after this returns.
  addCaCertificateListener(l: CaListener): void {
    this.caListeners.add(l);
    setImmediate(() => this.caListeners.has(l) && l({ caCertificate: this.current.ca }));
  }
  removeCaCertificateListener(l: CaListener): void {
    this.caListeners.delete(l);
  }
  addIdentityCertificateListener(l: IdListener): void {
    this.idListeners.add(l);
    setImmediate(
      () => this.idListeners.has(l) && l({ certificate: this.current.cert, privateKey: this.current.key }),
    );
  }
  removeIdentityCertificateListener(l: IdListener): void {
    this.idListeners.delete(l);
  }

  private warnExpiry(): void {
    const left = this.current.notAfter.getTime() - Date.now();
    if (left <= 0)
      this.log?.error('certificate has expired: peers will refuse it; renew it (deploy/pki/renew.sh)', {
        cert: this.files.cert,
        notAfter: this.current.notAfter.toISOString(),
      });
    else if (left < 30 * 86_400_000)
      this.log?.warn('certificate expires within 30 days; renew it (deploy/pki/renew.sh)', {
        cert: this.files.cert,
        notAfter: this.current.notAfter.toISOString(),
      });
  }
}
