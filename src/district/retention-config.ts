/**
 * What the hub keeps and for how long: `retention.json` in its data directory (or the file
 * `districtctl serve --retention FILE` / LOA_HUB_RETENTION names); absent, the defaults below.
 * Days per class of row (retention-classes.ts), a budget for the whole database, and how hard
 * the pruner may work per run. A bad value names its key and stops the hub, like cap.json.
 *
 * The defaults are sized so that a district (15 stations) lives for years on a small disk:
 * about 5.6 MB per station in its first year and 23 MB for good once every class is at its age
 * (bench hub.db_bytes_per_station_year / _steady, docs/sizing.md). Routine measurements go
 * first, audit last; alarms are kept at least as long as any routine data (checked here), and
 * the size budget prunes in the same order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isENOENT, LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';

const days = z.number().int().min(1).max(36_500).nullable();

export const keepDaysSchema = z.strictObject({
  measurements: days.default(90),
  events: days.default(180),
  drops: days.default(365),
  warnings: days.default(365),
  commands: days.default(365),
  schedules: days.default(365),
  play_log: days.default(730),
  alarms: days.default(730),
  hub_audit: days.default(1825),
  station_audit: days.default(1825),
});
export type KeepDays = z.infer<typeof keepDaysSchema>;
export type RetentionClassName = keyof KeepDays;

/** null = kept for ever (by age; the size budget still applies). */
const forever = (d: number | null) => d ?? Number.POSITIVE_INFINITY;

export const retentionSchema = z
  .strictObject({
    schema: z.literal(1).default(1),
    /** Days each class of row is kept (null: no age limit). */
    keepDays: keepDaysSchema.prefault({}),
    /**
     * Free space kept on the database's filesystem: below it the hub refuses new writes
     * (storage-guard.ts), and SQLite still has room to delete and checkpoint. 0: only a write
     * that fails for want of space refuses them.
     */
    minFreeMB: z.number().int().min(0).max(1_048_576).default(64),
    /** The database may use this many MB; past it the oldest rows go, in class order. */
    maxDbMB: z.number().int().min(1).max(16_777_216).default(16_384),
    /** A run every this many seconds. */
    intervalS: z.number().int().min(1).max(86_400).default(60),
    /** Rows deleted per transaction: one batch holds the database for a few milliseconds. */
    batchRows: z.number().int().min(1).max(10_000).default(200),
    /** Batches per run (the rest waits for the next run), with the event loop free in between. */
    batchesPerRun: z.number().int().min(1).max(10_000).default(100),
    /** Free pages returned to the filesystem per step (4 kB each), with a yield in between. */
    vacuumPagesPerStep: z.number().int().min(1).max(1_000_000).default(256),
  })
  .superRefine((c, ctx) => {
    const k = c.keepDays;
    for (const routine of ['measurements', 'events', 'drops', 'warnings'] as const)
      if (forever(k.alarms) < forever(k[routine]))
        ctx.addIssue({
          code: 'custom',
          path: ['keepDays', 'alarms'],
          message: `alarms must be kept at least as long as ${routine} (${k[routine] ?? 'for ever'} days): alarms are never dropped before routine data`,
        });
  });
export type RetentionConfig = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: RetentionConfig = retentionSchema.parse({});

/** Parses a retention object; INVALID_ARGUMENT naming the key and what is allowed. */
export function parseRetention(raw: unknown, where = 'retention'): RetentionConfig {
  const r = retentionSchema.safeParse(raw, { reportInput: true });
  if (!r.success) throw new LoaError('CONFIG', `${where}: ${formatIssues(r.error.issues)}`);
  return r.data;
}

/** The file given, else LOA_HUB_RETENTION, else DATA_DIR/retention.json; none there: the defaults. */
export function loadRetention(dataDir: string, file?: string): RetentionConfig {
  const path = file ?? (process.env.LOA_HUB_RETENTION || join(dataDir, 'retention.json'));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (isENOENT(e) && !file) return DEFAULT_RETENTION;
    throw new LoaError('CONFIG', `${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LoaError('CONFIG', `${path}: not valid JSON (${(e as Error).message})`);
  }
  return parseRetention(raw, path);
}
