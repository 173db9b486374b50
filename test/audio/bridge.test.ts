/**
 * The fallback's PCM bridge at the unit level: a bridged playlist armed without a decoder,
 * the bridge → decoder splice continuous to the byte, a corrupt bridge block never aired,
 * and re-arming off air. The decoder is a scripted stand-in producing the same bytes the
 * bridge holds (as ffmpeg does); the bridge is a real file; the clock is a ManualClock.
 */
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Splice } from '../../src/audio/bridge-play.js';
import { Children } from '../../src/audio/children.js';
import type { DecoderEvents } from '../../src/audio/decoder.js';
import { DEFAULT_LIMITS } from '../../src/audio/health.js';
import { FRAME_BYTES } from '../../src/audio/pcm.js';
import { type DecoderLike, SequenceSource } from '../../src/audio/sequence-source.js';
import { ManualClock } from '../../src/core/clock.js';
import { BRIDGE_BLOCK_BYTES, type BridgeInfo } from '../../src/media/bridges.js';
import { tempDir } from '../helpers/sim-station.js';

/** Byte stream whose 32-bit words count up: any gap, repeat or shift shows. */
function pattern(from: number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4) b.writeUInt32LE((from + i) / 4, i);
  return b;
}

function firstBreak(data: Buffer): number {
  for (let i = 0; i + 4 <= data.length; i += 4) if (data.readUInt32LE(i) !== i / 4) return i;
  return -1;
}

class ScriptedDecoder implements DecoderLike {
  pos = 0;
  paused = false;
  killed = false;
  running = true;
  constructor(private readonly ev: DecoderEvents) {}
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  async kill(): Promise<void> {
    this.killed = true;
    this.running = false;
  }
  /** Emits `n` bytes unless paused (ffmpeg stops writing when its pipe is not read). */
  emit(n: number): boolean {
    if (this.paused || this.killed) return false;
    this.ev.pcm(pattern(this.pos, n));
    this.pos += n;
    return true;
  }
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const tick = () => new Promise((r) => setTimeout(r, 1));
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await tick();
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

function rig(blocks = 3, o: { noBridgeYet?: boolean } = {}) {
  const dir = tempDir('loa-bridge-');
  dirs.push(dir);
  const pcm = join(dir, 'x.pcm');
  const bytes = blocks * BRIDGE_BLOCK_BYTES;
  const data = pattern(0, bytes);
  writeFileSync(pcm, data);
  const hashes: string[] = [];
  for (let i = 0; i < bytes; i += BRIDGE_BLOCK_BYTES)
    hashes.push(
      createHash('sha256')
        .update(data.subarray(i, i + BRIDGE_BLOCK_BYTES))
        .digest('hex'),
    );
  const rejected: string[] = [];
  const info: BridgeInfo = {
    bytes,
    complete: false,
    blocks: hashes,
    media: join(dir, 'x.wav'),
    pcm,
    blockBytes: BRIDGE_BLOCK_BYTES,
    reject: (why) => rejected.push(why),
  };
  let made = !o.noBridgeYet;
  const clock = new ManualClock();
  const decoders: ScriptedDecoder[] = [];
  const src = new SequenceSource(
    'fallback:fallback:source',
    { kind: 'playlist', paths: ['media:x'], loop: true, bridge: true },
    {
      clock,
      children: new Children(),
      limits: DEFAULT_LIMITS,
      sizes: { prerollMs: 200, maxMs: 2000 },
      resolve: async (p) => p,
      bridge: async () => (made ? info : undefined),
      rearmMs: 2000,
      decoder: (_input, ev) => {
        const d = new ScriptedDecoder(ev);
        decoders.push(d);
        return d;
      },
    },
  );
  const out: Buffer[] = [];
  /** Reads n frames as the engine does (state, then read), 20 ms apart. */
  const play = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await clock.advance(20);
      src.state(clock.monotonic());
      const f = src.read();
      if (!f) throw new Error(`underrun at frame ${out.length}`);
      out.push(f);
      await tick();
    }
  };
  const makeBridge = () => {
    made = true;
  };
  return { src, clock, decoders, out, play, info, pcm, rejected, data, makeBridge };
}

describe('Splice', () => {
  it('joins a second producer that starts at byte 0 exactly where the first stopped', () => {
    const s = new Splice();
    expect(s.offer(0, pattern(0, 1000))?.length).toBe(1000);
    expect(s.offer(0, pattern(0, 600))).toBeUndefined();
    const part = s.offer(600, pattern(600, 800)) as Buffer;
    expect(part.readUInt32LE(0)).toBe(1000 / 4);
    expect(s.fed).toBe(1400);
    expect(s.offer(2000, pattern(2000, 4))).toBeUndefined();
  });
});

