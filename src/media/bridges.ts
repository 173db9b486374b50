/**
 * PCM bridges: the first seconds of a cache file, decoded once to the engine's PCM format
 * (s16le, 48 kHz, stereo) and kept beside it (bridges/<sha256>.pcm). The armed fallback
 * playlist holds a little of its bridge in memory instead of a paused ffmpeg child; at
 * takeover it plays on from the bridge while a decoder starts, and the decoder's output is
 * spliced in after the bridge bytes already played (src/audio/bridge-play.ts).
 *
 * - A bridge is made only from a file that has just passed verification, through a temp file
 *   renamed in; the sha256 of each 1 s block is kept in the manifest, and every block is
 *   checked when it is read for air: a bridge that does not match is deleted, reported and
 *   not aired (the decoder plays instead).
 * - It goes with its file: evicting, quarantining or forgetting the file deletes it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { FFMPEG, FFMPEG_PCM } from './pcm-format.js';

/** One verified block: 1 s of PCM (192 000 bytes, a whole number of 20 ms frames). */
export const BRIDGE_BLOCK_BYTES = 192_000;

export const bridgeSchema = z.object({
  bytes: z.number().int().min(0),
  /** The file is shorter than the bridge: the bridge is all of it. */
  complete: z.boolean(),
  blocks: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BridgeMeta = z.infer<typeof bridgeSchema>;

/** What the audio engine needs to air a bridge (paths verified at the time it was asked). */
export interface BridgeInfo extends BridgeMeta {
  /** The media file itself, verified just now (the decoder opens it at takeover). */
  media: string;
  /** The bridge's PCM file. */
  pcm: string;
  blockBytes: number;
  /** A block did not match: the bridge is deleted and reported; the caller stops using it. */
  reject(why: string): void;
}

/**
 * Decodes the first `seconds` of `media` into `out` and hashes it block by block. One second
 * more is decoded and cut off exactly, so "the file is shorter than the bridge" is told by
 * the byte count, not by where ffmpeg's -t happens to stop.
 */
export async function makeBridge(media: string, out: string, seconds: number): Promise<BridgeMeta> {
  const limit = seconds * BRIDGE_BLOCK_BYTES;
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', media];
  args.push('-vn', '-map', '0:a:0', '-t', String(seconds + 1), ...FFMPEG_PCM, out);
  await new Promise<void>((resolve, reject) =>
    execFile(FFMPEG, args, { timeout: 120_000 }, (err, _o, stderr) =>
      err
        ? reject(
            new LoaError(
              'UNAVAILABLE',
              `bridge for ${media}: ${(stderr || err.message).trim().slice(0, 300)}`,
            ),
          )
        : resolve(),
    ),
  );
  const { size } = await stat(out);
  const complete = size <= limit;
  const fh = await open(out, 'r+');
  try {
    if (!complete) await fh.truncate(limit);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { bytes: complete ? size : limit, complete, blocks: await hashBlocks(out) };
}

async function hashBlocks(path: string): Promise<string[]> {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(BRIDGE_BLOCK_BYTES);
  const out: string[] = [];
  try {
    for (let pos = 0; ; pos += BRIDGE_BLOCK_BYTES) {
      const { bytesRead } = await fh.read(buf, 0, BRIDGE_BLOCK_BYTES, pos);
      if (bytesRead === 0) break;
      out.push(createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex'));
      if (bytesRead < BRIDGE_BLOCK_BYTES) break;
    }
  } finally {
    await fh.close();
  }
  return out;
}

/** The bridges folder of a cache: file names, making one in through a temp file, removal. */
export class BridgeFiles {
  private seq = 0;

  constructor(
    private readonly dir: string,
    private readonly tmpDir: string,
  ) {}

  pathOf(sha: string): string {
    return join(this.dir, `${sha}.pcm`);
  }

  async exists(sha: string, bytes: number): Promise<boolean> {
    const st = await stat(this.pathOf(sha)).catch(() => undefined);
    return st?.size === bytes;
  }

  /** Makes the bridge of a verified file: temp file, block hashes, rename in. */
  async make(sha: string, verifiedMedia: string, seconds: number): Promise<BridgeMeta> {
    const tmp = join(this.tmpDir, `bridge-${process.pid}-${++this.seq}.pcm`);
    try {
      const meta = await makeBridge(verifiedMedia, tmp, seconds);
      await rename(tmp, this.pathOf(sha));
      return meta;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  remove(sha: string): Promise<void> {
    return rm(this.pathOf(sha), { force: true });
  }
}

interface BridgedItems {
  items: Record<string, { name: string; bridge?: BridgeMeta | undefined } | undefined>;
}

/** What the bridges need of the media cache (cache.ts): lookups, verified paths, its manifest. */
export interface BridgedCache {
  lookupQuiet(ref: string): string | undefined;
  resolveForAir(ref: string): Promise<string>;
  readonly manifest: {
    readonly data: Readonly<BridgedItems>;
    update(fn: (m: BridgedItems) => void): void;
    flush(): Promise<void>;
  };
}

/** The cache's bridges: made for the fallback's items, handed out verified, dropped when bad. */
export class CacheBridges {
  constructor(
    private readonly cache: BridgedCache,
    private readonly files: BridgeFiles,
    private readonly events: EventSink,
  ) {}

  /** Makes the bridge of a cache file if it has none yet (from the file verified now). */
  async ensure(ref: string, seconds: number): Promise<void> {
    const sha = this.cache.lookupQuiet(ref);
    const have = sha ? this.cache.manifest.data.items[sha]?.bridge : undefined;
    if (!sha || (have && (await this.files.exists(sha, have.bytes)))) return;
    const meta = await this.files.make(sha, await this.cache.resolveForAir(ref), seconds);
    this.cache.manifest.update((m) => {
      const it = m.items[sha];
      if (it) it.bridge = meta;
    });
    await this.cache.manifest.flush();
  }

  /** The bridge of a cache file, with the file verified now; undefined when it has none. */
  async forAir(ref: string): Promise<BridgeInfo | undefined> {
    const sha = this.cache.lookupQuiet(ref);
    const meta = sha ? this.cache.manifest.data.items[sha]?.bridge : undefined;
    if (!sha || !meta) return undefined;
    const media = await this.cache.resolveForAir(ref);
    const reject = (why: string) => void this.drop(sha, why);
    return { ...meta, media, pcm: this.files.pathOf(sha), blockBytes: BRIDGE_BLOCK_BYTES, reject };
  }

  private async drop(sha: string, why: string): Promise<void> {
    const name = this.cache.manifest.data.items[sha]?.name ?? sha;
    this.cache.manifest.update((m) => {
      const it = m.items[sha];
      if (it) delete it.bridge;
    });
    await this.files.remove(sha);
    this.events.emit({
      kind: 'media.bridge-corrupt',
      severity: 'warning',
      sub: 'media',
      message: `the PCM bridge of ${name} failed verification and was deleted (the file itself still plays): ${why}`,
      text: { key: 'ev.media.bridge-corrupt', vars: { name } },
      details: { sha256: sha, name, why },
    });
  }
}
