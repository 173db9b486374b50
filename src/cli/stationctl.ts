/**
 * stationctl — the technician's command. Talks to the running daemon over its local socket
 * (except `run`, which is the daemon). Exit codes: 0 ok, 1 refused (with the reason),
 * 2 daemon unreachable.
 */
import { callLocal } from '../api/local-client.js';
import { exitCodeFor, LoaError, toLoaError } from '../core/errors.js';
import type { StationEvent } from '../core/events.js';
import { type Lang, pickLang, translate } from '../core/i18n.js';
import type { StationStatus } from '../station/control.js';
import { assertLogLevel, defaultDataDir, defaultSocket, runDaemon } from '../station/daemon.js';
import { flagInt, flagString, onOff, type Parsed, parseArgs } from './args.js';
import { renderEvents, renderStatus } from './format.js';
import { messages } from './messages.js';

export interface Ctx {
  p: Parsed;
  lang: Lang;
  json: boolean;
  socket: string;
  call(method: string, params?: unknown): Promise<unknown>;
  out(text: string): void;
  t(key: string, vars?: Record<string, string | number>): string;
}

type Command = (ctx: Ctx, args: string[]) => Promise<void>;

const USAGE = `usage: stationctl [--json] [--lang vi|en] [--socket PATH | --data-dir DIR] COMMAND
  run --profile NAME|FILE --data-dir DIR [--station-id ID]   run the station (the daemon)
  status                         what the station is doing now
  power on|off                   the amplifier/transmitter chain, in sequence
  zone N on|off                  one loudspeaker zone
  reset-lockout                  clear a transmitter lockout (after checking the antenna)
  events [--limit N] [--kind K] [--since-seq N] [--severity alarm]
  sim fault NAME [--zone N] [--channel OUT] [--count N]   (simulator only)
  sim clear [KEY]
exit codes: 0 ok, 1 refused or invalid, 2 daemon unreachable`;

function show(ctx: Ctx, result: unknown, human: () => string): void {
  ctx.out(ctx.json ? JSON.stringify(result, null, 2) : human());
}

export const commands: Record<string, Command> = {
  async status(ctx) {
    const s = (await ctx.call('status')) as StationStatus;
    show(ctx, s, () => renderStatus(s, ctx.lang));
  },
  async power(ctx, [arg]) {
    const r = (await ctx.call('power', { on: onOff(arg, 'power') })) as { state: string };
    show(ctx, r, () => ctx.t('done.power', { state: ctx.t(`state.${r.state}`) }));
  },
  async zone(ctx, [n, arg]) {
    const zone = Number(n);
    if (!Number.isInteger(zone))
      throw new LoaError(
        'INVALID_ARGUMENT',
        `zone: a zone number such as 1 (got ${n === undefined ? 'nothing' : `"${n}"`})`,
      );
    const on = onOff(arg, 'zone');
    const r = await ctx.call('zone', { zone, on });
    show(ctx, r, () => ctx.t('done.zone', { zone, onoff: ctx.t(on ? 'word.on' : 'word.off') }));
  },
  async 'reset-lockout'(ctx) {
    const r = (await ctx.call('resetLockout')) as { wasLockedOut: boolean };
    show(ctx, r, () => ctx.t(r.wasLockedOut ? 'done.reset' : 'done.resetNone'));
  },
  async events(ctx) {
    const q = {
      limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 50,
      sinceSeq: flagInt(ctx.p, 'since-seq', 0, Number.MAX_SAFE_INTEGER),
      kind: flagString(ctx.p, 'kind'),
      severity: flagString(ctx.p, 'severity'),
    };
    const ev = (await ctx.call('events', q)) as StationEvent[];
    show(ctx, ev, () => renderEvents(ev, ctx.lang));
  },
  async sim(ctx, [sub, arg]) {
    if (sub === 'fault') {
      const params = {
        name: arg,
        zone: flagInt(ctx.p, 'zone', 1, 32),
        channel: flagString(ctx.p, 'channel'),
        count: flagInt(ctx.p, 'count', 1, 500),
      };
      const r = (await ctx.call('simFault', params)) as { fault: string };
      show(ctx, r, () => ctx.t('done.fault', { fault: r.fault }));
      return;
    }
    if (sub === 'clear') {
      const r = (await ctx.call('simClear', arg ? { key: arg } : {})) as { cleared: string };
      show(ctx, r, () => ctx.t('done.clear', { what: r.cleared }));
      return;
    }
    throw new LoaError(
      'INVALID_ARGUMENT',
      `sim: allowed "fault" or "clear" (got ${sub === undefined ? 'nothing' : `"${sub}"`})`,
    );
  },
};

async function run(p: Parsed): Promise<void> {
  const profile = flagString(p, 'profile');
  if (!profile)
    throw new LoaError('INVALID_ARGUMENT', '--profile: a board profile name (e.g. sim) or a .json file');
  await runDaemon({
    profile,
    dataDir: flagString(p, 'data-dir') ?? defaultDataDir(),
    socket: flagString(p, 'socket'),
    stationId: flagString(p, 'station-id'),
    logLevel: assertLogLevel(flagString(p, 'log-level')),
  });
}

export async function main(argv: string[]): Promise<number> {
  const p = parseArgs(argv);
  const lang = pickLang(
    p.flags.get('lang') === true ? undefined : (p.flags.get('lang') as string | undefined),
  );
  const t = (key: string, vars?: Record<string, string | number>) => translate(messages, lang, key, vars);
  const [cmd, ...rest] = p.positionals;
  try {
    if (!cmd || p.flags.has('help')) {
      console.log(USAGE);
      return cmd || p.flags.has('help') ? 0 : 1;
    }
    if (cmd === 'run') {
      await run(p);
      return -1; // the daemon keeps the process alive and exits by itself
    }
    const handler = commands[cmd];
    if (!handler)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `unknown command "${cmd}"; allowed: run, ${Object.keys(commands).join(', ')}`,
      );
    const socket = flagString(p, 'socket') ?? defaultSocket(flagString(p, 'data-dir') ?? defaultDataDir());
    const ctx: Ctx = {
      p,
      lang,
      json: p.flags.has('json'),
      socket,
      call: (method, params) => callLocal(socket, method, params),
      out: (text) => console.log(text),
      t,
    };
    await handler(ctx, rest);
    return 0;
  } catch (e) {
    const err = toLoaError(e);
    const code = exitCodeFor(err.code);
    if (p.flags.has('json')) console.error(JSON.stringify({ error: err.toJSON() }));
    else console.error(t(code === 2 ? 'err.unreachable' : 'err.refused', { msg: err.message }));
    return code;
  }
}