describe('a bridged playlist', () => {
  it('is armed without a decoder, and plays bridge then decoder without a byte missing or repeated', async () => {
    const r = rig(20);
    await r.src.start();
    expect(r.decoders).toHaveLength(0);
    expect(r.src.detail()).toMatchObject({ decoder: false, bridge: 'armed' });
    expect(r.src.state(r.clock.monotonic()).healthy).toBe(true);
    await r.play(1);
    expect(r.decoders).toHaveLength(1);
    // 1.5 s from the bridge while the decoder starts, then it runs ahead and is spliced in
    await r.play(75);
    const dec = r.decoders[0] as ScriptedDecoder;
    for (let i = 0; i < 100 && r.src.detail().bridge !== 'spliced'; i++) dec.emit(50_000);
    expect(r.src.detail().bridge).toBe('spliced');
    for (let i = 0; i < 200; i++) {
      await r.play(1);
      while (dec.emit(7_680)) if (r.src.buffer.bytes > 300_000) break;
    }
    const heard = Buffer.concat(r.out);
    expect(heard.length).toBe(276 * FRAME_BYTES);
    // the splice point (frames read then + at most a full buffer) lies inside what was heard
    expect(heard.length).toBeGreaterThan(76 * FRAME_BYTES + 2000 * 192);
    expect(firstBreak(heard)).toBe(-1);
  });

  it('runs on the bridge past its end only through the decoder, continuous', async () => {
    const r = rig(1);
    await r.src.start();
    await r.play(40);
    const dec = r.decoders[0] as ScriptedDecoder;
    // a slow decoder: the bridge (1 s) is all played before it catches up
    await until(() => r.src.detail().bridge === 'drained', 'the bridge to run out');
    dec.emit(BRIDGE_BLOCK_BYTES + 80 * FRAME_BYTES);
    await r.play(60);
    expect(firstBreak(Buffer.concat(r.out))).toBe(-1);
  });

  it('never airs a bridge block that fails its hash: the decoder fills from the splice point', async () => {
    const r = rig(4);
    const bad = Buffer.from(r.data);
    // block 2: past what the armed source holds (1.8 s), read at takeover
    bad.writeUInt32LE(0xdeadbeef, 2 * BRIDGE_BLOCK_BYTES + 100);
    writeFileSync(r.pcm, bad);
    await r.src.start();
    await r.play(30);
    await until(() => r.rejected.length > 0, 'the bad block');
    expect(r.rejected[0]).toMatch(/block 2 sha256/);
    const dec = r.decoders[0] as ScriptedDecoder;
    for (let i = 0; i < 150; i++) {
      while (dec.pos < 4 * BRIDGE_BLOCK_BYTES && dec.emit(65_536));
      await r.play(1);
    }
    const heard = Buffer.concat(r.out);
    expect(firstBreak(heard)).toBe(-1);
    expect(heard.includes(Buffer.from([0xef, 0xbe, 0xad, 0xde]))).toBe(false);
  });

  it('re-arms off air: the decoder is closed and the item starts again from its bridge', async () => {
    const r = rig();
    await r.src.start();
    await r.play(10);
    const dec = r.decoders[0] as ScriptedDecoder;
    await r.clock.advance(2100);
    r.src.state(r.clock.monotonic());
    await until(() => dec.killed, 'the decoder to be closed');
    expect(r.src.detail()).toMatchObject({ decoder: false, bridge: 'armed', rearms: 1 });
    const f = r.src.read() as Buffer;
    expect(f.readUInt32LE(0)).toBe(0);
    expect(r.decoders).toHaveLength(2);
  });

  it('armed with a decoder while its bridge is being made, it re-arms from the bridge once made', async () => {
    const r = rig(3, { noBridgeYet: true });
    await r.src.start();
    expect(r.decoders).toHaveLength(1);
    const dec = r.decoders[0] as ScriptedDecoder;
    r.src.state(r.clock.monotonic());
    await tick();
    expect(dec.killed).toBe(false);
    r.makeBridge();
    await r.clock.advance(31_000);
    r.src.state(r.clock.monotonic());
    await until(() => dec.killed, 'the decoder to be closed');
    expect(r.src.detail()).toMatchObject({ decoder: false, bridge: 'armed', rearms: 1 });
  });
});
