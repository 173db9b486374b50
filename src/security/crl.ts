/**
 * The district CA's certificate revocation list (deploy/pki/revoke.sh writes CA_DIR/crl.pem):
 * the serials it lists, read from the DER of RFC 5280 §5.1, and only when the CA's own key
 * signed it — a CRL is as good as its signature. Node has no CRL API and grpc-js's certificate
 * provider cannot hand OpenSSL a CRL, so the hub reads it here and refuses listed serials
 * itself (district/revocation.ts). Serials are upper-case hex without leading zeros, like
 * X509Certificate.serialNumber and `openssl x509 -serial`.
 */
import { createPublicKey, verify, type X509Certificate } from 'node:crypto';
import { LoaError } from '../core/errors.js';

export interface Crl {
  serials: Set<string>;
  thisUpdate: Date | undefined;
  nextUpdate: Date | undefined;
}

interface Tlv {
  tag: number;
  start: number; // of the whole TLV
  body: number; // of the contents
  end: number;
}

function tlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at] as number;
  let len = buf[at + 1] as number;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[body + i] as number);
    body += n;
  }
  const end = body + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, start: at, body, end };
}

function children(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end && out.length < 1_000_000; ) {
    const c = tlv(buf, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

/** A DER INTEGER's contents as the hex X509Certificate.serialNumber gives. */
export function normalSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}

function time(buf: Buffer, t: Tlv): Date | undefined {
  const s = buf.subarray(t.body, t.end).toString('latin1');
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const year = (m[1] as string).length === 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

const HASH_BY_OID: Record<string, string> = {
  '2a8648ce3d040302': 'sha256', // ecdsa-with-SHA256
  '2a8648ce3d040303': 'sha384',
  '2a864886f70d01010b': 'sha256', // sha256WithRSAEncryption
  '2a864886f70d01010c': 'sha384',
};

function der(input: Buffer): Buffer {
  const text = input.toString('latin1');
  const m = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(text);
  return m ? Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64') : input;
}

function parse(buf: Buffer, ca: X509Certificate): Crl {
  const [tbs, alg, sig] = children(buf, tlv(buf, 0));
  if (!tbs || !alg || !sig || sig.tag !== 0x03) throw new Error('not a CertificateList');
  const oid = children(buf, alg)[0];
  const hash = oid ? HASH_BY_OID[buf.subarray(oid.body, oid.end).toString('hex')] : undefined;
  if (!hash) throw new Error('unsupported signature algorithm');
  const signature = buf.subarray(sig.body + 1, sig.end); // first byte: unused bits
  const key = createPublicKey(ca.publicKey.export({ format: 'pem', type: 'spki' }));
  if (!verify(hash, buf.subarray(tbs.start, tbs.end), key, signature))
    throw new Error('not signed by the district CA');
  const parts = children(buf, tbs);
  let i = parts[0]?.tag === 0x02 ? 1 : 0; // optional version
  i += 2; // signature algorithm, issuer
  const thisUpdate = parts[i] ? time(buf, parts[i] as Tlv) : undefined;
  i++;
  let nextUpdate: Date | undefined;
  if (parts[i] && (parts[i]?.tag === 0x17 || parts[i]?.tag === 0x18))
    nextUpdate = time(buf, parts[i++] as Tlv);
  const serials = new Set<string>();
  const list = parts[i];
  if (list?.tag === 0x30)
    for (const entry of children(buf, list)) {
      const serial = children(buf, entry)[0];
      if (serial?.tag === 0x02)
        serials.add(normalSerial(buf.subarray(serial.body, serial.end).toString('hex')));
    }
  return { serials, thisUpdate, nextUpdate };
}

/** The CRL in `input` (PEM or DER), checked against the CA; CONFIG naming `path` when it is not one. */
export function readCrl(input: Buffer, ca: X509Certificate, path: string): Crl {
  try {
    return parse(der(input), ca);
  } catch (e) {
    throw new LoaError('CONFIG', `certificate revocation list ${path}: ${(e as Error).message}`);
  }
}
