/**
 * `districtctl bulletin list|show ID`: the text and recorded bulletins sent from this hub (by
 * operators or by CAP; a recording is shown as [its file name]) and, per station, whether each was heard — the same view `cap show` gives for an
 * alert. A bulletin to several stations is one command per station; commands with the same
 * text sent within BATCH_MS of each other are shown as one bulletin, and `show` takes any of
 * their ids. The play-log entries each station sent for its command say when it played, why
 * it ended, and whether the amplifier and every zone relay were confirmed on.
 */
import { LoaError } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import type { CommandInfo__Output } from '../../gen/loa/district/v1/CommandInfo.js';
import { fromValue } from '../../wire/struct.js';
import { flagInt, flagString } from '../args.js';
import { speechMessages } from '../station/messages-speech.js';
import { type DCtx, show } from './context.js';
import { type Heard, heardFor, renderHeard } from './heard.js';

/** One SendCommand to many stations creates their commands within this span. */
const BATCH_MS = 5000;

export interface SentBulletin {
  created: number;
  tier: string;
  text: string;
  commands: Array<{ id: string; station: string; status: string }>;
}

async function bulletins(ctx: DCtx): Promise<SentBulletin[]> {
  const req = {
    stationId: flagString(ctx.p, 'station') ?? '',
    limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 1000,
  };
  const r = await ctx.hub().call<{ commands: CommandInfo__Output[] }>('ListCommands', req);
  const out: SentBulletin[] = [];
  const sorted = r.commands
    .filter((c) => c.method === 'bulletin.text' || c.method === 'bulletin.play')
    .sort((a, b) => a.createdMs - b.createdMs);
  for (const c of sorted) {
    const p = (fromValue(c.params) ?? {}) as { text?: string; tier?: string; audio?: { name?: string } };
    const text = c.method === 'bulletin.play' ? `[${p.audio?.name ?? ''}]` : (p.text ?? '');
    const same = out.find((b) => b.text === text && c.createdMs - b.created <= BATCH_MS);
    const cmd = { id: c.id, station: c.stationId, status: c.status };
    if (same) same.commands.push(cmd);
    else out.push({ created: c.createdMs, tier: p.tier ?? 'normal', text, commands: [cmd] });
  }
  return out;
}

function line(b: SentBulletin): string {
  const when = new Date(b.created).toISOString().replace('T', ' ').slice(0, 19);
  const head = [...b.text].length > 60 ? `${[...b.text].slice(0, 60).join('')}…` : b.text;
  const ids = b.commands.map((c) => `${c.station}:${c.id} (${c.status})`).join(', ');
  return `${when}  ${b.tier}  "${head}"\n    ${ids}`;
}

async function showOne(ctx: DCtx, id: string | undefined): Promise<void> {
  if (!id)
    throw new LoaError('INVALID_ARGUMENT', 'bulletin show: a command id (see districtctl bulletin list)');
  const b = (await bulletins(ctx)).find((x) => x.commands.some((c) => c.id === id));
  if (!b)
    throw new LoaError(
      'NOT_FOUND',
      `no bulletin with command id "${id}" at the hub (see districtctl bulletin list)`,
    );
  const heard: Heard[] = [];
  for (const c of b.commands) heard.push(await heardFor(ctx, c.station, c.id));
  show(ctx, { bulletin: b, heard }, () =>
    [line(b), ...heard.map((h) => renderHeard(h, ctx.lang))].join('\n'),
  );
}

export async function bulletinHeard(ctx: DCtx, sub: 'list' | 'show', id?: string): Promise<void> {
  if (sub === 'show') return showOne(ctx, id);
  const all = await bulletins(ctx);
  show(ctx, all, () =>
    all.length ? all.map(line).join('\n') : translate(speechMessages, ctx.lang, 'bulletin.none'),
  );
}
