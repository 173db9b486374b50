/**
 * districtctl bulletin send: a recorded bulletin (the district's own file) at normal or
 * priority to chosen stations (issue 17 item 7). `--file F` uploads it first (the hub checks it
 * with ffprobe); `--media SHA256` names a file already at the hub (uploaded from the console,
 * say). The station fetches it by sha256, verifies it and plays it through the announcement
 * runner at that tier; a lower tier waits for a higher one on air (docs/console.md).
 */
import { LoaError } from '../../core/errors.js';
import { flagInt, flagString } from '../args.js';
import { send } from './actions.js';
import { type DCtx, existingFile, selection } from './context.js';

const SHA = /^[0-9a-f]{64}$/;

export const bulletinSendUsage =
  '  bulletin send --file F|--media SHA256 (--stations a,b | --all) [--tier normal|priority] [--repeat N] [--zones 1,2] [--wait-slot S] [--wait S]';

async function audioOf(ctx: DCtx): Promise<{ sha256: string; sizeBytes?: number; name?: string }> {
  const file = flagString(ctx.p, 'file');
  const media = flagString(ctx.p, 'media');
  if ((file === undefined) === (media === undefined))
    throw new LoaError('INVALID_ARGUMENT', ctx.t('bulletin.fileOrMedia'));
  if (media !== undefined) {
    if (!SHA.test(media)) throw new LoaError('INVALID_ARGUMENT', ctx.t('bulletin.badSha', { got: media }));
    return { sha256: media };
  }
  const ref = await ctx.hub().upload(existingFile(file, '--file'));
  if (!ctx.json)
    ctx.out(ctx.t('media.uploaded', { name: ref.name, size: ref.sizeBytes, sha: ref.sha256.slice(0, 12) }));
  return { sha256: ref.sha256, sizeBytes: Number(ref.sizeBytes), name: ref.name };
}

export async function bulletinSend(ctx: DCtx, args: string[]): Promise<void> {
  if (args.length)
    throw new LoaError('INVALID_ARGUMENT', ctx.t('bulletin.sendArgs', { got: args.join(' ') }));
  const tier = flagString(ctx.p, 'tier') ?? 'normal';
  if (tier !== 'normal' && tier !== 'priority')
    throw new LoaError('INVALID_ARGUMENT', ctx.t('bulletin.badTier', { got: tier }));
  selection(ctx.p); // refuse a missing --stations/--all before uploading anything
  const zones = flagString(ctx.p, 'zones');
  const repeat = flagInt(ctx.p, 'repeat', 1, 10);
  const waitS = flagInt(ctx.p, 'wait-slot', 0, 3600);
  const audio = await audioOf(ctx);
  return send(ctx, 'bulletin.play', {
    audio,
    tier,
    ...(repeat ? { repeat } : {}),
    ...(waitS !== undefined ? { waitS } : {}),
    ...(zones ? { zones: zones === 'all' ? 'all' : zones.split(',').map(Number) } : {}),
  });
}
