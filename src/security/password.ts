/**
 * Console passwords, hashed with scrypt (node:crypto; memory-hard, RFC 7914). Parameters per
 * OWASP's Password Storage Cheat Sheet (2024): N = 2^17, r = 8, p = 1 — 128 MiB per hash, about
 * 0.3 s on this class of machine, so a stolen database costs an attacker that per guess. The
 * parameters are stored with each hash so they can be raised later without locking anyone out.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { LoaError } from '../core/errors.js';

const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
/** NIST SP 800-63B §5.1.1.2: at least 8 characters; we ask 10. Long passphrases welcome. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const maxmem = 256 * 1024 * 1024;
  return new Promise((res, rej) =>
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { N: 2 ** logN, r, p, maxmem }, (e, k) =>
      e ? rej(e) : res(k),
    ),
  );
}

/** INVALID_ARGUMENT naming the rule, or nothing. */
export function checkPassword(password: string): void {
  const n = [...password].length;
  if (n < PASSWORD_MIN || n > PASSWORD_MAX)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `password: ${PASSWORD_MIN} to ${PASSWORD_MAX} characters (got ${n}); a passphrase of several words is easiest`,
    );
}

export async function hashPassword(password: string): Promise<string> {
  checkPassword(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, logN, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A hash no password matches: compared against for unknown users so timing does not tell. */
export const NO_USER_HASH = `scrypt$${LOG_N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
