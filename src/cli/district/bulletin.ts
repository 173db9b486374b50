/**
 * districtctl bulletin text|preview: the text travels, the speech is made at each station
 * (a few hundred bytes on the link instead of megabytes of recording). `preview` renders the
 * same text with the same engine and voice here, into a WAV the operator can listen to first.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { LoaError } from '../../core/errors.js';
import { translate } from '../../core/i18n.js';
import { pitchSchema, speedSchema, voiceSchema } from '../../speech/config.js';
import type { TtsEngine } from '../../speech/engine.js';
import { EspeakEngine } from '../../speech/espeak.js';
import { SherpaEngine } from '../../speech/sherpa.js';
import { resolveVitsModel, systemEspeakData } from '../../speech/sherpa-model.js';
import { Speaker } from '../../speech/speaker.js';
import { checkText } from '../../speech/text.js';
import { flagInt, flagString } from '../args.js';
import { speechMessages } from '../station/messages-speech.js';
import { send } from './actions.js';
import { bulletinHeard } from './bulletin-heard.js';
import { bulletinSend, bulletinSendUsage } from './bulletin-send.js';
import { type DCommand, type DCtx, selection, show } from './context.js';

export const bulletinUsage = [
  '  bulletin text TEXT|--file F (--stations a,b | --all) [--tier normal|priority|emergency] [--repeat N] [--voice V] [--zones 1,2] [--wait S]',
  bulletinSendUsage,
  '  bulletin preview TEXT|--file F --out F.wav [--voice V] [--speed WPM] [--pitch P] [--model DIR]   hear it before sending (--model: a natural voice)',
  '  bulletin list [--station S] [--limit N]   bulletins sent (text, recorded; operators and CAP), their command ids',
  '  bulletin show ID   per station: heard (amplifier + zones confirmed), when, which zones',
  '  cap list [--since 30d] | cap show ID | cap cancel ID   CAP alerts received by the hub (docs/speech.md)',
];

function textOf(ctx: DCtx, args: string[]): string {
  const file = flagString(ctx.p, 'file');
  if (file !== undefined) {
    if (args.length) throw new LoaError('INVALID_ARGUMENT', 'bulletin: give the text or --file, not both');
    try {
      return checkText(readFileSync(file, 'utf8'));
    } catch (e) {
      if (e instanceof LoaError) throw e;
      throw new LoaError(
        'NOT_FOUND',
        `--file: ${file} cannot be read (${(e as NodeJS.ErrnoException).code})`,
      );
    }
  }
  if (!args.length) throw new LoaError('INVALID_ARGUMENT', translate(speechMessages, ctx.lang, 'say.noText'));
  return checkText(args.join(' '));
}

function option<T>(
  schema: { safeParse(x: unknown): { success: boolean; data?: T } },
  v: unknown,
  flag: string,
  allowed: string,
): T | undefined {
  if (v === undefined) return undefined;
  const r = schema.safeParse(v);
  if (!r.success) throw new LoaError('INVALID_ARGUMENT', `--${flag}: ${allowed} (got "${String(v)}")`);
  return r.data;
}

function voiceFlag(ctx: DCtx): string | undefined {
  return option(
    voiceSchema,
    flagString(ctx.p, 'voice'),
    'voice',
    'allowed vi, vi-vn-x-central, vi-vn-x-south',
  );
}

async function text(ctx: DCtx, args: string[]): Promise<void> {
  const body = textOf(ctx, args);
  selection(ctx.p); // refuse a missing --stations/--all before anything is sent
  const zones = flagString(ctx.p, 'zones');
  const voice = voiceFlag(ctx);
  return send(ctx, 'bulletin.text', {
    text: body,
    tier: flagString(ctx.p, 'tier') ?? 'normal',
    repeat: flagInt(ctx.p, 'repeat', 1, 10) ?? 1,
    ...(voice ? { voice } : {}),
    ...(zones ? { zones: zones === 'all' ? 'all' : zones.split(',').map(Number) } : {}),
  });
}

/** espeak-ng, or with --model DIR the natural voice the stations have (no fallback: asked for). */
async function previewEngine(model: string | undefined): Promise<TtsEngine> {
  if (!model) return new EspeakEngine();
  return new SherpaEngine({
    files: resolveVitsModel(resolve(model), await systemEspeakData()),
    threads: 2,
    speaker: 0,
  });
}

async function preview(ctx: DCtx, args: string[]): Promise<void> {
  const body = textOf(ctx, args);
  const out = flagString(ctx.p, 'out');
  if (!out) throw new LoaError('INVALID_ARGUMENT', '--out: the WAV file to write the preview to');
  const engine = await previewEngine(flagString(ctx.p, 'model'));
  const speaker = new Speaker({ engine, defaults: { voice: 'vi', speed: 140, pitch: 50 }, tmpDir: tmpdir() });
  const r = await speaker
    .renderTo(
      {
        text: body,
        voice: voiceFlag(ctx),
        speed: option(speedSchema, flagInt(ctx.p, 'speed', 0, 1000), 'speed', 'words per minute, 80 to 300'),
        pitch: option(pitchSchema, flagInt(ctx.p, 'pitch', 0, 1000), 'pitch', '0 to 99'),
      },
      resolve(out),
    )
    .finally(() => (engine instanceof SherpaEngine ? engine.close() : undefined));
  show(ctx, r, () =>
    translate(speechMessages, ctx.lang, 'preview.written', {
      file: r.path,
      voice: r.voice,
      engine: `${r.engine} ${r.engineVersion}`,
      spoken: r.spoken,
    }),
  );
}

export const bulletinCommand: DCommand = async (ctx, [sub, ...rest]) => {
  if (sub === 'text') return text(ctx, rest);
  if (sub === 'preview') return preview(ctx, rest);
  if (sub === 'send') return bulletinSend(ctx, rest);
  if (sub === 'list' || sub === 'show') return bulletinHeard(ctx, sub, rest[0]);
  throw new LoaError(
    'INVALID_ARGUMENT',
    `bulletin: allowed "text TEXT", "send --file F|--media SHA256", "preview TEXT --out F.wav", "list" or "show ID" (got ${sub ? `"${sub}"` : 'nothing'})`,
  );
};
