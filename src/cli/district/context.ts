/** What every districtctl command receives, and the shared option parsing. */
import { existsSync } from 'node:fs';
import { LoaError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import type { DistrictClient } from '../../district/client.js';
import { flagInt, flagString, type Parsed } from '../args.js';

export interface DCtx {
  p: Parsed;
  lang: Lang;
  json: boolean;
  hub(): DistrictClient;
  out(text: string): void;
  t(key: string, vars?: Record<string, string | number>): string;
  now(): number;
}

export type DCommand = (ctx: DCtx, args: string[]) => Promise<void>;

export function show(ctx: DCtx, result: unknown, human: () => string): void {
  ctx.out(ctx.json ? JSON.stringify(result, null, 2) : human());
}

/** --stations a,b or --all, as the request fields. */
export function selection(p: Parsed): { stationIds: string[]; all: boolean } {
  const all = p.flags.get('all') === true;
  const list = flagString(p, 'stations');
  if (all && list) throw new LoaError('INVALID_ARGUMENT', 'give --stations a,b or --all, not both');
  if (!all && !list) throw new LoaError('INVALID_ARGUMENT', '--stations a,b or --all: which stations');
  return {
    stationIds: list
      ? list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    all,
  };
}

/** --since: an ISO time ("2026-01-05T05:30"), a span back from now ("90s", "10m", "2h", "1d") or epoch ms. */
export function parseSince(v: string | undefined, now: number): number | undefined {
  if (v === undefined) return undefined;
  const span = /^(\d+)(s|m|h|d)$/.exec(v);
  if (span)
    return now - Number(span[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[span[2] as 's' | 'm' | 'h' | 'd'];
  if (/^\d{12,}$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  if (Number.isNaN(ms))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `--since: a time such as 2026-01-05T05:30, 10m, 2h, 1d (got "${v}")`,
    );
  return ms;
}

export function ttlMs(p: Parsed): number {
  return (flagInt(p, 'ttl', 1, 7 * 86_400) ?? 600) * 1000;
}

export function existingFile(path: string | undefined, what: string): string {
  if (!path) throw new LoaError('INVALID_ARGUMENT', `${what}: a file path`);
  if (!existsSync(path)) throw new LoaError('NOT_FOUND', `${what}: no such file "${path}"`);
  return path;
}
