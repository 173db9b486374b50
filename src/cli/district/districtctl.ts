/**
 * districtctl — the district operator's command. Talks to the hub's DistrictService
 * (--hub HOST:PORT, else LOA_HUB, else 127.0.0.1:50051); `serve` runs the hub itself.
 * Exit codes: 0 ok, 1 refused or invalid (with the reason), 2 hub unreachable.
 */
import { exitCodeFor, LoaError, toLoaError } from '../../core/errors.js';
import { type Lang, pickLang, translate } from '../../core/i18n.js';
import { DistrictClient } from '../../district/client.js';
import { DEFAULT_LISTEN, runHub } from '../../district/daemon.js';
import { clientSecurity } from '../../security/config.js';
import type { LinkSecurity } from '../../security/credentials.js';
import { own } from '../../security/lookup.js';
import { assertLogLevel } from '../../station/daemon.js';
import { flagString, type Parsed, parseArgs } from '../args.js';
import { auditMessages } from '../messages-security.js';
import { districtActionCommands } from './actions.js';
import { auditCommand } from './audit.js';
import { bulletinCommand, bulletinUsage } from './bulletin.js';
import { capCommand } from './cap.js';
import { clustersCommand } from './clusters.js';
import { districtReadCommands } from './commands.js';
import type { DCommand, DCtx } from './context.js';
import { dbCommand } from './db.js';
import { liveCommand } from './live.js';
import { districtMessages } from './messages.js';
import { districtUsageLine, districtUsageVi } from './messages-usage.js';
import { districtRevokeCommands } from './revoke.js';
import { userCommand, userUsage } from './users.js';

const USAGE = `usage: districtctl [--json] [--lang vi|en] [--hub HOST:PORT] [--ca F --cert F --key F] COMMAND
  serve --data-dir DIR [--listen HOST:PORT] [--metrics-listen HOST:PORT|off] [--console-listen HOST:PORT|off] [--retention FILE]
        [--db postgres://USER@HOST:PORT/DB [--hub-id ID]] run the district hub (= loa-district) and its browser console;
                                                   --db (or LOA_DB): its stores on PostgreSQL (password in PGPASSFILE/PGPASSWORD)
  stations                                         one line per station: link, on air, power, alarms, last contact
  status ID                                        one station in detail
  clusters                                         4G links: signal, data against the SIM plan, stream health, last contact
  watch [--stations a,b] [--count N]               changes and events as they arrive (Ctrl-C stops)
  emergency start (--stations a,b | --all) FILE|URL [--zones 1,2] [--ttl S] [--wait S]
  emergency stop (--stations a,b | --all)
  schedule push FILE (--stations a,b | --all) [--media a.mp3,b.mp3]
  command METHOD (--stations a,b | --all) [--params JSON] [--ttl S] [--wait S]
%BULLETIN%
  live speak --stations a,b --from FILE|- [--tier priority|emergency] [--zones 1,2]   speak live now (recorded at the hub)
%USER%
  commands [--station ID] [--limit N]              commands sent and their outcome
  events [--station ID] [--since 2h|ISO] [--severity alarm] [--kind K] [--limit N]
  play-log [--station ID] [--since 1d|ISO] [--limit N]
  audit [--station ID] [--since 1d|ISO] [--limit N]  who asked what, in which role, and the result
  db status [--db postgres://…]                    the hub's database: sizes, oldest rows, what retention removes, disk full?
  db migrate --from DATA_DIR --to postgres://…     copy a stopped SQLite hub into an empty PostgreSQL database
  station revoke ID [--serial HEX] [--reason R]    a stolen box: its certificate stops working at once (admin)
  operator revoke NAME [--serial HEX] [--reason R] a person's certificate likewise (admin)
TLS: --ca/--cert/--key, else LOA_TLS_CA/LOA_TLS_CERT/LOA_TLS_KEY (deploy/pki/operator.sh); none: plain text (a lab hub)
exit codes: 0 ok, 1 refused or invalid, 2 hub unreachable`;

/** The help, its descriptions in Vietnamese when `lang` is (messages-usage.ts). */
const usage = (lang: Lang) => {
  const en = USAGE.replace('%BULLETIN%', bulletinUsage.join('\n')).replace('%USER%', userUsage.join('\n'));
  if (lang !== 'vi') return en;
  const [head = '', ...rest] = en.split('\n');
  return [head.replace('usage:', `${districtUsageVi.usage}:`), ...rest.map(districtUsageLine)].join('\n');
};

const COMMANDS: Record<string, DCommand> = {
  ...districtReadCommands,
  ...districtActionCommands,
  audit: auditCommand,
  bulletin: bulletinCommand,
  cap: capCommand,
  ...districtRevokeCommands,
  clusters: clustersCommand,
  db: dbCommand,
  live: liveCommand,
  user: userCommand,
};

async function serve(p: Parsed): Promise<void> {
  await runHub({
    dataDir: flagString(p, 'data-dir'),
    listen: flagString(p, 'listen'),
    metricsListen: flagString(p, 'metrics-listen'),
    retention: flagString(p, 'retention'),
    consoleListen: flagString(p, 'console-listen'),
    db: flagString(p, 'db'),
    hubId: flagString(p, 'hub-id'),
    logLevel: assertLogLevel(flagString(p, 'log-level')),
  });
}

export async function main(argv: string[]): Promise<number> {
  const p = parseArgs(argv);
  const langFlag = p.flags.get('lang');
  const lang = pickLang(typeof langFlag === 'string' ? langFlag : undefined);
  const t = (key: string, vars?: Record<string, string | number>) =>
    translate(districtMessages, lang, key, vars);
  const [cmd, ...rest] = p.positionals;
  let client: DistrictClient | undefined;
  let security: LinkSecurity | undefined;
  try {
    if (!cmd || p.flags.has('help')) {
      console.log(usage(lang));
      return cmd || p.flags.has('help') ? 0 : 1;
    }
    if (cmd === 'serve') {
      await serve(p);
      return -1; // the hub keeps the process alive and exits by itself
    }
    const handler = own(COMMANDS, cmd);
    if (!handler)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `unknown command "${cmd}"; allowed: serve, ${Object.keys(COMMANDS).join(', ')}`,
      );
    const address = flagString(p, 'hub') ?? process.env.LOA_HUB ?? DEFAULT_LISTEN;
    security = clientSecurity(process.env, {
      ca: flagString(p, 'ca'),
      cert: flagString(p, 'cert'),
      key: flagString(p, 'key'),
    });
    const sec = security;
    const ctx: DCtx = {
      p,
      lang,
      json: p.flags.has('json'),
      hub: () => {
        client ??= new DistrictClient(address, 15_000, sec);
        return client;
      },
      out: (text) => console.log(text),
      t,
      now: () => Date.now(),
    };
    await handler(ctx, rest);
    return 0;
  } catch (e) {
    const err = toLoaError(e);
    const code = exitCodeFor(err.code);
    if (p.flags.has('json')) console.error(JSON.stringify({ error: err.toJSON() }));
    else {
      const hint =
        code === 2 && security?.kind === 'insecure' ? translate(auditMessages, lang, 'tls.hint') : '';
      console.error(t(code === 2 ? 'err.unreachable' : 'err.refused', { msg: err.message + hint }));
    }
    return code;
  } finally {
    client?.close();
  }
}
