/** districtctl's read commands: stations, status, watch, events, play-log, commands. */
import { LoaError } from '../../core/errors.js';
import type { CommandInfo__Output } from '../../gen/loa/district/v1/CommandInfo.js';
import type { DistrictEvent__Output } from '../../gen/loa/district/v1/DistrictEvent.js';
import type { GetStationResponse__Output } from '../../gen/loa/district/v1/GetStationResponse.js';
import type { StationSummary__Output } from '../../gen/loa/district/v1/StationSummary.js';
import { textFromWire } from '../../wire/session.js';
import { fromStruct, fromValue } from '../../wire/struct.js';
import { flagInt, flagString } from '../args.js';
import { type DCommand, type DCtx, parseSince, show } from './context.js';
import { renderCommand, renderEvent, renderEvents, renderStation, renderStations } from './format.js';

/** A district event as plain JSON (details, and the keyed text when the station sent one, as objects). */
export function plainEvent(e: DistrictEvent__Output) {
  const ev = e.event;
  if (!ev) return { ...e, event: null };
  const details = fromStruct(ev.details);
  return { ...e, event: { ...ev, details, text: textFromWire(ev.text, ev.kind, details) ?? null } };
}

export function plainCommand(c: CommandInfo__Output) {
  return { ...c, params: fromValue(c.params), result: fromValue(c.result) };
}

async function events(ctx: DCtx, playLog: boolean): Promise<void> {
  const req = {
    stationId: flagString(ctx.p, 'station') ?? '',
    sinceMs: parseSince(flagString(ctx.p, 'since'), ctx.now()) ?? 0,
    limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 100,
    ...(playLog
      ? {}
      : { severity: flagString(ctx.p, 'severity') ?? '', kind: flagString(ctx.p, 'kind') ?? '' }),
  };
  const rpc = playLog ? 'ListPlayLog' : 'ListEvents';
  const res = await ctx
    .hub()
    .call<{ events?: DistrictEvent__Output[]; entries?: DistrictEvent__Output[] }>(rpc, req);
  const list = (playLog ? res.entries : res.events) ?? [];
  show(ctx, list.map(plainEvent), () =>
    renderEvents(list, ctx.lang, playLog ? 'playlog.none' : 'events.none'),
  );
}

async function watch(ctx: DCtx): Promise<void> {
  const only = (flagString(ctx.p, 'stations') ?? '').split(',').filter(Boolean);
  const max = flagInt(ctx.p, 'count', 1, 1_000_000);
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    const stop = ctx.hub().watch(
      only,
      (u) => {
        if (u.station) {
          const s = u.station;
          ctx.out(
            ctx.json
              ? JSON.stringify({ station: s })
              : (renderStations([s], ctx.lang, ctx.now()).split('\n')[1] ?? ''),
          );
        } else if (u.event)
          ctx.out(ctx.json ? JSON.stringify({ event: plainEvent(u.event) }) : renderEvent(u.event, ctx.lang));
        if (max && ++n >= max) {
          stop();
          resolve();
        }
      },
      (e) => (e ? reject(e) : resolve()),
    );
    process.once('SIGINT', () => {
      stop();
      resolve();
    });
  });
}

export const districtReadCommands: Record<string, DCommand> = {
  async stations(ctx) {
    const r = await ctx.hub().call<{ stations: StationSummary__Output[] }>('ListStations');
    show(ctx, r.stations, () => renderStations(r.stations, ctx.lang, ctx.now()));
  },
  async status(ctx, [id]) {
    if (!id) throw new LoaError('INVALID_ARGUMENT', 'status: which station (status ID)');
    const r = await ctx.hub().call<GetStationResponse__Output>('GetStation', { stationId: id });
    const status = fromStruct(r.status);
    const result = {
      summary: r.summary,
      status,
      desired: r.desired
        ? { ...r.desired, schedule: fromStruct(r.desired.schedule), report: fromStruct(r.desired.report) }
        : null,
    };
    show(ctx, result, () =>
      renderStation({ summary: r.summary as StationSummary__Output, status }, ctx.lang, ctx.now()),
    );
  },
  watch: (ctx) => watch(ctx),
  events: (ctx) => events(ctx, false),
  'play-log': (ctx) => events(ctx, true),
  async commands(ctx) {
    const req = {
      stationId: flagString(ctx.p, 'station') ?? '',
      limit: flagInt(ctx.p, 'limit', 1, 10_000) ?? 50,
    };
    const r = await ctx.hub().call<{ commands: CommandInfo__Output[] }>('ListCommands', req);
    show(ctx, r.commands.map(plainCommand), () =>
      r.commands.map((c) => renderCommand(c, ctx.lang)).join('\n'),
    );
  },
};
