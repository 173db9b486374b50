/**
 * `districtctl db status`: the hub's database — per table rows and size, per retention class
 * how long it is kept, its oldest row and how many rows the next runs remove, the disk, and
 * whether the hub refuses writes because the disk is full (docs/link.md).
 */
import { SystemClock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import { type Lang, translate } from '../../core/i18n.js';
import { databaseStatus } from '../../district/db-status.js';
import { PgMaintenance } from '../../district/pg/maintenance.js';
import { migrateSqliteToPg } from '../../district/pg/migrate.js';
import { openPgDatabase } from '../../district/pg/stores.js';
import { DEFAULT_RETENTION, loadRetention } from '../../district/retention-config.js';
import type { GetDatabaseStatusResponse__Output as Status } from '../../gen/loa/district/v1/GetDatabaseStatusResponse.js';
import { flagString } from '../args.js';
import type { DCommand, DCtx } from './context.js';
import { show } from './context.js';
import { ago } from './format.js';
import { dbMessages } from './messages-db.js';

export function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 10 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function header(s: Status, t: (k: string, v?: Record<string, string | number>) => string): string[] {
  const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  return [
    t('db.title', { engine: s.engine, location: s.location }),
    s.writesRefused
      ? t(s.refusedLevel === 'reserve' ? 'db.low' : 'db.full', {
          since: iso(s.refusedSinceMs),
          reason: s.refusedReason,
        })
      : t('db.ok'),
    t('db.size', {
      file: bytes(s.fileBytes),
      used: bytes(s.usedBytes),
      max: bytes(s.maxBytes),
      reclaim: bytes(s.reclaimableBytes),
    }),
    ...(s.engine === 'postgresql'
      ? [t('db.pg.disk'), t('db.pg.vacuum', { mode: s.autoVacuum })]
      : [
          t('db.disk', { free: bytes(s.fsFreeBytes), min: bytes(s.minFreeBytes) }),
          s.autoVacuum === 'incremental'
            ? t('db.vacuum.incremental')
            : t('db.vacuum.other', { mode: s.autoVacuum }),
        ]),
  ];
}

export function renderDbStatus(s: Status, lang: Lang, now: number): string {
  const t = (k: string, v?: Record<string, string | number>) => translate(dbMessages, lang, k, v);
  const tables = table([
    [t('db.tables'), t('db.rows'), t('db.bytes')],
    ...s.tables.map((x) => [x.name, String(x.rows), bytes(x.bytes)]),
  ]);
  const classes = table([
    [t('db.class'), t('db.keep'), t('db.rows'), t('db.oldest'), t('db.due')],
    ...s.retention.map((c) => [
      `${c.name} (${c.table})`,
      c.keepDays ? t('db.days', { n: c.keepDays }) : t('db.forever'),
      String(c.rows),
      c.oldestMs ? ago(c.oldestMs, now, lang) : '-',
      String(c.dueRows),
    ]),
  ]);
  const removed = s.retention.reduce((a, c) => a + c.removedLastRun, 0);
  const last = s.lastRunMs
    ? t('db.lastRun', {
        when: ago(s.lastRunMs, now, lang),
        removed,
        caught: s.lastRunCaughtUp ? '' : t('db.behind'),
      })
    : t('db.noRun');
  return [
    ...header(s, t),
    '',
    ...tables,
    '',
    t('db.retention', { interval: s.intervalS }),
    ...classes,
    last,
    ...(s.lastRunError ? [t('db.runError', { error: s.lastRunError })] : []),
  ].join('\n');
}

/** `db status --db postgres://…`: the database itself, read here (no hub asked). */
function statusOf(url: string, retentionFile: string | undefined): Status {
  const clock = new SystemClock();
  const db = openPgDatabase(url, clock);
  try {
    // the hub's retention.json when named (--retention, LOA_HUB_RETENTION), else the defaults
    const named = retentionFile ?? (process.env.LOA_HUB_RETENTION || undefined);
    const config = named ? loadRetention('', named) : DEFAULT_RETENTION;
    return databaseStatus({
      maintenance: new PgMaintenance(db, () => config),
      retention: { last: undefined },
      storage: { full: undefined },
      config,
      freeBytes: () => 0,
      now: () => clock.now(),
    }) as Status;
  } finally {
    db.close();
  }
}

function migrate(ctx: DCtx): void {
  const from = flagString(ctx.p, 'from');
  const to = flagString(ctx.p, 'to');
  if (!from) throw new LoaError('INVALID_ARGUMENT', '--from DATA_DIR: the stopped SQLite hub to copy');
  if (!to)
    throw new LoaError('INVALID_ARGUMENT', '--to postgres://USER@HOST:PORT/DB: the empty database to fill');
  const t = (k: string, v?: Record<string, string | number>) => translate(dbMessages, ctx.lang, k, v);
  const counts = migrateSqliteToPg(from, to, new SystemClock(), (table, rows) => {
    if (!ctx.json) ctx.out(t('db.migrate.copied', { table, rows }));
  });
  const bad = counts.filter((c) => c.source !== c.target);
  show(ctx, { tables: counts, ok: bad.length === 0 }, () =>
    [
      ...counts.map((c) => t('db.migrate.count', { ...c })),
      t(bad.length ? 'db.migrate.mismatch' : 'db.migrate.done', { n: bad.length }),
    ].join('\n'),
  );
  if (bad.length)
    throw new LoaError('INTERNAL', `row counts differ in ${bad.map((c) => c.table).join(', ')}`);
}

export const dbCommand: DCommand = async (ctx, args) => {
  if (args[0] === 'migrate' && args.length === 1) return migrate(ctx);
  if (args[0] !== 'status' || args.length > 1)
    throw new LoaError('INVALID_ARGUMENT', `db: allowed: status, migrate (got "${args.join(' ')}")`);
  const url = flagString(ctx.p, 'db');
  const s = url
    ? statusOf(url, flagString(ctx.p, 'retention'))
    : await ctx.hub().call<Status>('GetDatabaseStatus', {});
  show(ctx, s, () => renderDbStatus(s, ctx.lang, ctx.now()));
};
