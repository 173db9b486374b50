/**
 * Playing an item from its PCM bridge (src/media/bridges.ts) and splicing its decoder in.
 *
 * Armed, the item holds only the first ~2 s of the bridge in the source's jitter buffer, and
 * no ffmpeg child. At takeover (the first frame read from it) the item's decoder is started
 * from the beginning of the file while the bridge keeps the buffer filled; the decoder's
 * output is the same bytes (the same ffmpeg, the same options), so everything it produces
 * before the splice point (the bytes already fed) is dropped and the rest follows on,
 * sample-exactly. Every bridge block is checked against its sha256 before it is fed.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import type { BridgeInfo } from '../media/bridges.js';

/** A continuous byte stream fed from two producers that both start at byte 0. */
export class Splice {
  /** Bytes fed so far (the splice point). */
  fed = 0;

  /** The part of `chunk` (at stream position `pos`) not fed yet, if it joins on; undefined if not. */
  offer(pos: number, chunk: Buffer): Buffer | undefined {
    const end = pos + chunk.length;
    if (end <= this.fed || pos > this.fed) return undefined;
    const part = pos === this.fed ? chunk : chunk.subarray(this.fed - pos);
    this.fed = end;
    return part;
  }
}

/** Reads a bridge's PCM file, one verified block at a time. */
export class BridgeReader {
  private fh: FileHandle | undefined;
  private block: { index: number; buf: Buffer } | undefined;

  constructor(readonly info: BridgeInfo) {}

  /** Up to `max` bytes at `pos` (never across a block end); undefined past the end. Throws if a block does not match. */
  async read(pos: number, max: number): Promise<Buffer | undefined> {
    const { blockBytes, bytes } = this.info;
    if (pos >= bytes || max <= 0) return undefined;
    const index = Math.floor(pos / blockBytes);
    const buf = await this.loadBlock(index);
    const from = pos - index * blockBytes;
    return buf.subarray(from, Math.min(buf.length, from + max));
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    this.block = undefined;
    await fh?.close().catch(() => undefined);
  }

  private async loadBlock(index: number): Promise<Buffer> {
    if (this.block?.index === index) return this.block.buf;
    const { blockBytes, bytes, blocks } = this.info;
    const len = Math.min(blockBytes, bytes - index * blockBytes);
    this.fh ??= await open(this.info.pcm, 'r');
    // a fresh buffer per block: the jitter buffer keeps slices of it until they are played
    const buf = Buffer.allocUnsafe(len);
    const { bytesRead } = await this.fh.read(buf, 0, len, index * blockBytes);
    const sha = createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
    if (bytesRead !== len || sha !== blocks[index]) {
      const why = `block ${index} ${bytesRead !== len ? 'is short' : `sha256 ${sha.slice(0, 12)}… does not match`}`;
      this.info.reject(why);
      throw new Error(`PCM bridge not aired: ${why}`);
    }
    this.block = { index, buf };
    return buf;
  }
}

/** What a bridged item asks of its source. */
export interface BridgeHost {
  /** Bytes the jitter buffer takes before the decoder would be paused. */
  room(): number;
  feed(chunk: Buffer): void;
  /** The bridge failed a check, or ran out: whatever waited for its end may go on. */
  bridgeEnded(why: string | undefined): void;
}

export type BridgePhase = 'armed' | 'bridging' | 'spliced' | 'drained';

/** One item played from its bridge, then from its decoder. */
export class BridgePlay {
  phase: BridgePhase = 'armed';
  readonly splice = new Splice();
  private decodedPos = 0;
  private pumping = false;

  private constructor(
    private readonly reader: BridgeReader,
    private readonly host: BridgeHost,
  ) {}

  get info(): BridgeInfo {
    return this.reader.info;
  }

  /** Reads the first `want` bytes (verified) to hold while armed; undefined if the bridge fails. */
  static async arm(
    info: BridgeInfo,
    host: BridgeHost,
    want: number,
  ): Promise<{ play: BridgePlay; preload: Buffer[] } | undefined> {
    const reader = new BridgeReader(info);
    const preload: Buffer[] = [];
    let pos = 0;
    try {
      while (pos < want) {
        const b = await reader.read(pos, want - pos);
        if (!b) break;
        preload.push(b);
        pos += b.length;
      }
    } catch {
      await reader.close();
      return undefined;
    }
    return { play: new BridgePlay(reader, host), preload };
  }

  /** Feeds the preload read by arm() (the source commits it all at once). */
  commit(preload: Buffer[]): void {
    for (const b of preload) {
      const part = this.splice.offer(this.splice.fed, b);
      if (part) this.host.feed(part);
    }
  }

  /** The first frame was read: the bridge plays on (the caller starts the decoder). */
  takeover(): void {
    if (this.phase !== 'armed') return;
    this.phase = 'bridging';
    void this.pump();
  }

  /** Still feeding from the bridge (the decoder has not caught up). */
  get feeding(): boolean {
    return this.phase === 'armed' || this.phase === 'bridging';
  }

  /** Decoder output from the start of the file: the part past the splice point, or nothing. */
  fromDecoder(chunk: Buffer): Buffer | undefined {
    const pos = this.decodedPos;
    this.decodedPos += chunk.length;
    if (this.phase === 'armed') return undefined;
    const part = this.splice.offer(pos, chunk);
    if (part && this.feeding) this.end('spliced', undefined);
    return part;
  }

  /** Tops the buffer up from the bridge; called after every frame read while bridging. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.phase === 'bridging' && this.host.room() > 0) {
        const at = this.splice.fed;
        const b = await this.reader.read(at, this.host.room());
        if (this.phase !== 'bridging') break;
        if (!b) {
          this.end('drained', undefined);
          break;
        }
        const part = this.splice.offer(at, b);
        if (part) this.host.feed(part);
      }
    } catch (e) {
      this.end('drained', (e as Error).message);
    } finally {
      this.pumping = false;
    }
  }

  close(): Promise<void> {
    if (this.feeding) this.phase = 'drained';
    return this.reader.close();
  }

  private end(phase: 'spliced' | 'drained', why: string | undefined): void {
    this.phase = phase;
    void this.reader.close();
    this.host.bridgeEnded(why);
  }
}
