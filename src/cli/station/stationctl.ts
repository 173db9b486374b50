/**
 * stationctl — the technician's command. Talks to the running daemon over gRPC StationService
 * on its local unix socket
 * (except `run`, which is the daemon). Exit codes: 0 ok, 1 refused (with the reason),
 * 2 daemon unreachable.
 */
import { callStation } from '../../api/station-client.js';
import { exitCodeFor, keyed, LoaError, toLoaError } from '../../core/errors.js';
import { type Lang, pickLang, translate } from '../../core/i18n.js';
import { clientSecurity } from '../../security/config.js';
import { pickSocket } from '../../security/local.js';
import { assertLogLevel, defaultDataDir, defaultSocket, runDaemon } from '../../station/daemon.js';
import { flagString, type Parsed, parseArgs } from '../args.js';
import type { Ctx } from './context.js';
import { messages } from './messages.js';
import { usageLine, usageVi } from './messages-usage.js';
import { refusal } from './refusals.js';
import { simHelp } from './sim-help.js';

const USAGE = `usage: stationctl [--json] [--lang vi|en] [--socket PATH | --data-dir DIR | --socket HOST:PORT --ca F --cert F --key F] COMMAND
%COMMANDS%
exit codes: 0 ok, 1 refused or invalid, 2 daemon unreachable`;

/** The command list, its descriptions in `lang` (messages-usage.ts). */
function usage(lines: string[], lang: Lang): string {
  const vi = lang === 'vi';
  const [head, , exit] = USAGE.split('\n') as [string, string, string];
  return [
    vi ? head.replace('usage:', `${usageVi.usage}:`) : head,
    ...lines.map((l) => `  ${usageLine(l, vi)}`),
    vi ? (usageVi[exit] ?? exit) : exit,
  ].join('\n');
}

async function run(p: Parsed): Promise<void> {
  const profile = flagString(p, 'profile');
  if (!profile)
    throw new LoaError('INVALID_ARGUMENT', '--profile: a board profile name (e.g. sim) or a .json file');
  await runDaemon({
    profile,
    dataDir: flagString(p, 'data-dir') ?? defaultDataDir(),
    socket: flagString(p, 'socket'),
    stationId: flagString(p, 'station-id'),
    district: flagString(p, 'district'),
    logLevel: assertLogLevel(flagString(p, 'log-level')),
    metricsListen: flagString(p, 'metrics-listen'),
    // the flag, or the unit's LOA_ALLOW_SILENT_OUTPUT=1 (install.sh --sound-device null)
    allowSilentOutput:
      p.flags.get('allow-silent-output') === true || process.env.LOA_ALLOW_SILENT_OUTPUT === '1',
  });
}

/** The daemon's socket (or HOST:PORT) this invocation talks to. */
function target(p: ReturnType<typeof parseArgs>): string {
  return flagString(p, 'socket') ?? pickSocket(defaultSocket(flagString(p, 'data-dir') ?? defaultDataDir()));
}

/** Where the commands go (--socket, else the data directory's) and how (TLS for HOST:PORT). */
function commandContext(p: Parsed, lang: Lang, t: Ctx['t']): Ctx {
  const socket = target(p);
  // a HOST:PORT target is the station's TCP API: mutual TLS with --ca/--cert/--key or LOA_TLS_*
  const security = socket.includes('/')
    ? undefined
    : clientSecurity(process.env, {
        ca: flagString(p, 'ca'),
        cert: flagString(p, 'cert'),
        key: flagString(p, 'key'),
      });
  return {
    p,
    lang,
    json: p.flags.has('json'),
    socket,
    call: (method, params) => callStation(socket, method, params, security),
    out: (text) => console.log(text),
    t,
  };
}

export async function main(argv: string[]): Promise<number> {
  const p = parseArgs(argv);
  const lang = pickLang(
    p.flags.get('lang') === true ? undefined : (p.flags.get('lang') as string | undefined),
  );
  const t = (key: string, vars?: Record<string, string | number>) => translate(messages, lang, key, vars);
  const [cmd, ...rest] = p.positionals;
  try {
    if (cmd === 'sim' && p.flags.has('help')) {
      console.log(simHelp());
      return 0;
    }
    if (cmd === 'run' && !p.flags.has('help')) {
      await run(p);
      return -1; // the daemon keeps the process alive and exits by itself
    }
    // loaded here, not at the top: the daemon (`run`) starts without the commands' modules
    const { allCommands, allUsage } = await import('./registry.js');
    if (!cmd || p.flags.has('help')) {
      console.log(usage(allUsage(), lang));
      return cmd || p.flags.has('help') ? 0 : 1;
    }
    const commands = allCommands();
    const handler = commands[cmd];
    if (!handler)
      throw keyed(
        'INVALID_ARGUMENT',
        `unknown command "${cmd}"; allowed: run, ${Object.keys(commands).join(', ')}`,
        'r.unknownCommand',
        { cmd, allowed: `run, ${Object.keys(commands).join(', ')}` },
      );
    const code = await handler(commandContext(p, lang, t), rest);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    const err = toLoaError(e);
    const code = exitCodeFor(err.code);
    if (p.flags.has('json')) console.error(JSON.stringify({ error: err.toJSON() }));
    // unreachable: where we looked, not the transport's own words (logged with --json)
    else if (code === 2) console.error(t('err.unreachable', { where: target(p) }));
    else console.error(t('err.refused', { msg: refusal(err, lang) }));
    return code;
  }
}
