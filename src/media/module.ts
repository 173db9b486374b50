/**
 * The media cache as a station module ('media'), provided as port MEDIA_CACHE: the audio
 * engine resolves and verifies files through it, the schedule pins what its programmes need
 * (`cache.pin('schedule', refs)`), the uplink downloads into it.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { keyed } from '../core/errors.js';
import type { Handler } from '../core/registry.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { MediaCache } from './cache.js';
import { MEDIA_CACHE } from './port.js';

export class MediaModule implements StationModule {
  readonly name = 'media';
  readonly provides = [MEDIA_CACHE];
  cache!: MediaCache;

  constructor(private readonly o: { dataDir: string }) {}

  async start(ctx: ModuleContext): Promise<void> {
    this.cache = new MediaCache({
      dir: join(this.o.dataDir, 'media'),
      clock: ctx.clock,
      events: ctx.store.events,
    });
    await this.cache.open();
    ctx.provide(MEDIA_CACHE, this.cache);
  }

  async stop(): Promise<void> {
    await this.cache?.close();
  }

  methods(): Record<string, Handler> {
    return {
      'media.list': () => this.listing(),
      'media.add': (p) => this.add(p),
      'media.verify': (p) => this.verify(p),
    };
  }

  status(): unknown {
    const items = this.cache.list();
    return {
      files: items.length,
      usedMb: round1(this.cache.usedBytes() / 1048576),
      quotaMb: this.cache.manifest.data.quotaMb,
      pinned: items.filter((i) => i.pinned).length,
    };
  }

  private listing() {
    return { items: this.cache.list(), ...(this.status() as object) };
  }

  private async add(raw: unknown) {
    const path = (raw as { path?: unknown } | undefined)?.path;
    if (typeof path !== 'string' || !isAbsolute(path))
      throw keyed(
        'INVALID_ARGUMENT',
        `path: an absolute path to an audio file or a folder (got ${JSON.stringify(path)})`,
        'r.mediaPath',
        { got: JSON.stringify(path) ?? '-' },
      );
    const st = await stat(path).catch(() => {
      throw keyed('NOT_FOUND', `${path}: no such file or folder`, 'r.noFileOrFolder', { path });
    });
    if (st.isDirectory()) return this.cache.importDir(path);
    return { added: [await this.cache.add(path)], skipped: [] };
  }

  private async verify(raw: unknown) {
    const ref = (raw as { ref?: unknown } | undefined)?.ref;
    if (ref === undefined) return { results: await this.cache.verifyAll() };
    if (typeof ref !== 'string') throw keyed('INVALID_ARGUMENT', 'ref: a sha256 or media:NAME', 'r.ref');
    const sha = this.cache.lookup(ref);
    if (!sha) throw keyed('NOT_FOUND', `${ref}: not in the media cache`, 'r.notCached', { item: ref });
    const name = this.cache.manifest.data.items[sha]?.name ?? '';
    return { results: [{ ...(await this.cache.verify(sha)), name }] };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
