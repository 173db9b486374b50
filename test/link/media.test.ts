import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoaError } from '../../src/core/errors.js';
import { type ChunkReader, DirMediaCache, MediaFetcher } from '../../src/uplink/media.js';
import { tempDir } from '../helpers/sim-station.js';

/** A reader over an in-memory "hub" file that can be told to fail after n chunks (a broken link). */
function hub(data: Buffer) {
  const h = { reads: [] as number[], failAfter: Number.POSITIVE_INFINITY };
  const reader: ChunkReader = async (_sha, offset, length) => {
    if (h.reads.length >= h.failAfter) throw new LoaError('UNAVAILABLE', 'link down');
    h.reads.push(offset);
    return { data: data.subarray(offset, offset + length), total: data.length };
  };
  return { h, reader };
}

describe('media fetch', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('resumes a broken download from what it has, verifies it, and puts it in the cache', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const data = randomBytes(100_000);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const ref = { sha256, sizeBytes: data.length, name: 'bulletin.mp3' };
    const { h, reader } = hub(data);
    const f = new MediaFetcher(
      new DirMediaCache(join(dir, 'cache')),
      join(dir, 'part'),
      () => reader,
      16_384,
    );
    h.failAfter = 3;
    await expect(f.ensure(ref)).rejects.toThrow(/link down/);
    expect(statSync(join(dir, 'part', `${sha256}.part`)).size).toBe(3 * 16_384);
    h.failAfter = Number.POSITIVE_INFINITY;
    const path = await f.ensure(ref);
    expect(h.reads).toEqual([0, 16_384, 32_768, 49_152, 65_536, 81_920, 98_304]);
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(path).toBe(join(dir, 'cache', sha256));
    expect(await f.ensure(ref)).toBe(path); // cached: no more reads
    expect(h.reads).toHaveLength(7);
  });

  it('refuses a file whose content does not match its sha256, keeping nothing', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const data = randomBytes(5000);
    const { reader } = hub(data);
    const ref = { sha256: 'a'.repeat(64), sizeBytes: data.length, name: 'x' };
    const f = new MediaFetcher(new DirMediaCache(join(dir, 'cache')), join(dir, 'part'), () => reader, 4096);
    await expect(f.ensure(ref)).rejects.toThrow(/does not match/);
    expect(existsSync(join(dir, 'part', `${ref.sha256}.part`))).toBe(false);
    expect(existsSync(join(dir, 'cache', ref.sha256))).toBe(false);
  });

  it('gives a priority fetch the next chunk turn ahead of a background download', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const big = randomBytes(64 * 1024);
    const small = randomBytes(2048);
    const order: string[] = [];
    const files = new Map([
      [createHash('sha256').update(big).digest('hex'), big],
      [createHash('sha256').update(small).digest('hex'), small],
    ]);
    const reader: ChunkReader = async (sha, offset, length) => {
      const d = files.get(sha) as Buffer;
      order.push(d === big ? 'big' : 'small');
      await new Promise((r) => setImmediate(r));
      return { data: d.subarray(offset, offset + length), total: d.length };
    };
    const f = new MediaFetcher(new DirMediaCache(join(dir, 'cache')), join(dir, 'part'), () => reader, 4096);
    const [bigSha, smallSha] = [...files.keys()] as [string, string];
    const bg = f.ensure({ sha256: bigSha, sizeBytes: big.length, name: 'big' });
    for (let i = 0; i < 1000 && order.length < 2; i++) await new Promise((r) => setTimeout(r, 1));
    const asked = order.length;
    await f.ensure({ sha256: smallSha, sizeBytes: small.length, name: 'small' }, true);
    const got = order.indexOf('small');
    expect(asked).toBeGreaterThan(0); // the background download was under way
    // only the chunk already in flight (and at most one granted while the request was checked) went first
    expect(got - asked).toBeLessThanOrEqual(2);
    expect(order.slice(got).filter((o) => o === 'big').length).toBeGreaterThan(0); // the big one was not done
    await bg;
    expect(order.filter((o) => o === 'big')).toHaveLength(16);
  });
});
