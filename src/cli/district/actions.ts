/**
 * districtctl's actions: emergency start/stop, schedule push, any command. Files (a bulletin,
 * a schedule's media) are uploaded to the hub first; stations fetch them from the hub.
 */
import { readFileSync } from 'node:fs';
import { LoaError } from '../../core/errors.js';
import type { CommandInfo__Output } from '../../gen/loa/district/v1/CommandInfo.js';
import type { MediaRef__Output } from '../../gen/loa/district/v1/MediaRef.js';
import { toStruct, toValue } from '../../wire/struct.js';
import { flagInt, flagString } from '../args.js';
import { plainCommand } from './commands.js';
import { type DCommand, type DCtx, existingFile, selection, show, ttlMs } from './context.js';
import { renderCommand } from './format.js';

const URL_RE = /^(https?|icecast|rtsp|srt):\/\//i;
const FINAL = new Set(['done', 'failed', 'refused', 'expired']);

async function upload(ctx: DCtx, path: string): Promise<MediaRef__Output> {
  const ref = await ctx.hub().upload(existingFile(path, 'file'));
  if (!ctx.json)
    ctx.out(ctx.t('media.uploaded', { name: ref.name, size: ref.sizeBytes, sha: ref.sha256.slice(0, 12) }));
  return ref;
}

/** Sends a command; with --wait S, polls until every station answered (or S seconds passed). */
export async function send(ctx: DCtx, method: string, params: unknown): Promise<void> {
  const req = { ...selection(ctx.p), method, params: toValue(params), ttlMs: ttlMs(ctx.p) };
  let cmds = (await ctx.hub().call<{ commands: CommandInfo__Output[] }>('SendCommand', req)).commands;
  const waitS = flagInt(ctx.p, 'wait', 0, 3600) ?? 0;
  const deadline = ctx.now() + waitS * 1000;
  for (
    let i = 0;
    waitS > 0 && i < 36_000 && !cmds.every((c) => FINAL.has(c.status)) && ctx.now() < deadline;
    i++
  ) {
    await new Promise((r) => setTimeout(r, 100));
    const ids = cmds.map((c) => c.id);
    cmds = (await ctx.hub().call<{ commands: CommandInfo__Output[] }>('ListCommands', { ids })).commands;
  }
  show(ctx, cmds.map(plainCommand), () => cmds.map((c) => renderCommand(c, ctx.lang)).join('\n'));
  if (cmds.some((c) => c.status === 'failed' || c.status === 'refused'))
    throw new LoaError(
      'REFUSED',
      cmds
        .filter((c) => c.status === 'failed' || c.status === 'refused')
        .map((c) => `${c.stationId}: ${c.message}`)
        .join('; '),
    );
}

async function emergency(ctx: DCtx, [sub, target]: string[]): Promise<void> {
  if (sub === 'stop') return send(ctx, 'emergency.stop', {});
  if (sub !== 'start')
    throw new LoaError(
      'INVALID_ARGUMENT',
      `emergency: allowed "start FILE|URL" or "stop" (got ${sub ? `"${sub}"` : 'nothing'})`,
    );
  if (!target) throw new LoaError('INVALID_ARGUMENT', 'emergency start: a bulletin FILE or a stream URL');
  selection(ctx.p); // refuse a missing --stations/--all before uploading anything
  const zones = flagString(ctx.p, 'zones');
  const extra = zones ? { zones: zones === 'all' ? 'all' : zones.split(',').map(Number) } : {};
  if (URL_RE.test(target)) return send(ctx, 'emergency.start', { source: target, ...extra });
  const ref = await upload(ctx, target);
  // the station fetches the file by content and passes its cached path to the emergency module
  const source = { sha256: ref.sha256, sizeBytes: ref.sizeBytes, name: ref.name };
  return send(ctx, 'emergency.start', { source, ...extra });
}

function readSchedule(path: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(existingFile(path, 'schedule'), 'utf8'));
  } catch (e) {
    if (e instanceof LoaError) throw e;
    throw new LoaError('INVALID_ARGUMENT', `schedule ${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new LoaError('INVALID_ARGUMENT', `schedule ${path}: a JSON object (the schedule document)`);
  return doc as Record<string, unknown>;
}

async function schedule(ctx: DCtx, [sub, file]: string[]): Promise<void> {
  if (sub !== 'push')
    throw new LoaError(
      'INVALID_ARGUMENT',
      `schedule: allowed "push FILE" (got ${sub ? `"${sub}"` : 'nothing'})`,
    );
  const doc = readSchedule(file ?? '');
  const sel = selection(ctx.p);
  const mediaFiles = (flagString(ctx.p, 'media') ?? '').split(',').filter(Boolean);
  for (const m of mediaFiles) existingFile(m, '--media');
  const media = [];
  for (const m of mediaFiles) media.push(await upload(ctx, m));
  const r = await ctx.hub().call<{ version: number; stationIds: string[] }>('PushSchedule', {
    ...sel,
    schedule: toStruct(doc),
    media,
  });
  show(ctx, r, () => ctx.t('schedule.pushed', { version: r.version, stations: r.stationIds.join(', ') }));
}

async function command(ctx: DCtx, [method]: string[]): Promise<void> {
  if (!method)
    throw new LoaError('INVALID_ARGUMENT', 'command: a station command name, e.g. command lines.check --all');
  const raw = flagString(ctx.p, 'params');
  let params: unknown = {};
  if (raw !== undefined)
    try {
      params = JSON.parse(raw);
    } catch (e) {
      throw new LoaError('INVALID_ARGUMENT', `--params: JSON (${(e as Error).message})`);
    }
  return send(ctx, method, params);
}

export const districtActionCommands: Record<string, DCommand> = { emergency, schedule, command };
