/** stationctl's core commands: status, power, zones, lockout, events, simulator faults. */

import type { StationStatus } from '../../api/status.js';
import { keyed } from '../../core/errors.js';
import type { StationEvent } from '../../core/events.js';
import { AUDIT_KIND } from '../../security/audit.js';
import { flagInt, flagString, got, onOff } from '../args.js';
import { type Command, show } from './context.js';
import { renderEvents, renderStatus } from './format.js';

export const coreUsage = [
  'run --profile NAME|FILE --data-dir DIR [--station-id ID] [--district HOST:PORT] [--allow-silent-output]   run the station (the daemon; a real board without a sound output refuses to start unless --allow-silent-output)',
  'status                         what the station is doing now',
  'power on|off                   the amplifier/transmitter chain, in sequence',
  'zone N on|off                  one loudspeaker zone',
  'reset-lockout                  clear a transmitter lockout (after checking the antenna)',
  'events [--limit N] [--kind K] [--since-seq N] [--severity alarm] [--audit]   (--audit: who ran which command)',
  'sim fault NAME [--zone N] [--channel OUT] [--count N]   (simulator only)',
  'sim clear [KEY]',
];

export const coreCommands: Record<string, Command> = {
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
      throw keyed(
        'INVALID_ARGUMENT',
        `zone: a zone number such as 1 (got ${n === undefined ? 'nothing' : `"${n}"`})`,
        'r.zoneNumber',
        { got: got(n) },
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
      kind: ctx.p.flags.has('audit') ? AUDIT_KIND : flagString(ctx.p, 'kind'),
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
    throw keyed(
      'INVALID_ARGUMENT',
      `sim: allowed "fault" or "clear" (got ${sub === undefined ? 'nothing' : `"${sub}"`})`,
      'r.sub',
      { what: 'sim', allowed: '"fault", "clear"', got: got(sub) },
    );
  },
};
