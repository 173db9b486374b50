/** stationctl say (a text bulletin read out by the station's voice) and voice (its settings). */
import { readFile } from 'node:fs/promises';
import { keyed, LoaError } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import type { SayResult } from '../../schedule/text-bulletin.js';
import { flagInt, flagString } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { speechMessages } from './messages-speech.js';

export const speechUsage = [
  'say TEXT|--file F [--tier normal|priority|emergency] [--repeat N] [--every S] [--voice V] [--zones 1,2|all]',
  '                                  read a notice out (chime, speech, chime) with the station voice',
  'say --stop                        stop the text bulletin on air',
  'voice                             the station voice: engine, accent, speed, pitch',
];

const t = (ctx: Ctx, key: string, vars?: Record<string, string | number>) =>
  translate(speechMessages, ctx.lang, key, vars);

async function textOf(ctx: Ctx, args: string[]): Promise<string> {
  const file = flagString(ctx.p, 'file');
  if (file !== undefined) {
    if (args.length) throw keyed('INVALID_ARGUMENT', 'say: give the text or --file, not both', 'r.sayBoth');
    return readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw keyed('NOT_FOUND', `--file: ${file} cannot be read (${e.code ?? e.message})`, 'r.unreadable', {
        path: file,
        why: String(e.code ?? e.message),
      });
    });
  }
  if (!args.length) throw new LoaError('INVALID_ARGUMENT', t(ctx, 'say.noText'));
  return args.join(' ');
}

function zonesOf(v: string | undefined): number[] | 'all' {
  if (v === undefined || v === 'all') return 'all';
  const zones = v.split(',').map((s) => Number(s.trim()));
  if (!zones.every((z) => Number.isInteger(z) && z >= 1))
    throw keyed('INVALID_ARGUMENT', `--zones: zone numbers such as 1,3 or "all" (got "${v}")`, 'r.zonesAll', {
      got: v,
    });
  return zones;
}

async function say(ctx: Ctx, args: string[]): Promise<void> {
  if (ctx.p.flags.has('stop')) {
    const r = await ctx.call('bulletin.stop');
    return show(ctx, r, () => t(ctx, 'say.stopped'));
  }
  const params = {
    text: await textOf(ctx, args),
    tier: flagString(ctx.p, 'tier') ?? 'normal',
    repeat: flagInt(ctx.p, 'repeat', 1, 10) ?? 1,
    everyS: flagInt(ctx.p, 'every', 0, 3600) ?? 0,
    zones: zonesOf(flagString(ctx.p, 'zones')),
    ...(flagString(ctx.p, 'voice') ? { voice: flagString(ctx.p, 'voice') } : {}),
  };
  const r = (await ctx.call('bulletin.text', params)) as SayResult;
  show(ctx, r, () =>
    t(ctx, 'say.started', {
      tier: t(ctx, `tier.${r.tier ?? params.tier}`),
      id: r.id ?? '',
      zones: (r.zones ?? []).join(','),
      repeat: r.repeat ?? params.repeat,
      voice: r.rendered.voice,
      engine: r.rendered.engine,
      version: r.rendered.engineVersion,
      cached: r.rendered.cached ? t(ctx, 'say.cached') : '',
      spoken: r.rendered.spoken,
    }),
  );
}

interface VoiceStatus {
  engine: string;
  version: string | null;
  available: boolean;
  problem?: string;
  voice: string;
  speed: number;
  pitch: number;
  voices: string[];
  natural?: { model: string; state: string; error?: string };
}

/** The natural voice's line under the voice's: loading, or why espeak-ng reads instead. */
function naturalLine(ctx: Ctx, r: VoiceStatus): string {
  const n = r.natural;
  if (!n || n.state === 'loaded') return '';
  return `\n${t(ctx, `voice.natural.${n.state === 'failed' ? 'failed' : 'loading'}`, { model: n.model, error: n.error ?? '' })}`;
}

export const speechCommands: Record<string, Command> = {
  async say(ctx, args) {
    await say(ctx, args);
  },
  async voice(ctx) {
    const r = (await ctx.call('speech.status')) as VoiceStatus;
    show(
      ctx,
      r,
      () =>
        (r.available
          ? t(ctx, 'voice.status', {
              voice: r.voice,
              engine: r.engine,
              version: r.version ?? '',
              speed: r.speed,
              pitch: r.pitch,
              voices: r.voices.join(', '),
            })
          : t(ctx, 'voice.missing', { problem: r.problem ?? '' })) + naturalLine(ctx, r),
    );
  },
};
