/**
 * Security settings from the environment, read in one place for both daemons and both CLIs:
 *   LOA_TLS_CA, LOA_TLS_CERT, LOA_TLS_KEY   the district CA, this party's certificate and key
 *   LOA_TLS_WATCH_MS                         reload when the files change (default 60000; 0 off)
 *   LOA_INSECURE_LAB=1                       plain-text gRPC, for a lab only (loud warning)
 *   LOA_RATE_BURST, LOA_RATE_PER_MIN         commands per identity (token bucket)
 *   LOA_RATE_ALLOW                           own limits for callers arriving one way:
 *                                            "unix:admin=600/6000" (burst/per minute), comma-separated
 * A missing or half-given setting is a CONFIG error naming the variable.
 */
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { INSECURE, type LinkSecurity } from './credentials.js';
import type { RateLimits } from './ratelimit.js';
import { type TlsFiles, TlsMaterial } from './tls.js';

export const TLS_ENV = { ca: 'LOA_TLS_CA', cert: 'LOA_TLS_CERT', key: 'LOA_TLS_KEY' } as const;

/** The three files (from flags first, then the environment), or undefined when none is given. */
export function tlsFiles(
  env: NodeJS.ProcessEnv,
  flags: Partial<TlsFiles> = {},
  names: Record<keyof TlsFiles, string> = TLS_ENV,
): TlsFiles | undefined {
  const pick = (k: keyof TlsFiles) => flags[k] || env[names[k]] || undefined;
  const got = { ca: pick('ca'), cert: pick('cert'), key: pick('key') };
  const missing = (Object.keys(got) as (keyof TlsFiles)[]).filter((k) => !got[k]);
  if (missing.length === 3) return undefined;
  if (missing.length)
    throw new LoaError(
      'CONFIG',
      `TLS needs all three files; missing ${missing.map((k) => names[k]).join(', ')} (set ${Object.values(names).join(', ')})`,
    );
  return got as TlsFiles;
}

export function labInsecure(env: NodeJS.ProcessEnv): boolean {
  const v = env.LOA_INSECURE_LAB;
  if (v === undefined || v === '' || v === '0') return false;
  if (v === '1') return true;
  throw new LoaError('CONFIG', `LOA_INSECURE_LAB: allowed 1 (a lab without TLS) or unset (got "${v}")`);
}

function envInt(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new LoaError('CONFIG', `${name}: a whole number from ${min} to ${max} (got "${v}")`);
  return n;
}

export function watchMs(env: NodeJS.ProcessEnv): number {
  return envInt(env, 'LOA_TLS_WATCH_MS', 60_000, 0, 86_400_000);
}

/** Default: bursts of 30 commands, then one every 2 s per identity (a person, not a script). */
export function rateLimits(env: NodeJS.ProcessEnv): RateLimits {
  return {
    burst: envInt(env, 'LOA_RATE_BURST', 30, 1, 1_000_000),
    perMinute: envInt(env, 'LOA_RATE_PER_MIN', 30, 1, 6_000_000),
    allow: rateAllowances(env.LOA_RATE_ALLOW),
  };
}

const VIAS = /^(unix:(viewer|operator|admin)|tls|district|lab)$/;

/** LOA_RATE_ALLOW="unix:admin=600/6000,…": a script's own allowance (e.g. the hw bench). */
export function rateAllowances(v: string | undefined): RateLimits['allow'] {
  if (v === undefined || v.trim() === '') return undefined;
  const allow: NonNullable<RateLimits['allow']> = {};
  for (const item of v.split(',')) {
    const m = /^\s*([a-z:]+)=(\d{1,7})\/(\d{1,7})\s*$/.exec(item);
    if (!m || !VIAS.test(m[1] as string) || Number(m[2]) < 1 || Number(m[3]) < 1)
      throw new LoaError(
        'CONFIG',
        `LOA_RATE_ALLOW: "${item}" is not WAY=BURST/PER_MINUTE (WAY one of unix:viewer, unix:operator, unix:admin, tls, district, lab; numbers 1 to 9999999), e.g. unix:admin=600/6000`,
      );
    allow[m[1] as string] = { burst: Number(m[2]), perMinute: Number(m[3]) };
  }
  return allow;
}

/**
 * The security of a daemon's gRPC link (`what`: "district hub", "uplink", "station TCP API"):
 * mutual TLS when the files are set; plain text only with LOA_INSECURE_LAB=1, announced as
 * loudly as a log can; otherwise a CONFIG error that says what to set.
 */
export function daemonSecurity(
  env: NodeJS.ProcessEnv,
  log: Logger,
  what: string,
  files: TlsFiles | undefined = tlsFiles(env),
): LinkSecurity {
  if (files) {
    const material = new TlsMaterial(files, log);
    material.watch(watchMs(env));
    log.info(`${what}: mutual TLS`, { cert: files.cert, identity: material.identity });
    return { kind: 'tls', material };
  }
  if (labInsecure(env)) {
    const warning = `PLAIN-TEXT gRPC for the ${what} (LOA_INSECURE_LAB=1): anyone on the network can read it and forge commands. A lab only, never a station in service.`;
    log.warn(warning);
    process.stderr.write(`\n*** WARNING *** ${warning}\n\n`);
    return INSECURE;
  }
  throw new LoaError(
    'CONFIG',
    `${what}: no certificate configured; set ${Object.values(TLS_ENV).join(', ')} (make them with deploy/pki/), or LOA_INSECURE_LAB=1 for a lab without TLS`,
  );
}

/** A client's security: TLS when files are given (flags or environment), else plain text. */
export function clientSecurity(env: NodeJS.ProcessEnv, flags: Partial<TlsFiles> = {}): LinkSecurity {
  const files = tlsFiles(env, flags);
  return files ? { kind: 'tls', material: new TlsMaterial(files) } : INSECURE;
}
