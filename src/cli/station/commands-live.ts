/** stationctl live start|stop|status: the station's microphone on air (docs/live.md). */
import { LoaError } from '../../core/errors.js';
import { type Text, translate } from '../../core/i18n.js';
import type { LiveStatus } from '../../live/voice.js';
import { flagString } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { levelBar } from './level-bar.js';
import { liveMessages } from './messages-live.js';
import { spoken } from './refusals.js';

export const liveUsage = [
  'live start [--tier priority|emergency] [--zones 1,2|all]   the microphone on air (chime first)',
  'live stop | status                 end it; what is live, its level meter, the microphone',
];

type Status = LiveStatus & {
  mic?: { device: string | null; problem?: string; problemText?: Text; ptt: boolean | null };
};

const t = (ctx: Ctx, key: string, vars?: Record<string, string | number>) =>
  translate(liveMessages, ctx.lang, key, vars);
/** A word from the catalogue, or the value itself when it has none. */
const w = (ctx: Ctx, key: string) => {
  const s = t(ctx, key);
  return s === key ? key.slice(key.indexOf('.') + 1) : s;
};

function zonesOf(v: string | undefined): number[] | 'all' | undefined {
  if (v === undefined || v === 'all') return v;
  const zones = v.split(',').map((s) => Number(s.trim()));
  if (!zones.every((z) => Number.isInteger(z) && z >= 1))
    throw new LoaError('INVALID_ARGUMENT', `--zones: zone numbers such as 1,3 or "all" (got "${v}")`);
  return zones;
}

export function renderLive(ctx: Ctx, s: Status): string {
  const lines: string[] = [];
  if (s.active) {
    lines.push(
      t(ctx, 'live.on', {
        via: w(ctx, `via.${s.via}`),
        tier: w(ctx, `tier.${s.tier}`),
        zones: (s.zones ?? []).join(','),
        phase: w(ctx, `phase.${s.phase}`),
        by: s.by ? ` (${s.by})` : '',
      }),
    );
    if (s.levels)
      lines.push(
        t(ctx, 'live.level', {
          bar: levelBar(s.levels.rmsDbfs),
          rms: s.levels.rmsDbfs.toFixed(0),
          peak: s.levels.peakDbfs.toFixed(0),
        }),
      );
  } else lines.push(t(ctx, 'live.none'));
  if (s.last)
    lines.push(
      t(ctx, 'live.last', {
        via: w(ctx, `via.${s.last.via}`),
        seconds: s.last.seconds,
        cause: w(ctx, `cause.${s.last.cause}`),
        detail: s.last.detail ? ` (${s.last.detail})` : '',
      }),
    );
  const m = s.mic;
  if (m?.problem)
    lines.push(t(ctx, 'live.mic.refused', { problem: spoken(ctx.lang, m.problem, m.problemText) }));
  else if (m?.device) {
    const ptt = m.ptt === null ? '' : t(ctx, m.ptt ? 'live.ptt.down' : 'live.ptt.up');
    lines.push(t(ctx, 'live.mic', { device: m.device, ptt }));
  } else if (m) lines.push(t(ctx, 'live.mic.none'));
  return lines.join('\n');
}

async function start(ctx: Ctx): Promise<void> {
  const tier = flagString(ctx.p, 'tier');
  const zones = zonesOf(flagString(ctx.p, 'zones'));
  const r = (await ctx.call('live.start', {
    ...(tier ? { tier } : {}),
    ...(zones ? { zones } : {}),
  })) as Status;
  show(ctx, r, () =>
    t(ctx, 'live.started', { tier: w(ctx, `tier.${r.tier}`), zones: (r.zones ?? []).join(',') }),
  );
}

export const liveCommands: Record<string, Command> = {
  async live(ctx, args) {
    const sub = args[0] ?? 'status';
    if (sub === 'start') return start(ctx);
    if (sub === 'stop') {
      const r = (await ctx.call('live.stop')) as Status;
      return show(ctx, r, () => t(ctx, 'live.stopped', { seconds: r.last?.seconds ?? 0 }));
    }
    if (sub !== 'status')
      throw new LoaError('INVALID_ARGUMENT', `live: start, stop or status (got "${sub}")`);
    const r = (await ctx.call('live.status')) as Status;
    show(ctx, r, () => renderLive(ctx, r));
  },
};
