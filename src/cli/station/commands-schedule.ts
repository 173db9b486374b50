/** stationctl's schedule, play-log and emergency commands. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { keyed, LoaError, toLoaError } from '../../core/errors.js';
import { loadProfile } from '../../hal/profile.js';
import type { EmergencyStatus } from '../../schedule/emergency.js';
import type { PlayLogEntry } from '../../schedule/play-log.js';
import type { ScheduleWarning } from '../../schedule/playability.js';
import { SCHEDULE_MAX_BYTES, type ShowResult, tooBig } from '../../schedule/service.js';
import { validateSchedule } from '../../schedule/validate.js';
import { parseDuration } from '../../schedule/zoned-time.js';
import { flagInt, flagString, got } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { renderEmergency, renderEmergencyStarted, renderPlayLog, renderShow, ts } from './format-schedule.js';

export const scheduleUsage = [
  'schedule show [--days 7]          what plays when (local time), on which zones',
  'schedule check FILE [--profile P] validate a schedule file only (works without the daemon)',
  'schedule apply FILE               validate, save and use a schedule file',
  'play-log [--since 24h|ISO] [--limit N]   what actually went out',
  'emergency start [FILE|URL] [--zones 1,2|all] [--repeat N --every S]   attention signal, then the message',
  'emergency stop | emergency status',
];

async function readDoc(file: string | undefined): Promise<unknown> {
  if (!file) throw keyed('INVALID_ARGUMENT', 'FILE: the schedule file (JSON) to read', 'r.scheduleFile');
  let text: string;
  try {
    // our limit, said before sending (gRPC would refuse past 4 MB with its own words)
    const size = (await stat(file)).size;
    if (size > SCHEDULE_MAX_BYTES) throw tooBig(file, size);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof LoaError) throw e;
    const why = String((e as NodeJS.ErrnoException).code ?? e);
    throw keyed('NOT_FOUND', `${file}: cannot be read (${why})`, 'r.unreadable', { path: file, why });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw keyed('INVALID_ARGUMENT', `${file}: not valid JSON: ${(e as Error).message}`, 'r.notJson', {
      path: file,
      error: (e as Error).message,
    });
  }
}

/** Validates here when the daemon is not reachable (zones checked only with --profile). */
function checkOffline(ctx: Ctx, doc: unknown): void {
  const prof = flagString(ctx.p, 'profile');
  const zones = prof ? loadProfile(prof).zones.map((z) => z.id) : undefined;
  const v = validateSchedule(doc, { zones, now: Date.now() });
  const r = {
    ok: true,
    version: v.doc.version,
    programmes: v.doc.programmes.length,
    timezone: v.plan.tz,
    offline: true,
  };
  show(ctx, r, () =>
    [
      ts(ctx.lang, 'sched.checked', { version: r.version, n: r.programmes, tz: r.timezone }),
      ts(ctx.lang, 'sched.checkedOffline', {
        zones: zones ? zones.join(',') : ts(ctx.lang, 'sched.zonesUnchecked'),
      }),
    ].join('\n'),
  );
}

