/**
 * The uplink's settings: where the district is, and the link timings. The defaults are the
 * design's (DESIGN.md decision 1: keepalive about 60 s keeps carrier-NAT mappings alive and
 * finds dead links; reconnect backoff 1 s -> 60 s with jitter). Every timing can be shortened
 * through the environment so tests exercise "minutes" of outage in seconds.
 */
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { parseHubList } from './hubs.js';

const ms = (min: number, def: number) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(7 * 86_400_000)
    .default(def);

export const uplinkSettingsSchema = z.object({
  /**
   * host:port of the district hub's GatewayService, or several hubs of one PostgreSQL-backed
   * district, comma-separated (hubs.ts: checked entry by entry, tried in turn).
   */
  district: z.string().min(1),
  keepaliveMs: ms(10, 60_000),
  keepaliveTimeoutMs: ms(100, 20_000),
  backoffMinMs: ms(10, 1_000),
  backoffMaxMs: ms(10, 60_000),
  /** No welcome from the hub within this: the attempt is abandoned and retried. */
  helloTimeoutMs: ms(100, 20_000),
  /** A heartbeat when nothing else was sent for this long. */
  heartbeatMs: ms(10, 300_000),
  /** How often the status is sampled for changes (deadbands decide what is sent). */
  sampleMs: ms(50, 10_000),
  /** Deadline of each unary call (media chunks). */
  callTimeoutMs: ms(100, 15_000),
  outboxMaxItems: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
  outboxMaxBytes: z.coerce.number().int().min(10_000).max(1_000_000_000).default(8_000_000),
  outboxMaxAgeMs: ms(1000, 14 * 86_400_000),
  mediaChunkBytes: z.coerce.number().int().min(1024).max(262_144).default(65_536),
});
export type UplinkSettings = z.infer<typeof uplinkSettingsSchema>;

/** Environment variable for each setting (LOA_DISTRICT, LOA_LINK_KEEPALIVE_MS, …). */
export const ENV_NAMES: Record<keyof UplinkSettings, string> = {
  district: 'LOA_DISTRICT',
  keepaliveMs: 'LOA_LINK_KEEPALIVE_MS',
  keepaliveTimeoutMs: 'LOA_LINK_KEEPALIVE_TIMEOUT_MS',
  backoffMinMs: 'LOA_LINK_BACKOFF_MIN_MS',
  backoffMaxMs: 'LOA_LINK_BACKOFF_MAX_MS',
  helloTimeoutMs: 'LOA_LINK_HELLO_TIMEOUT_MS',
  heartbeatMs: 'LOA_LINK_HEARTBEAT_MS',
  sampleMs: 'LOA_LINK_SAMPLE_MS',
  callTimeoutMs: 'LOA_LINK_CALL_TIMEOUT_MS',
  outboxMaxItems: 'LOA_OUTBOX_MAX_ITEMS',
  outboxMaxBytes: 'LOA_OUTBOX_MAX_BYTES',
  outboxMaxAgeMs: 'LOA_OUTBOX_MAX_AGE_MS',
  mediaChunkBytes: 'LOA_MEDIA_CHUNK_BYTES',
};

/**
 * The settings from the environment (and a --district flag, which wins); undefined when no
 * district is configured (the uplink is off). A bad value names its variable and is fatal.
 */
export function uplinkSettings(env: NodeJS.ProcessEnv, district?: string): UplinkSettings | undefined {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) if (env[name] !== undefined) raw[key] = env[name];
  if (district !== undefined) raw.district = district;
  if (raw.district === undefined || raw.district === '') return undefined;
  const r = uplinkSettingsSchema.safeParse(raw, { reportInput: true });
  if (!r.success) {
    const named = r.error.issues.map((i) => ({
      ...i,
      path: [ENV_NAMES[i.path[0] as keyof UplinkSettings] ?? String(i.path[0])],
    }));
    throw new LoaError('CONFIG', `uplink settings: ${formatIssues(named)}`);
  }
  parseHubList(r.data.district, district !== undefined ? '--district' : ENV_NAMES.district);
  if (r.data.backoffMaxMs < r.data.backoffMinMs)
    throw new LoaError('CONFIG', `${ENV_NAMES.backoffMaxMs} must be at least ${ENV_NAMES.backoffMinMs}`);
  return r.data;
}
