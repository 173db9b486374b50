/**
 * `stationctl test tone ZONE [--hz N] [--seconds N] [--level 0.01..1] [--yes]` and
 * `stationctl test tone stop`: starts the daemon's tone test, prints what the station measured
 * once the tone is heard, then waits for the end (Ctrl-C ends the test early, not just the
 * command).
 */
import { keyed } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import type { ToneStatus } from '../../diagnostics/tone-test.js';
import { flagInt, flagString, got } from '../args.js';
import type { Ctx } from './context.js';
import { opsMessages } from './messages-ops.js';

const tt = (ctx: Ctx, k: string, v?: Record<string, string | number>) =>
  translate(opsMessages, ctx.lang, k, v);

const POLL_MS = 500;

interface ToneArgs {
  zone: number;
  hz?: number;
  seconds?: number;
  level?: number;
}

function params(ctx: Ctx, zoneArg: string | undefined): ToneArgs {
  const zone = Number(zoneArg);
  if (zoneArg === undefined || !Number.isInteger(zone))
    throw keyed(
      'INVALID_ARGUMENT',
      `ZONE: a zone number, or "stop" (got ${zoneArg === undefined ? 'nothing' : `"${zoneArg}"`})`,
      'r.toneZone',
      { got: got(zoneArg) },
    );
  const levelRaw = flagString(ctx.p, 'level');
  const level = levelRaw === undefined ? undefined : Number(levelRaw);
  if (level !== undefined && !Number.isFinite(level))
    throw keyed('INVALID_ARGUMENT', `--level: a number from 0.01 to 1 (got "${levelRaw}")`, 'r.toneLevel', {
      got: levelRaw ?? '',
    });
  return {
    zone,
    ...opt('hz', flagInt(ctx.p, 'hz', 20, 20_000)),
    ...opt('seconds', flagInt(ctx.p, 'seconds', 1, 120)),
    ...opt('level', level),
  };
}

function opt(key: string, v: number | undefined): Record<string, number> {
  return v === undefined ? {} : { [key]: v };
}

function started(ctx: Ctx, s: ToneStatus): string {
  const zone = s.zoneName ? `${s.zone} (${s.zoneName})` : String(s.zone);
  return tt(ctx, 'ops.tone.started', {
    hz: s.hz ?? '?',
    zone,
    seconds: s.seconds ?? '?',
    amp: s.ampCurrentA ?? '-',
    peak: s.outputPeakDbfs ?? '-',
  });
}

async function waitEnd(ctx: Ctx, s: ToneStatus): Promise<ToneStatus> {
  let interrupted = false;
  const onInt = () => {
    interrupted = true;
  };
  process.once('SIGINT', onInt);
  try {
    const deadline = Date.now() + (s.seconds ?? 120) * 1000 + 30_000;
    let cur = s;
    for (let i = 0; cur.running && Date.now() < deadline && i < 1000; i++) {
      if (interrupted) return (await ctx.call('test.toneStop')) as ToneStatus;
      await new Promise((r) => setTimeout(r, POLL_MS));
      cur = (await ctx.call('test.toneStatus')) as ToneStatus;
    }
    return cur;
  } finally {
    process.off('SIGINT', onInt);
  }
}

/** Exit 0 when the tone played out (or was stopped on purpose), 1 otherwise. */
export async function toneCommand(
  ctx: Ctx,
  zoneArg: string | undefined,
  confirm: (q: string) => Promise<boolean>,
): Promise<number> {
  if (zoneArg === 'stop') {
    const s = (await ctx.call('test.toneStop')) as ToneStatus;
    ctx.out(ctx.json ? JSON.stringify(s, null, 2) : tt(ctx, `ops.tone.end.${s.ended?.reason ?? 'none'}`));
    return 0;
  }
  const p = params(ctx, zoneArg);
  const q = tt(ctx, 'ops.tone.confirm', { zone: p.zone, hz: p.hz ?? 1000, seconds: p.seconds ?? 10 });
  if (!(await confirm(q))) return 1;
  const first = (await ctx.call('test.tone', p)) as ToneStatus;
  if (!ctx.json) ctx.out(started(ctx, first));
  const end = await waitEnd(ctx, first);
  const reason = end.ended?.reason ?? 'none';
  if (ctx.json) ctx.out(JSON.stringify(end, null, 2));
  else ctx.out(tt(ctx, `ops.tone.end.${reason}`, { detail: end.ended?.detail ?? '' }));
  return reason === 'finished' || reason === 'stopped' ? 0 : 1;
}
