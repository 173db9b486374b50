/** stationctl's field-operations commands: doctor, watch, logs, test relays, test tone. */
import { hostname } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { StationStatus } from '../../api/status.js';
import { keyed, LoaError, toLoaError } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import type { RelayResult } from '../../diagnostics/relay-test.js';
import { systemProbe } from '../../ops/doctor/local.js';
import { renderFindings, runDoctor } from '../../ops/doctor/run.js';
import { doctorExitCode } from '../../ops/doctor/types.js';
import { defaultDataDir } from '../../station/daemon.js';
import { flagInt, flagString, got } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { logSource, parseSince, printLogs } from './logs.js';
import { opsMessages } from './messages-ops.js';
import { refusal } from './refusals.js';
import { renderRelayTest } from './relay-render.js';
import { toneCommand } from './tone-cli.js';
import { renderFrame } from './watch.js';

export const opsUsage = [
  'doctor                         what is wrong and what to do (exit 0 good, 1 warnings, 2 faults)',
  'watch [--once] [--every S]     live view: on air, zones, lines, alarms (q to quit)',
  'logs [--sub S] [--level L] [--since 15m|TIME] [--file F|-]   the service log, readable',
  'test relays [--yes]            click every zone relay with the amplifier off and read it back',
  'test tone ZONE [--hz 1000] [--seconds 10] [--level 0.5] [--yes]   a tone on one zone only',
  'test tone stop                 end a running tone test',
];

const tt = (ctx: Ctx, k: string, v?: Record<string, string | number>) =>
  translate(opsMessages, ctx.lang, k, v);

async function confirm(ctx: Ctx, question: string): Promise<boolean> {
  if (ctx.p.flags.has('yes')) return true;
  if (!process.stdin.isTTY) throw new LoaError('REFUSED', tt(ctx, 'ops.needYes'));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^(y|yes|c|có|co)$/i.test(answer.trim());
}

async function watchLoop(ctx: Ctx, everyMs: number): Promise<void> {
  const out = process.stdout;
  const stdin = process.stdin;
  let done = false;
  let wake: (() => void) | undefined;
  const quit = () => {
    done = true;
    wake?.();
  };
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  const onKey = (b: Buffer) => {
    const k = b.toString();
    if (k === 'q' || k === 'Q' || k === '\u0003') quit();
  };
  stdin.on('data', onKey);
  process.once('SIGINT', quit);
  out.write('\x1b[?25l\x1b[2J');
  try {
    while (!done) {
      const frame = await ctx.call('status').then(
        (s) => renderFrame(s as StationStatus, ctx.lang, new Date()),
        (e) => [tt(ctx, 'ops.watch.down', { msg: downReason(ctx, e) })],
      );
      out.write(`\x1b[H${frame.map((l) => `${l}\x1b[K`).join('\n')}\x1b[J`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, everyMs);
      });
    }
  } finally {
    stdin.off('data', onKey);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    out.write('\x1b[?25h\x1b[2J\x1b[H');
  }
}

/** Why watch cannot show the station: where it looked (not the transport's words), or the refusal. */
function downReason(ctx: Ctx, e: unknown): string {
  const err = toLoaError(e);
  return err.code === 'UNAVAILABLE' ? ctx.socket : refusal(err, ctx.lang);
}

export const opsCommands: Record<string, Command> = {
  async doctor(ctx) {
    // down: say where we looked, not the transport's words (a raw gRPC error helps nobody)
    const status = await ctx.call('status').then(
      (s) => s as StationStatus,
      (e) => ({ error: toLoaError(e).code === 'UNAVAILABLE' ? ctx.socket : toLoaError(e).message }),
    );
    const dataDir = flagString(ctx.p, 'data-dir') ?? defaultDataDir();
    // read-only: doctor never verifies (a failed verification quarantines); the station's own
    // media watch has verified what the schedule needs and reports it in its status
    const findings = await runDoctor({ status, dataDir, probe: systemProbe });
    const id = 'error' in status ? hostname() : status.stationId;
    ctx.out(
      ctx.json
        ? JSON.stringify({ stationId: id, findings }, null, 2)
        : renderFindings(findings, ctx.lang, id),
    );
    return doctorExitCode(findings);
  },

  async watch(ctx) {
    if (ctx.p.flags.has('once')) {
      const s = (await ctx.call('status')) as StationStatus;
      ctx.out(renderFrame(s, ctx.lang, new Date()).join('\n'));
      return;
    }
    await watchLoop(ctx, (flagInt(ctx.p, 'every', 1, 60) ?? 1) * 1000);
  },

  async logs(ctx) {
    const level = flagString(ctx.p, 'level');
    if (level !== undefined && !['debug', 'info', 'warn', 'error'].includes(level))
      throw keyed('INVALID_ARGUMENT', `--level: allowed debug, info, warn, error (got "${level}")`, 'r.sub', {
        what: '--level',
        allowed: '"debug", "info", "warn", "error"',
        got: got(level),
      });
    const n = await printLogs(
      logSource(flagString(ctx.p, 'file')),
      {
        sub: flagString(ctx.p, 'sub'),
        level: level as 'info' | undefined,
        since: parseSince(flagString(ctx.p, 'since')),
      },
      (l) => ctx.out(l),
    );
    if (n === 0) ctx.out(tt(ctx, 'ops.logs.none'));
  },

  async test(ctx, [what, arg]) {
    if (what === 'tone') return toneCommand(ctx, arg, (q) => confirm(ctx, q));
    if (what !== 'relays')
      throw keyed(
        'INVALID_ARGUMENT',
        `test: allowed "relays" or "tone" (got ${what === undefined ? 'nothing' : `"${what}"`})`,
        'r.sub',
        { what: 'test', allowed: '"relays", "tone"', got: got(what) },
      );
    if (!(await confirm(ctx, tt(ctx, 'ops.relays.confirm')))) return 1;
    const results = (await ctx.call('test.relays')) as RelayResult[];
    show(ctx, results, () => renderRelayTest(results, (k, v) => tt(ctx, k, v)));
    return results.every((r) => r.ok) ? 0 : 1;
  },
};
