/** stationctl security status|reload: the certificates in use, the sockets and their roles. */
import { keyed } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import { got } from '../args.js';
import { securityMessages } from '../messages-security.js';
import { type Command, show } from './context.js';

export const securityUsage = [
  'security status                certificates in use (expiry), local sockets and their roles',
  'security reload                take renewed certificates now (also: SIGHUP) (admin)',
];

interface TlsStatus {
  cert: string;
  notAfter: string;
  identity: { cn: string };
  reloads: number;
  lastError: string;
}
type Part = TlsStatus | string;

/** The daemon's two plain answers, in words ('off', 'plain text (lab)'); others as sent. */
const PLAIN: Record<string, string> = { off: 'sec.off', 'plain text (lab)': 'sec.plain' };

function part(name: string, p: Part, t: T): string {
  if (typeof p === 'string') return `${name}: ${PLAIN[p] ? t(PLAIN[p]) : p}`;
  const tls = t('sec.tls', { cn: p.identity.cn, cert: p.cert, until: p.notAfter, n: p.reloads });
  return `${name}: ${tls}${p.lastError ? t('sec.lastError', { error: p.lastError }) : ''}`;
}

type T = (k: string, v?: Record<string, string | number>) => string;

export const securityCommands: Record<string, Command> = {
  async security(ctx, [sub]) {
    const t = (k: string, v?: Record<string, string | number>) => translate(securityMessages, ctx.lang, k, v);
    if (sub === 'status') {
      const s = (await ctx.call('security.status')) as {
        uplink: Part;
        api: Part;
        sockets: { path: string; role: string; group: string }[];
      };
      show(ctx, s, () =>
        [
          part(t('sec.uplink'), s.uplink, t),
          part(t('sec.api'), s.api, t),
          t('sec.sockets'),
          ...s.sockets.map(
            (x) => `  ${x.path}  ${x.role}${x.group ? ` (${t('sec.group')} ${x.group})` : ''}`,
          ),
        ].join('\n'),
      );
      return;
    }
    if (sub === 'reload') {
      const r = (await ctx.call('security.reload')) as { reloaded: number };
      show(ctx, r, () => t('sec.reloaded', { n: r.reloaded }));
      return;
    }
    throw keyed(
      'INVALID_ARGUMENT',
      `security: allowed "status" or "reload" (got ${sub === undefined ? 'nothing' : `"${sub}"`})`,
      'r.sub',
      { what: 'security', allowed: '"status", "reload"', got: got(sub) },
    );
  },
};
