/**
 * `cap.json` in the hub's data directory turns CAP intake on (absent: off). The provincial
 * system POSTs alerts with one of the bearer `tokens`; `stations` places each station (WGS 84
 * coordinates and the geocodes it answers to, e.g. the administrative unit code) so an alert's
 * area can be matched to stations. A broken file names the key and stops the hub (a warning
 * system that silently ignores its configuration is worse than one that does not start).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isENOENT, LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';

const place = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geocodes: z.array(z.strictObject({ valueName: z.string().min(1), value: z.string().min(1) })).default([]),
});

export const capConfigSchema = z.strictObject({
  schema: z.literal(1),
  /** HTTP listener for POST /cap (loopback by default: put a TLS reverse proxy in front). */
  listen: z
    .string()
    .regex(/^[\w.:[\]-]+:\d+$/, 'HOST:PORT')
    .default('127.0.0.1:8095'),
  /** Bearer tokens of the systems allowed to post (at least 32 characters each). */
  tokens: z.array(z.string().min(32, 'at least 32 characters')).min(1),
  /** A folder watched for NAME.xml files (absolute path); null: no drop folder. */
  dropDir: z.string().regex(/^\//, 'an absolute path').nullable().default(null),
  /**
   * Feeds polled for CAP (an ATOM/RSS index of CAP documents, or one CAP document URL), each
   * every `intervalS` seconds (conditional GET: an unchanged feed costs one 304).
   */
  feeds: z
    .array(
      z.strictObject({
        url: z.url({ protocol: /^https?$/ }),
        intervalS: z.number().int().min(1).max(3600).default(60),
      }),
    )
    .max(20)
    .default([]),
  stations: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), place).default({}),
});
export type CapConfig = z.infer<typeof capConfigSchema>;

export function loadCapConfig(dataDir: string): CapConfig | undefined {
  const file = join(dataDir, 'cap.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (isENOENT(e)) return undefined;
    throw new LoaError('CONFIG', `${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LoaError('CONFIG', `${file}: not valid JSON (${(e as Error).message})`);
  }
  const r = capConfigSchema.safeParse(raw, { reportInput: true });
  if (!r.success) throw new LoaError('CONFIG', `${file}: ${formatIssues(r.error.issues)}`);
  return r.data;
}
