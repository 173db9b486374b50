/**
 * Station certificates by the thousand for load tests: the same profile deploy/pki/station.sh
 * issues (CN and SAN URI loa:station:ID, clientAuth, digitalSignature, CA:FALSE), signed by a
 * CA that deploy/pki/ca.sh made, but encoded here (DER, RFC 5280 §4.1) and signed with
 * node:crypto. `openssl ca` takes ~25 ms a certificate (three processes): 10,000 stations
 * would spend minutes issuing before the first handshake; this takes ~0.1 ms each. All minted
 * certificates share one P-256 key: the hub's handshake and checks do not depend on it.
 */
import {
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...p: Buffer[]) => tlv(0x30, ...p);
const set = (...p: Buffer[]) => tlv(0x31, ...p);
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer) => tlv(0x03, Buffer.from([0]), b);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function utcTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${s}Z`, 'ascii'));
}

/** The n-th element's full TLV inside a constructed TLV's content. */
function child(der: Buffer, n: number): Buffer {
  const header = (at: number) => {
    const first = der[at + 1] as number;
    const lenBytes = first & 0x80 ? first & 0x7f : 0;
    let length = first;
    if (lenBytes) {
      length = 0;
      for (let i = 0; i < lenBytes; i++) length = length * 256 + (der[at + 2 + i] as number);
    }
    return { content: at + 2 + lenBytes, end: at + 2 + lenBytes + length };
  };
  let at = header(0).content;
  for (let i = 0; i < n; i++) at = header(at).end;
  return der.subarray(at, header(at).end);
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const ext = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), octets(value));

export interface Minted {
  cert: Buffer;
  key: Buffer;
}

export class StationCertMinter {
  private readonly issuer: Buffer;
  private readonly caKey: KeyObject;
  private readonly spki: Buffer;
  readonly key: Buffer;

  /** caDir: a directory made by deploy/pki/ca.sh (ca.crt, private/ca.key). */
  constructor(caDir: string) {
    const ca = new X509Certificate(readFileSync(join(caDir, 'ca.crt')));
    const tbs = child(ca.raw, 0);
    this.issuer = child(tbs, 5); // version, serial, signature, issuer, validity, subject
    this.caKey = createPrivateKey(readFileSync(join(caDir, 'private', 'ca.key')));
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.spki = pair.publicKey.export({ type: 'spki', format: 'der' });
    this.key = Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  }

  /** A station certificate (PEM) valid from an hour ago for a day, and the shared key (PEM). */
  station(id: string): Minted {
    const serial = randomBytes(16);
    serial[0] = ((serial[0] as number) & 0x7f) | 0x01;
    const now = Date.now();
    const subject = seq(
      set(seq(oid('2.5.4.10'), utf8('Loa'))),
      set(seq(oid('2.5.4.11'), utf8('station'))),
      set(seq(oid('2.5.4.3'), utf8(id))),
    );
    const extensions = seq(
      ext('2.5.29.19', true, seq()),
      ext('2.5.29.15', true, tlv(0x03, Buffer.from([7, 0x80]))), // digitalSignature
      ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.2'))),
      ext('2.5.29.17', false, seq(tlv(0x86, Buffer.from(`loa:station:${id}`, 'ascii')))),
    );
    const tbs = seq(
      tlv(0xa0, tlv(0x02, Buffer.from([2]))),
      tlv(0x02, serial),
      ECDSA_SHA256,
      this.issuer,
      seq(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
      subject,
      this.spki,
      tlv(0xa3, extensions),
    );
    const der = seq(tbs, ECDSA_SHA256, bits(sign('sha256', tbs, this.caKey)));
    const b64 = (der.toString('base64').match(/.{1,64}/g) ?? []).join('\n');
    return {
      cert: Buffer.from(`-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`),
      key: this.key,
    };
  }
}
