/** stationctl lines status | check [ZONE] | calibrate [ZONE] | history ZONE [--limit N] */
import { keyed } from '../../core/errors.js';
import { type Lang, type Text, translate } from '../../core/i18n.js';
import type { HistoryEntry, Trend } from '../../lines/history.js';
import type { LinesStatus, ZoneLineStatus } from '../../lines/report.js';
import type { Baseline } from '../../lines/settings.js';
import { flagInt, got } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { when } from './format.js';
import { linesMessages } from './messages-lines.js';
import { spoken } from './refusals.js';

export const linesUsage = [
  'lines status                   state of every speaker line, what it can detect, trend',
  'lines check [ZONE]             check the line(s) now (test tone when no programme is on air)',
  'lines calibrate [ZONE]         record the commissioning baseline (outside programmes)',
  'lines history ZONE [--limit N] measurements of one line and its trend',
];

type T = (key: string, vars?: Record<string, string | number>) => string;
const tr =
  (lang: Lang): T =>
  (key, vars) =>
    translate(linesMessages, lang, key, vars);

const ohm = (x: number | null) => (x === null ? '∞' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`;

function zoneArg(v: string | undefined, required: boolean): number | undefined {
  if (v === undefined && !required) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw keyed(
      'INVALID_ARGUMENT',
      `zone: a zone number such as 1 (got ${v === undefined ? 'nothing' : `"${v}"`})`,
      'r.zoneNumber',
      { got: got(v) },
    );
  return n;
}

export function renderZone(z: ZoneLineStatus, t: T): string[] {
  const state = `${t(`lines.state.${z.state}`)}${z.isolated ? t('lines.isolated') : ''}`;
  const base = z.baselineOhm === null ? '-' : `${ohm(z.baselineOhm)} Ω`;
  const change = z.deviationPct === null ? '-' : `${signed(z.deviationPct)} %`;
  const earth = z.earthKohm === null ? '-' : `${Math.round(z.earthKohm)} kΩ`;
  const out = [
    `${String(z.id).padStart(3)}  ${z.name.padEnd(20)} ${state.padEnd(16)} ${`${ohm(z.ohm)} Ω`.padEnd(9)} ${base.padEnd(9)} ${change.padEnd(8)} ${earth.padEnd(10)} ${t(`lines.output.${z.output}`)}`,
  ];
  const vars = {
    n: z.speakers,
    pct: z.oneMissingPct,
    tol: z.tolerancePct,
    k: z.minMissingDetected,
    id: z.id,
  };
  out.push(t(z.detectsOneMissingSpeaker ? 'lines.detect.yes' : 'lines.detect.no', vars));
  if (z.trend) out.push(trendLine(z.trend, t));
  if (z.state !== 'ok' && z.state !== 'unknown') out.push(t(`lines.hint.${z.state}`, vars));
  else if (!z.calibrated) out.push(t('lines.hint.uncalibrated', vars));
  return out;
}

function trendLine(tr: Trend, t: T): string {
  return t('lines.trend', { h: tr.spanH, pct: signed(tr.ohmPctPerDay), earth: signed(tr.earthKohmPerDay) });
}

export function renderLines(s: LinesStatus, lang: Lang, nowMs = Date.now()): string {
  const t = tr(lang);
  const ago = (at: number | null) =>
    at === null ? t('lines.never') : t('lines.ago', { s: Math.max(0, Math.round((nowMs - at) / 1000)) });
  const policy = s.tone.available ? t(`lines.tone.${s.tone.policy}`) : t('lines.tone.unavailable');
  const blocked =
    s.tone.available && s.tone.blockedBy && s.tone.blockedBy !== 'not due'
      ? t('lines.tone.blocked', { why: spoken(lang, s.tone.blockedBy, s.tone.blockedByText ?? undefined) })
      : '';
  const lines = [
    t('lines.title', { every: s.checkEveryMs / 1000, ago: ago(s.lastCheckAt), fast: s.fastMs }),
    t('lines.tone', { policy, last: ago(s.tone.lastAt), blocked }),
    t('lines.header'),
  ];
  for (const z of s.zones) lines.push(...renderZone(z, t));
  return lines.join('\n');
}

function renderHistory(
  r: { zone: number; trend: Trend | null; entries: Array<HistoryEntry & { time?: string }> },
  lang: Lang,
): string {
  const t = tr(lang);
  if (r.entries.length === 0) return t('lines.history.none');
  const lines = [t('lines.history.title', { zone: r.zone, n: r.entries.length })];
  for (const e of r.entries)
    lines.push(
      `  ${when(e.t, e.time)}  ${t(`lines.state.${e.state}`).padEnd(14)} ${`${ohm(e.ohm)} Ω`.padEnd(9)} ${e.earthKohm === null ? '-' : `${Math.round(e.earthKohm)} kΩ`}  ${t(`lines.method.${e.method}`)}`,
    );
  lines.push(r.trend ? trendLine(r.trend, t).trim() : t('lines.history.noTrend'));
  return lines.join('\n');
}

async function check(ctx: Ctx, zone: number | undefined): Promise<void> {
  const t = tr(ctx.lang);
  const r = (await ctx.call('lines.check', zone === undefined ? {} : { zone })) as {
    method: 'tone' | 'passive';
    toneSkipped?: string;
    toneSkippedText?: Text;
    zones: ZoneLineStatus[];
  };
  show(ctx, r, () => {
    const head = t('lines.checked', {
      zones: r.zones.map((z) => z.id).join(', '),
      method: `${t(`lines.method.${r.method}`)}${r.toneSkipped ? t('lines.tone.blocked', { why: spoken(ctx.lang, r.toneSkipped, r.toneSkippedText) }) : ''}`,
    });
    return [head, t('lines.header'), ...r.zones.flatMap((z) => renderZone(z, t))].join('\n');
  });
}

async function calibrate(ctx: Ctx, zone: number | undefined): Promise<void> {
  const t = tr(ctx.lang);
  const r = (await ctx.call('lines.calibrate', zone === undefined ? {} : { zone })) as {
    zones: Array<{ zone: number; baseline: Baseline }>;
  };
  show(ctx, r, () =>
    r.zones
      .map(({ zone: id, baseline: b }) =>
        t('lines.calibrated', {
          zone: id,
          ohm: ohm(b.ohm),
          expected: ohm(b.expectedOhm),
          earth: Math.round(b.earthKohm),
          method: t(`lines.method.${b.method}`),
        }),
      )
      .join('\n'),
  );
}

export const linesCommands: Record<string, Command> = {
  async lines(ctx, [sub, arg]) {
    if (sub === 'status' || sub === undefined) {
      const s = (await ctx.call('lines.status')) as LinesStatus;
      return show(ctx, s, () => renderLines(s, ctx.lang));
    }
    if (sub === 'check') return check(ctx, zoneArg(arg, false));
    if (sub === 'calibrate') return calibrate(ctx, zoneArg(arg, false));
    if (sub === 'history') {
      const zone = zoneArg(arg, true);
      const limit = flagInt(ctx.p, 'limit', 1, 20_000) ?? 20;
      const r = (await ctx.call('lines.history', { zone, limit })) as Parameters<typeof renderHistory>[0];
      return show(ctx, r, () => renderHistory(r, ctx.lang));
    }
    throw keyed(
      'INVALID_ARGUMENT',
      `lines: allowed status, check, calibrate, history (got "${sub}")`,
      'r.sub',
      {
        what: 'lines',
        allowed: '"status", "check", "calibrate", "history"',
        got: got(sub),
      },
    );
  },
};
