/**
 * The media cache: content-addressed files (objects/<sha256>) with a manifest (a JsonDoc).
 *
 * - Files come in through a temp file (copied and hashed at once, fsynced) and are renamed
 *   in, so a power cut never leaves half a file under a real name.
 * - A file is aired only when its hash still matches: `resolveForAir` re-hashes it first; a
 *   corrupt file is moved to quarantine/, dropped from the manifest and an alarm event says so.
 * - A quota with least-recently-used eviction that never evicts a pinned file: the schedule
 *   and the fallback playlist pin what they need (`pin(owner, refs)`).
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { isENOENT, keyed, LoaError, toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import { JsonDoc } from '../store/doc.js';
import { BridgeFiles, bridgeSchema, CacheBridges } from './bridges.js';
import { FreshChecks } from './fresh.js';
import { copyFileHashing, copyHashing, SHA256_HEX, sha256File } from './hash.js';
import { type ProbeResult, probeAudio } from './probe.js';

const itemSchema = z.object({
  name: z.string(),
  size: z.number().int().min(0),
  addedAt: z.number(),
  lastUsedAt: z.number(),
  durationMs: z.number().optional(),
  codec: z.string().optional(),
  /** The PCM bridge of a fallback item (bridges.ts). */
  bridge: bridgeSchema.optional(),
});
const manifestSchema = z.object({
  schema: z.literal(1),
  quotaMb: z.number().int().min(1).default(2048),
  items: z.record(z.string().regex(SHA256_HEX), itemSchema),
});
type Manifest = z.infer<typeof manifestSchema>;
export type MediaItem = z.infer<typeof itemSchema> & { sha256: string; pinned: boolean };

export interface MediaCacheOptions {
  dir: string;
  clock: Clock;
  events: EventSink;
  probe?: (path: string) => Promise<ProbeResult>;
}

// biome-ignore format: a list of names reads best on one line
export const AUDIO_EXTENSIONS = ['.mp3', '.wav', '.ogg', '.opus', '.oga', '.flac', '.m4a', '.aac', '.mp2', '.wma'];

export class MediaCache {
  readonly manifest: JsonDoc<Manifest>;
  private readonly pins = new Map<string, Set<string>>();
  private tmpSeq = 0;
  private readonly fresh: FreshChecks;
  private readonly bridgeFiles: BridgeFiles;
  /** The PCM bridges of fallback items (bridges.ts). */
  readonly bridges: CacheBridges;
  /** Who can fetch a file again from the district (the uplink, while it runs). */
  private refetcher: ((sha256: string) => Promise<string> | undefined) | undefined;

  constructor(private readonly o: MediaCacheOptions) {
    this.manifest = new JsonDoc({
      file: join(o.dir, 'manifest.json'),
      schema: manifestSchema,
      version: 1,
      clock: o.clock,
      flushMs: 200,
      defaults: () => ({ schema: 1, quotaMb: 2048, items: {} }),
    });
    this.fresh = new FreshChecks(o.clock);
    this.bridgeFiles = new BridgeFiles(join(o.dir, 'bridges'), join(o.dir, 'tmp'));
    this.bridges = new CacheBridges(this, this.bridgeFiles, o.events);
  }

  get objects(): string {
    return join(this.o.dir, 'objects');
  }

  async open(): Promise<void> {
    for (const d of ['objects', 'tmp', 'quarantine', 'bridges'])
      await mkdir(join(this.o.dir, d), { recursive: true });
    await this.manifest.load();
    // leftovers of an import cut short by a power loss
    for (const f of await readdir(join(this.o.dir, 'tmp')))
      await rm(join(this.o.dir, 'tmp', f), { force: true });
  }

  async close(): Promise<void> {
    await this.manifest.flush();
  }

  pathOf(sha: string): string {
    return join(this.objects, sha);
  }

  /** Imports a local file (probed first: only decodable audio gets in). */
  async add(file: string, name = basename(file)): Promise<MediaItem> {
    const st = await stat(file).catch((e) => {
      throw new LoaError(
        'NOT_FOUND',
        isENOENT(e) ? `${file}: no such file` : `${file}: ${(e as Error).message}`,
        {},
        isENOENT(e) ? { key: 'r.noFile', vars: { path: file } } : undefined,
      );
    });
    if (!st.isFile())
      throw keyed('INVALID_ARGUMENT', `${file}: not a regular file`, 'r.notFile', { path: file });
    const p = await (this.o.probe ?? probeAudio)(file);
    if (!p.ok)
      throw keyed('INVALID_ARGUMENT', `${file}: not playable audio (${p.error})`, 'r.notAudio', {
        path: file,
        error: p.error ?? '',
      });
    return this.ingest(file, { name, probe: p });
  }