async function check(ctx: Ctx, file: string | undefined): Promise<void> {
  const doc = await readDoc(file);
  if (flagString(ctx.p, 'profile')) return checkOffline(ctx, doc);
  let r: {
    version: number;
    programmes: number;
    timezone: string;
    missingMedia: string[];
    warnings?: ScheduleWarning[];
  };
  try {
    r = (await ctx.call('schedule.check', { doc })) as typeof r;
  } catch (e) {
    if (toLoaError(e).code === 'UNAVAILABLE') return checkOffline(ctx, doc);
    throw e;
  }
  show(ctx, r, () =>
    [
      ts(ctx.lang, 'sched.checked', { version: r.version, n: r.programmes, tz: r.timezone }),
      missing(ctx, r.missingMedia),
      warned(ctx, r.warnings),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

function warned(ctx: Ctx, warnings: ScheduleWarning[] | undefined): string {
  return (warnings ?? []).map((w) => `! ${ts(ctx.lang, `sched.warn.${w.code}`, w.vars)}`).join('\n');
}

function missing(ctx: Ctx, shas: string[] | undefined): string {
  if (!shas?.length) return '';
  return ts(ctx.lang, 'sched.missingMedia', { list: shas.map((s) => `${s.slice(0, 12)}…`).join(', ') });
}

/** "24h", "30m", "7d" ago, or an ISO date/time. */
function since(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const days = /^(\d{1,3})d$/.exec(v);
  if (days) return Date.now() - Number(days[1]) * 86_400_000;
  const d = parseDuration(v);
  if (d !== undefined) return Date.now() - d;
  const t = Date.parse(v);
  if (Number.isNaN(t))
    throw keyed(
      'INVALID_ARGUMENT',
      `--since: a time ago such as 24h, 30m, 7d, or an ISO date/time (got "${v}")`,
      'r.sinceAgo',
      { got: v },
    );
  return t;
}

function zonesFlag(v: string | undefined): number[] | 'all' {
  if (v === undefined || v === 'all') return 'all';
  const zones = v.split(',').map((s) => Number(s.trim()));
  if (!zones.every((z) => Number.isInteger(z) && z >= 1))
    throw keyed('INVALID_ARGUMENT', `--zones: zone numbers such as 1,3 or "all" (got "${v}")`, 'r.zonesAll', {
      got: v,
    });
  return zones;
}

async function emergency(ctx: Ctx, sub: string | undefined, arg: string | undefined): Promise<void> {
  if (sub === 'start') {
    const source = arg === undefined || /^[a-z]+:\/\//.test(arg) ? arg : resolve(arg);
    const params = {
      ...(source ? { source } : {}),
      zones: zonesFlag(flagString(ctx.p, 'zones')),
      repeat: flagInt(ctx.p, 'repeat', 1, 20) ?? 1,
      everyS: flagInt(ctx.p, 'every', 0, 3600) ?? 0,
    };
    const r = (await ctx.call('emergency.start', params)) as EmergencyStatus;
    return show(ctx, r, () => renderEmergencyStarted(r, ctx.lang));
  }
  if (sub === 'stop') {
    const r = (await ctx.call('emergency.stop')) as EmergencyStatus;
    return show(ctx, r, () => `${ts(ctx.lang, 'emg.stopped')}\n${renderEmergency(r, ctx.lang)}`);
  }
  if (sub === 'status') {
    const r = (await ctx.call('emergency.status')) as EmergencyStatus;
    return show(ctx, r, () => renderEmergency(r, ctx.lang));
  }
  throw keyed(
    'INVALID_ARGUMENT',
    `emergency: allowed start, stop, status (got ${sub === undefined ? 'nothing' : `"${sub}"`})`,
    'r.sub',
    { what: 'emergency', allowed: '"start", "stop", "status"', got: got(sub) },
  );
}

export const scheduleCommands: Record<string, Command> = {
  async schedule(ctx, [sub, file]) {
    if (sub === 'show') {
      const days = flagInt(ctx.p, 'days', 1, 31) ?? 7;
      const r = (await ctx.call('schedule.show', { days })) as ShowResult;
      return show(ctx, r, () => renderShow(r, days, ctx.lang));
    }
    if (sub === 'check') return check(ctx, file);
    if (sub === 'apply') {
      const r = (await ctx.call('schedule.apply', { doc: await readDoc(file) })) as {
        version: number;
        programmes: number;
        missingMedia: string[];
        warnings?: ScheduleWarning[];
      };
      return show(ctx, r, () =>
        [
          ts(ctx.lang, 'sched.applied', { version: r.version, n: r.programmes }),
          missing(ctx, r.missingMedia),
          warned(ctx, r.warnings),
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    throw keyed(
      'INVALID_ARGUMENT',
      `schedule: allowed show, check, apply (got ${sub === undefined ? 'nothing' : `"${sub}"`})`,
      'r.sub',
      { what: 'schedule', allowed: '"show", "check", "apply"', got: got(sub) },
    );
  },
  async 'play-log'(ctx) {
    const sinceTs = since(flagString(ctx.p, 'since'));
    const q = {
      ...(sinceTs !== undefined ? { sinceTs } : {}),
      limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 200,
    };
    const r = (await ctx.call('playLog', q)) as PlayLogEntry[];
    show(ctx, r, () => renderPlayLog(r, ctx.lang));
  },
  async emergency(ctx, [sub, arg]) {
    await emergency(ctx, sub, arg);
  },
};
