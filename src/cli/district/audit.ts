/**
 * `districtctl audit [--station ID] [--since 1d|ISO] [--limit N]`: who asked what of the hub
 * and of the stations, in which role, and what came of it (docs/security.md).
 */
import { translate } from '../../core/i18n.js';
import type { AuditEntry__Output } from '../../gen/loa/district/v1/AuditEntry.js';
import { fromStruct } from '../../wire/struct.js';
import { flagInt, flagString } from '../args.js';
import { auditMessages } from '../messages-security.js';
import { type DCommand, parseSince, show } from './context.js';

function line(e: AuditEntry__Output, params: Record<string, unknown>): string {
  const when = new Date(e.tsMs).toISOString().replace('T', ' ').slice(0, 19);
  const p = JSON.stringify(params);
  const what = `${e.action}${p === '{}' ? '' : ` ${p.length > 80 ? `${p.slice(0, 77)}...` : p}`}`;
  const where = e.source === 'hub' ? `hub${e.stationId ? ` → ${e.stationId}` : ''}` : e.stationId;
  const err = e.result === 'ok' ? '' : ` (${e.errorCode}${e.message ? `: ${e.message.slice(0, 120)}` : ''})`;
  return `${when}  ${where.padEnd(14)} ${e.who} [${e.role}, ${e.via}]  ${what}  ${e.result.toUpperCase()}${err}`;
}

export const auditCommand: DCommand = async (ctx) => {
  const req = {
    stationId: flagString(ctx.p, 'station') ?? '',
    sinceMs: parseSince(flagString(ctx.p, 'since'), ctx.now()) ?? 0,
    limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 100,
  };
  const r = await ctx.hub().call<{ entries: AuditEntry__Output[] }>('ListAudit', req);
  const list = r.entries.map((e) => ({ ...e, params: fromStruct(e.params) }));
  show(ctx, list, () =>
    list.length
      ? [
          translate(auditMessages, ctx.lang, 'audit.header'),
          ...r.entries.map((e, i) => line(e, list[i]?.params ?? {})),
        ].join('\n')
      : translate(auditMessages, ctx.lang, 'audit.none'),
  );
};
