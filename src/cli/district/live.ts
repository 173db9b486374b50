/**
 * districtctl live speak --stations a,b [--tier priority|emergency] [--zones 1,2] --from FILE|-
 * Speaks to the chosen stations now: the file (or stdin: a microphone through arecord, a pipe)
 * is encoded by ffmpeg to Opus in WebM — what a browser's MediaRecorder sends, so the hub
 * treats both alike — at the pace it is heard (-re), and streamed to the hub chunk by chunk.
 */
import { spawn } from 'node:child_process';
import { FFMPEG } from '../../audio/pcm.js';
import { LoaError } from '../../core/errors.js';
import { flagString } from '../args.js';
import { type DCommand, type DCtx, existingFile, selection, show } from './context.js';

/** Speech in Opus: 20 kbit/s mono is near transparent for a voice (RFC 6716 §2.1.1: 16–20 kbit/s wideband speech) and ≈ 180 kB a minute in WebM. */
export const LIVE_OPUS_ARGS = [
  '-ac',
  '1',
  '-ar',
  '48000',
  '-c:a',
  'libopus',
  '-b:a',
  '20k',
  '-application',
  'voip',
  '-frame_duration',
  '20',
  '-f',
  'webm',
  '-live',
  '1',
  '-cluster_time_limit',
  '100',
  '-flush_packets',
  '1',
  'pipe:1',
];

export function encoderArgs(from: string): string[] {
  const input = from === '-' ? ['-i', 'pipe:0'] : ['-re', '-i', from];
  return ['-hide_banner', '-nostats', '-loglevel', 'error', ...input, ...LIVE_OPUS_ARGS];
}

async function speak(ctx: DCtx): Promise<void> {
  const sel = selection(ctx.p);
  if (sel.all)
    throw new LoaError(
      'INVALID_ARGUMENT',
      'live speak: name the stations (--stations a,b); --all is not allowed for live voice',
    );
  const tier = flagString(ctx.p, 'tier') ?? 'priority';
  if (tier !== 'priority' && tier !== 'emergency')
    throw new LoaError('INVALID_ARGUMENT', `--tier: priority or emergency (got "${tier}")`);
  const fromFlag = flagString(ctx.p, 'from');
  if (!fromFlag)
    throw new LoaError('INVALID_ARGUMENT', '--from FILE|-: what to say (a file, or - for stdin)');
  const from = fromFlag === '-' ? '-' : existingFile(fromFlag, '--from');
  const zonesFlag = flagString(ctx.p, 'zones');
  const zones = zonesFlag ? zonesFlag.split(',').map(Number) : [];
  const stream = ctx.hub().speak({ stationIds: sel.stationIds, tier, format: 'webm', zones });
  const enc = spawn(FFMPEG, encoderArgs(from), {
    stdio: [from === '-' ? 'inherit' : 'ignore', 'pipe', 'pipe'],
  });
  let err = '';
  enc.stderr.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-500);
  });
  const onInt = () => enc.kill('SIGTERM');
  process.once('SIGINT', onInt);
  try {
    for await (const chunk of enc.stdout as AsyncIterable<Buffer>) await stream.send(chunk);
    const code = await new Promise<number | null>((r) =>
      enc.exitCode !== null ? r(enc.exitCode) : enc.once('close', r),
    );
    if (code !== 0 && code !== null && code !== 255)
      throw new LoaError('INVALID_ARGUMENT', `--from: ffmpeg could not read it: ${err.trim()}`);
    const r = await stream.end();
    show(ctx, r, () =>
      ctx.t('live.spoke', {
        stations: r.stationIds.join(', '),
        seconds: Math.round(Number(r.durationMs) / 100) / 10,
        kb: Math.round(Number(r.bytes) / 1024),
        ended: r.ended,
        recording: r.recording,
      }),
    );
  } catch (e) {
    stream.cancel();
    enc.kill('SIGKILL');
    throw e;
  } finally {
    process.off('SIGINT', onInt);
  }
}

export const liveCommand: DCommand = async (ctx, [sub]) => {
  if (sub !== 'speak') throw new LoaError('INVALID_ARGUMENT', `live: speak (got "${sub ?? ''}")`);
  await speak(ctx);
};
