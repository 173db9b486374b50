/**
 * The media cache as a station module ('media'). Other modules find it by name in
 * `station.modules` and use `cache`: the audio engine resolves and verifies files through
 * it, the schedule pins what its programmes need (`cache.pin('schedule', refs)`).
 */

import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Handler } from '../api/local.js';
import { LoaError } from '../core/errors.js';
import type { StationModule } from '../module/module.js';
import type { Station } from '../station/station.js';
import { MediaCache } from './cache.js';

export class MediaModule implements StationModule {
  readonly name = 'media';
  cache!: MediaCache;

  constructor(private readonly o: { dataDir: string }) {}

  async start(station: Station): Promise<void> {
    this.cache = new MediaCache({
      dir: join(this.o.dataDir, 'media'),
      clock: station.o.clock,
      events: station.store.events,
    });
    await this.cache.open();
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
      throw new LoaError(
        'INVALID_ARGUMENT',
        `path: an absolute path to an audio file or a folder (got ${JSON.stringify(path)})`,
      );
    const st = await stat(path).catch(() => {
      throw new LoaError('NOT_FOUND', `${path}: no such file or folder`);
    });
    if (st.isDirectory()) return this.cache.importDir(path);
    return { added: [await this.cache.add(path)], skipped: [] };
  }

  private async verify(raw: unknown) {
    const ref = (raw as { ref?: unknown } | undefined)?.ref;
    if (ref === undefined) return { results: await this.cache.verifyAll() };
    if (typeof ref !== 'string') throw new LoaError('INVALID_ARGUMENT', 'ref: a sha256 or media:NAME');
    const sha = this.cache.lookup(ref);
    if (!sha) throw new LoaError('NOT_FOUND', `${ref}: not in the media cache`);
    const name = this.cache.manifest.data.items[sha]?.name ?? '';
    return { results: [{ ...(await this.cache.verify(sha)), name }] };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The media module of a station, if it runs one. */
export function mediaOf(station: Station): MediaModule | undefined {
  return station.modules.find((m): m is MediaModule => m.name === 'media' && m instanceof MediaModule);
}
