import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { MemoryEvents } from '../../src/core/events.js';
import { MediaCache } from '../../src/media/cache.js';
import { tempDir } from '../helpers/sim-station.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A cache whose "ffprobe" accepts *.mp3 and refuses the rest (a fake driver; ffprobe itself runs in the daemon tests). */
async function cache(quotaMb?: number) {
  const dir = tempDir('loa-media-');
  const src = tempDir('loa-media-src-');
  dirs.push(dir, src);
  const clock = new ManualClock();
  const events = new MemoryEvents();
  const c = new MediaCache({
    dir,
    clock,
    events,
    probe: async (p) =>
      p.endsWith('.mp3') || p.includes('/tmp/in-')
        ? { ok: true, codec: 'mp3' }
        : { ok: false, error: 'no audio stream' },
  });
  await c.open();
  if (quotaMb) c.setQuota(quotaMb);
  const file = (name: string, kb: number) => {
    const p = join(src, name);
    writeFileSync(p, randomBytes(kb * 1024));
    return p;
  };
  return { c, dir, clock, events, file };
}

describe('media cache', () => {
  it('stores by sha256, airs only a file whose hash still matches', async () => {
    const { c, events, file, dir } = await cache();
    const it1 = await c.add(file('news.mp3', 10));
    expect(existsSync(join(dir, 'objects', it1.sha256))).toBe(true);
    expect(await c.resolveForAir('media:news.mp3')).toBe(join(dir, 'objects', it1.sha256));
    appendFileSync(join(dir, 'objects', it1.sha256), 'x');
    await expect(c.resolveForAir(`media:${it1.sha256}`)).rejects.toThrow(/not aired: content changed/);
    expect(events.events.find((e) => e.kind === 'media.corrupt')).toMatchObject({ severity: 'alarm' });
    expect(readdirSync(join(dir, 'quarantine'))).toHaveLength(1);
    expect(c.list()).toEqual([]);
  });

  it('a file verified a moment ago and rewritten in place (same size) is hashed again and refused', async () => {
    const { c, events, file, dir } = await cache();
    const it1 = await c.add(file('news.mp3', 10));
    const obj = join(dir, 'objects', it1.sha256);
    await c.resolveForAir(`media:${it1.sha256}`);
    writeFileSync(obj, randomBytes(10 * 1024));
    await expect(c.resolveForAir(`media:${it1.sha256}`)).rejects.toThrow(/not aired: content changed/);
    expect(events.kinds()).toContain('media.corrupt');
  });

  it('a download whose hash is not the expected one never lands', async () => {
    const { c, dir } = await cache();
    const body = Readable.from([randomBytes(5000)]);
    await expect(c.ingest(body, { name: 'dl.mp3', expectSha256: 'a'.repeat(64) })).rejects.toThrow(
      /does not match/,
    );
    expect(readdirSync(join(dir, 'objects'))).toEqual([]);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('refuses what is not audio, naming the file', async () => {
    const { c, file } = await cache();
    await expect(c.add(file('notes.txt', 1))).rejects.toThrow(
      /notes\.txt: not playable audio \(no audio stream\)/,
    );
    await expect(c.add('/nonexistent/x.mp3')).rejects.toThrow(/no such file/);
  });

  it('evicts least recently used first and never a pinned file', async () => {
    const { c, clock, file, events } = await cache(1);
    const a = await c.add(file('a.mp3', 400));
    await clock.advance(1000);
    const b = await c.add(file('b.mp3', 400));
    await clock.advance(1000);
    c.pin('fallback', ['media:a.mp3']);
    await c.resolveForAir('media:b.mp3'); // b used recently, a pinned
    await clock.advance(1000);
    const d = await c.add(file('d.mp3', 400));
    // over 1 MiB: b is the only unpinned older file
    expect(c.list().map((i) => i.name)).toEqual(['a.mp3', 'd.mp3']);
    expect(events.kinds()).toContain('media.evicted');
    expect(c.needed().has(a.sha256)).toBe(true);
    expect(c.list().find((i) => i.sha256 === d.sha256)?.pinned).toBe(false);
    void b;
  });

  it('names that are ambiguous or unknown are refused', async () => {
    const { c, file, dir } = await cache();
    await c.add(file('x.mp3', 2), 'same.mp3');
    await c.add(file('y.mp3', 2), 'same.mp3');
    expect(() => c.lookup('media:same.mp3')).toThrow(/names 2 files/);
    expect(() => c.lookup('media:other.mp3')).toThrow(/no such file in the cache/);
    expect(c.lookup('/elsewhere/file.mp3')).toBeUndefined();
    expect(c.lookup(join(dir, 'objects', 'f'.repeat(64)))).toBe('f'.repeat(64));
  });

  it('imports a folder, reporting what it skipped', async () => {
    const { c, file } = await cache();
    const p = file('one.mp3', 3);
    file('two.mp3', 3);
    file('readme.pdf', 1);
    const r = await c.importDir(join(p, '..'));
    expect(r.added.map((i) => i.name)).toEqual(['one.mp3', 'two.mp3']);
    await expect(c.importDir('/nonexistent-dir')).rejects.toThrow(/no such folder/);
  });
});
