/**
 * `districtctl cap list|show ID|cancel ID`: the CAP alerts the hub received and what it did,
 * read from the hub's audit trail (every CAP step is audited as cap:SENDER), and a cancel by
 * hand — `bulletin.stop` with each station's command id, sent as the operator (role, audit),
 * so it stops that alert's bulletin only where it is still on air.
 */
import { LoaError } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import type { AuditEntry__Output } from '../../gen/loa/district/v1/AuditEntry.js';
import type { CommandInfo__Output } from '../../gen/loa/district/v1/CommandInfo.js';
import { fromStruct, toValue } from '../../wire/struct.js';
import { flagInt, flagString } from '../args.js';
import { speechMessages } from '../station/messages-speech.js';
import { plainCommand } from './commands.js';
import { type DCommand, type DCtx, parseSince, show } from './context.js';
import { renderCommand } from './format.js';
import { type Heard, heardFor, renderHeard } from './heard.js';

interface CapStep {
  at: number;
  action: string;
  result: string;
  message: string;
  identifier?: string;
  sender?: string;
  tier?: string;
  reason?: string;
  stations?: string[];
  commands?: Record<string, string>;
}

async function steps(ctx: DCtx): Promise<CapStep[]> {
  const req = {
    sinceMs: parseSince(flagString(ctx.p, 'since') ?? '30d', ctx.now()) ?? 0,
    limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 1000,
  };
  const r = await ctx.hub().call<{ entries: AuditEntry__Output[] }>('ListAudit', req);
  return r.entries
    .filter((e) => e.source === 'hub' && e.who.startsWith('cap:') && e.action.startsWith('cap.'))
    .map((e) => ({
      at: e.tsMs,
      action: e.action,
      result: e.result,
      message: e.message,
      ...(fromStruct(e.params) as Omit<CapStep, 'at' | 'action' | 'result' | 'message'>),
    }));
}

function line(s: CapStep): string {
  const when = new Date(s.at).toISOString().replace('T', ' ').slice(0, 19);
  const what =
    s.action === 'cap.refused' ? `REFUSED: ${s.message}` : `${s.action.slice(4)}: ${s.reason ?? ''}`;
  const where = s.stations?.length ? ` → ${s.stations.join(',')}` : '';
  const alert = s.sender ? `${s.sender} ${s.identifier ?? ''}` : '?';
  return [when, alert, `${s.tier ?? ''}${where}`.trim(), what].filter(Boolean).join('  ');
}

function ofAlert(all: CapStep[], id: string | undefined): CapStep[] {
  if (!id) throw new LoaError('INVALID_ARGUMENT', 'cap: the alert identifier (see districtctl cap list)');
  const mine = all.filter((s) => s.identifier === id);
  if (!mine.length)
    throw new LoaError(
      'NOT_FOUND',
      `no CAP alert "${id}" in the hub's audit trail (see districtctl cap list)`,
    );
  return mine;
}

async function cancel(ctx: DCtx, id: string | undefined): Promise<void> {
  const aired = ofAlert(await steps(ctx), id).find((s) => s.action === 'cap.aired');
  if (!aired?.commands)
    throw new LoaError('REFUSED', `CAP alert "${id}" was not broadcast: nothing to cancel`);
  const cmds: CommandInfo__Output[] = [];
  for (const [station, commandId] of Object.entries(aired.commands)) {
    const req = { stationIds: [station], method: 'bulletin.stop', params: toValue({ commandId }) };
    cmds.push(...(await ctx.hub().call<{ commands: CommandInfo__Output[] }>('SendCommand', req)).commands);
  }
  show(ctx, cmds.map(plainCommand), () => cmds.map((c) => renderCommand(c, ctx.lang)).join('\n'));
}

export const capCommand: DCommand = async (ctx, [sub, id]) => {
  if (sub === 'list') {
    const all = await steps(ctx);
    return show(ctx, all, () =>
      all.length ? all.map(line).join('\n') : translate(speechMessages, ctx.lang, 'cap.none'),
    );
  }
  if (sub === 'show') {
    const mine = ofAlert(await steps(ctx), id);
    const heard: Heard[] = [];
    for (const s of mine)
      for (const [station, cmd] of Object.entries(s.commands ?? {}))
        heard.push(await heardFor(ctx, station, cmd));
    return show(ctx, { steps: mine, heard }, () =>
      [
        ...mine.map((s) => `${line(s)}${s.commands ? `\n    commands: ${JSON.stringify(s.commands)}` : ''}`),
        ...heard.map((h) => renderHeard(h, ctx.lang)),
      ].join('\n'),
    );
  }
  if (sub === 'cancel') return cancel(ctx, id);
  throw new LoaError(
    'INVALID_ARGUMENT',
    `cap: allowed list, show ID, cancel ID (got ${sub ? `"${sub}"` : 'nothing'})`,
  );
};
