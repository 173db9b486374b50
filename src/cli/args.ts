/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. */
import { keyed } from '../core/errors.js';
import type { Text } from '../core/i18n.js';

export interface Parsed {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Flags that never take a value (so `--json status` does not eat "status"). */
const BOOLEAN_FLAGS = new Set([
  'json',
  'help',
  'yes',
  'audit',
  'follow',
  'all',
  'force',
  'allow-silent-output',
  'stop',
]);

export function parseArgs(argv: string[]): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const key = a.slice(2);
    const next = argv[i + 1];
    if (BOOLEAN_FLAGS.has(key) || next === undefined || next.startsWith('--')) flags.set(key, true);
    else {
      flags.set(key, next);
      i++;
    }
  }
  return { positionals, flags };
}

export function flagString(p: Parsed, key: string): string | undefined {
  const v = p.flags.get(key);
  if (v === true)
    throw keyed('INVALID_ARGUMENT', `--${key} needs a value`, 'r.flagValue', { flag: `--${key}` });
  return v;
}

export function flagInt(p: Parsed, key: string, min: number, max: number): number | undefined {
  const v = flagString(p, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw keyed(
      'INVALID_ARGUMENT',
      `--${key}: a whole number from ${min} to ${max} (got "${v}")`,
      'r.flagInt',
      {
        flag: `--${key}`,
        min,
        max,
        got: v,
      },
    );
  return n;
}

/** Parses a positional "on"/"off" (also "bật"/"tắt"). */
export function onOff(v: string | undefined, what: string): boolean {
  if (v === 'on' || v === 'bật' || v === 'bat') return true;
  if (v === 'off' || v === 'tắt' || v === 'tat') return false;
  throw keyed(
    'INVALID_ARGUMENT',
    `${what}: allowed on or off (got ${v === undefined ? 'nothing' : `"${v}"`})`,
    'r.onOffWord',
    { what, got: got(v) },
  );
}

/** "nothing" or the quoted value, as validation messages show what was given. */
export function got(v: string | undefined): Text {
  return v === undefined ? { key: 'v.gotNothing' } : { key: 'v.got', vars: { value: `"${v}"` } };
}