  /** Takes a stream (a download) or a local file in: temp file, hash, optional expected hash, rename in. */
  async ingest(
    input: Readable | string,
    o: { name: string; expectSha256?: string; probe?: ProbeResult },
  ): Promise<MediaItem> {
    const tmp = join(this.o.dir, 'tmp', `in-${process.pid}-${++this.tmpSeq}`);
    try {
      const { sha256, size } = await (typeof input === 'string'
        ? copyFileHashing(input, tmp)
        : copyHashing(input, tmp));
      if (o.expectSha256 && o.expectSha256 !== sha256)
        throw new LoaError(
          'REFUSED',
          `${o.name}: content hash ${sha256} does not match the expected ${o.expectSha256}`,
        );
      const probe = o.probe ?? (await (this.o.probe ?? probeAudio)(tmp));
      if (!probe.ok)
        throw keyed('INVALID_ARGUMENT', `${o.name}: not playable audio (${probe.error})`, 'r.notAudio', {
          path: o.name,
          error: probe.error ?? '',
        });
      await rename(tmp, this.pathOf(sha256));
      return this.record(sha256, size, o.name, probe);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** Every audio file of a folder (not recursive); what cannot be imported is listed with why. */
  async importDir(
    dir: string,
  ): Promise<{ added: MediaItem[]; skipped: Array<{ file: string; why: string; whyText?: Text }> }> {
    const names = (
      await readdir(dir).catch((e) => {
        throw new LoaError(
          'NOT_FOUND',
          `${dir}: ${isENOENT(e) ? 'no such folder' : (e as Error).message}`,
          {},
          isENOENT(e) ? { key: 'r.noFolder', vars: { path: dir } } : undefined,
        );
      })
    ).sort();
    const added: MediaItem[] = [];
    const skipped: Array<{ file: string; why: string; whyText?: Text }> = [];
    for (const n of names) {
      const file = join(dir, n);
      if (!AUDIO_EXTENSIONS.includes(extname(n).toLowerCase())) continue;
      try {
        added.push(await this.add(file));
      } catch (e) {
        const err = toLoaError(e);
        skipped.push({ file, why: err.message, ...(err.text ? { whyText: err.text } : {}) });
      }
    }
    return { added, skipped };
  }

  /** A media reference (sha256, media:SHA, media:NAME or a path in the cache) → its sha256. */
  lookup(ref: string): string | undefined {
    const r = ref.startsWith('media:') ? ref.slice(6) : ref;
    if (SHA256_HEX.test(r)) return r;
    if (resolve(dirname(r)) === resolve(this.objects) && SHA256_HEX.test(basename(r))) return basename(r);
    if (!ref.startsWith('media:')) return undefined;
    const hits = Object.entries(this.manifest.data.items).filter(([, i]) => i.name === r);
    if (hits.length > 1)
      throw keyed(
        'INVALID_ARGUMENT',
        `media:${r} names ${hits.length} files; use the sha256 instead`,
        'r.ambiguous',
        {
          name: r,
          n: hits.length,
        },
      );
    if (!hits[0])
      throw keyed('NOT_FOUND', `media:${r}: no such file in the cache`, 'r.notCached', {
        item: `media:${r}`,
      });
    return hits[0][0];
  }

  /**
   * The path to air for `ref`, verified: cache files only when their sha256 still matches;
   * other paths must exist. Throws (and never returns a corrupt file).
   */
  async resolveForAir(ref: string): Promise<string> {
    const sha = this.lookup(ref);
    if (!sha) {
      await stat(ref).catch(() => {
        throw keyed('NOT_FOUND', `${ref}: no such file`, 'r.noFile', { path: ref });
      });
      return ref;
    }
    const v = await this.fresh.check(sha, this.pathOf(sha), () => this.verify(sha));
    if (!v.ok)
      throw keyed('REFUSED', `media ${sha.slice(0, 12)}… not aired: ${v.problem}`, 'r.mediaDamaged', {
        sha: `${sha.slice(0, 12)}…`,
      });
    this.manifest.update((m) => {
      const it = m.items[sha];
      if (it) it.lastUsedAt = this.o.clock.now();
    });
    return this.pathOf(sha);
  }

  /** Re-hashes one file; a mismatch or a missing file is quarantined and reported. */
  async verify(sha: string): Promise<Verified> {
    const item = this.manifest.data.items[sha];
    if (!item)
      return {
        sha256: sha,
        ok: false,
        problem: 'not in the cache',
        problemText: { key: 'r.media.notCached' },
      };
    let actual: string;
    try {
      actual = await sha256File(this.pathOf(sha));
    } catch (e) {
      if (isENOENT(e)) return this.reject(sha, item.name, 'file missing', { key: 'r.media.missing' });
      return this.reject(sha, item.name, (e as Error).message);
    }
    if (actual !== sha)
      return this.reject(sha, item.name, `content changed (sha256 now ${actual.slice(0, 12)}…)`, {
        key: 'r.media.changed',
        vars: { now: `${actual.slice(0, 12)}…` },
      });
    return { sha256: sha, ok: true };
  }

  async verifyAll(): Promise<Array<Verified & { name: string }>> {
    const out = [];
    for (const [sha, it] of Object.entries(this.manifest.data.items))
      out.push({ ...(await this.verify(sha)), name: it.name });
    return out;
  }

  /** What `owner` (schedule, fallback) needs kept; replaces that owner's previous set. */
  /** The uplink offers to fetch files of the district's desired state again; undefined: withdrawn. */
  setRefetcher(fn: ((sha256: string) => Promise<string> | undefined) | undefined): void {
    this.refetcher = fn;
  }

  /**
   * Asks the district for a file again (the schedule found it missing or damaged ahead of its
   * window); undefined when no one can: no uplink, or a file the district did not send.
   */
  refetch(sha256: string): Promise<string> | undefined {
    return this.refetcher?.(sha256);
  }

  pin(owner: string, refs: string[]): void {
    const shas = new Set<string>();
    for (const r of refs) {
      const sha = this.lookupQuiet(r);
      if (sha) shas.add(sha);
    }
    this.pins.set(owner, shas);
  }

  needed(): Set<string> {
    const all = new Set<string>();
    for (const s of this.pins.values()) for (const x of s) all.add(x);
    return all;
  }

  list(): MediaItem[] {
    const need = this.needed();
    return (
      Object.entries(this.manifest.data.items)
        // the bridge's block hashes are the cache's business, not a listing's
        .map(([sha256, { bridge: _bridge, ...i }]) => ({ sha256, ...i, pinned: need.has(sha256) }))
        .sort((a, b) => a.name.localeCompare(b.name))
    );
  }

  usedBytes(): number {
    return Object.values(this.manifest.data.items).reduce((t, i) => t + i.size, 0);
  }

  setQuota(mb: number): void {
    this.manifest.update((m) => {
      m.quotaMb = mb;
    });
  }

  /** Least recently used first, never a pinned file, until under the quota. */
  async evict(): Promise<string[]> {
    const quota = this.manifest.data.quotaMb * 1024 * 1024;
    const need = this.needed();
    const lru = Object.entries(this.manifest.data.items)
      .filter(([sha]) => !need.has(sha))
      .sort((a, b) => a[1].lastUsedAt - b[1].lastUsedAt);
    const gone: string[] = [];
    let used = this.usedBytes();
    for (const [sha, it] of lru) {
      if (used <= quota) break;
      await rm(this.pathOf(sha), { force: true });
      this.forget(sha);
      used -= it.size;
      gone.push(sha);
      this.o.events.emit({
        kind: 'media.evicted',
        severity: 'info',
        sub: 'media',
        message: `evicted ${it.name} (least recently used, ${Math.round(it.size / 1024)} KiB)`,
        text: { key: 'ev.media.evicted', vars: { name: it.name, kib: Math.round(it.size / 1024) } },
        details: { sha256: sha, name: it.name, size: it.size },
      });
    }
    return gone;
  }

  /** lookup() without throwing: undefined for an unknown or ambiguous reference. */
  lookupQuiet(ref: string): string | undefined {
    try {
      return this.lookup(ref);
    } catch {
      return undefined;
    }
  }

  private async record(sha: string, size: number, name: string, p: ProbeResult): Promise<MediaItem> {
    const now = this.o.clock.now();
    this.manifest.update((m) => {
      const old = m.items[sha];
      m.items[sha] = {
        name,
        size,
        addedAt: old?.addedAt ?? now,
        lastUsedAt: now,
        ...(p.durationMs !== undefined ? { durationMs: p.durationMs } : {}),
        ...(p.codec ? { codec: p.codec } : {}),
      };
    });
    await this.manifest.flush();
    await this.evict();
    const it = this.manifest.data.items[sha];
    if (!it) throw keyed('REFUSED', `${name}: larger than the media quota`, 'r.overQuota', { name });
    return { sha256: sha, ...it, pinned: this.needed().has(sha) };
  }

  private forget(sha: string): void {
    this.manifest.update((m) => {
      delete m.items[sha];
    });
    void this.bridgeFiles.remove(sha);
  }

  private async reject(sha: string, name: string, problem: string, problemText?: Text): Promise<Verified> {
    await rename(this.pathOf(sha), join(this.o.dir, 'quarantine', `${sha}-${this.o.clock.now()}`)).catch(
      () => undefined,
    );
    this.forget(sha);
    this.o.events.emit({
      kind: 'media.corrupt',
      severity: 'alarm',
      sub: 'media',
      message: `${name} (${sha.slice(0, 12)}…) failed verification and will not be aired: ${problem}`,
      text: { key: 'ev.media.corrupt', vars: { name } },
      details: { sha256: sha, name, problem },
    });
    return { sha256: sha, ok: false, problem, ...(problemText ? { problemText } : {}) };
  }
}

/** One file's verification; the problem also as words for stationctl (problemText). */
export interface Verified {
  sha256: string;
  ok: boolean;
  problem?: string;
  problemText?: Text;
}
