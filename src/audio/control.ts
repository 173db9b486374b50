/**
 * The audio commands of the station's control API (stationctl audio/play/stop/fallback):
 * each validates its input first, names the field and what is allowed, and changes nothing
 * when it refuses. Their audit record (who, role, parameters, result) is the one `command`
 * event the station's CommandGate writes for every command (security/audit.ts).
 */

import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { keyed } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { invalidInput } from '../core/validate.js';
import type { Profile } from '../hal/profile.js';
import type { MediaCache } from '../media/cache.js';
import { probeAudio } from '../media/probe.js';
import type { StationPower } from '../power/ports.js';
import type { JsonDoc } from '../store/doc.js';
import type { AudioConfig } from './config.js';
import type { AudioEngine, EngineStatus } from './engine.js';
import type { ManualPlays } from './manual-plays.js';
import type { ConfidenceMonitor } from './monitor.js';
import type { SourceSpec } from './port.js';

export const playSchema = z.strictObject({
  source: z.string().min(1).max(4096),
  zones: z.array(z.number().int()).max(32).optional(),
  slot: z.enum(['programme', 'emergency']).default('programme'),
  id: z.string().min(1).max(128).optional(),
});
const stopSchema = z.strictObject({
  slot: z.enum(['programme', 'emergency', 'fallback']).default('programme'),
  id: z.string().optional(),
});
export const addSchema = z.strictObject({ item: z.string().min(1).max(4096) });

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input ?? {}, { reportInput: true });
  if (!r.success) throw invalidInput(what, r.error.issues);
  return r.data;
}

/**
 * Bridges are made for the first items only: 32 × 20 s is 123 MB of disk; later items of a
 * longer fallback list are armed the old way, with a paused ffmpeg.
 */
const MAX_BRIDGED = 32;

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** What the audio commands drive besides the engine. */
export interface AudioControlDeps {
  clock: Clock;
  events: EventSink;
  profile: Profile;
  power: StationPower;
}

export class AudioControl {
  constructor(
    private readonly station: AudioControlDeps,
    private readonly engine: AudioEngine,
    private readonly config: JsonDoc<AudioConfig>,
    private readonly media: MediaCache | undefined,
    private readonly manual?: ManualPlays,
  ) {}

  status(monitor: ConfidenceMonitor | undefined): EngineStatus & { monitor: string | null } {
    const m = this.config.data.monitor;
    return { ...this.engine.status(), monitor: monitor ? `http://${m.host}:${monitor.port}/` : null };
  }

  /** `stationctl play FILE|URL [--zones 1,2]`: a manual programme, zones switched on. */
  async play(raw: unknown) {
    const p = parse(playSchema, raw, 'play');
    const ids = this.station.profile.zones.map((z) => z.id);
    for (const z of p.zones ?? [])
      if (!ids.includes(z))
        throw keyed('INVALID_ARGUMENT', `zones: allowed ${ids.join(', ')} (got ${z})`, 'r.zones', {
          allowed: ids.join(', '),
          got: z,
        });
    const source: SourceSpec = isUrl(p.source)
      ? { kind: 'stream', url: p.source }
      : { kind: 'file', path: p.source };
    if (source.kind === 'file' && !p.source.startsWith('media:') && !isAbsolute(p.source))
      throw keyed(
        'INVALID_ARGUMENT',
        `source: an absolute file path, media:NAME or a URL (got "${p.source}")`,
        'r.playSource',
        { got: p.source },
      );
    const id = p.id ?? `manual-${this.station.clock.now()}`;
    await this.engine.play(p.slot, { id, source });
    await this.manual?.remember(p.slot, id, source);
    for (const z of p.zones ?? []) await this.station.power.chain.setZone(z, true);
    if (p.zones?.length) this.station.power.saveCommanded();
    return { slot: p.slot, id, source, zones: p.zones ?? [], power: this.station.power.chain.state };
  }

  async stop(raw: unknown) {
    const p = parse(stopSchema, raw, 'stop');
    const before = this.engine.status().slots[p.slot]?.id;
    await this.engine.stop(p.slot, p.id);
    return { slot: p.slot, stopped: before ?? null };
  }

  fallbackList() {
    const f = this.config.data.fallback;
    const names = this.media?.manifest.data.items ?? {};
    return {
      items: f.items.map((ref) => {
        const sha = ref.startsWith('media:') ? ref.slice(6) : undefined;
        return { ref, name: sha ? (names[sha]?.name ?? null) : ref };
      }),
      shuffle: f.shuffle,
      playing: this.engine.status().slots.fallback?.id === 'fallback',
    };
  }

  /** Adds a file (imported into the media cache, so it is verified and kept) or a media ref. */
  async fallbackAdd(raw: unknown) {
    const { item } = parse(addSchema, raw, 'fallback add');
    const ref = await this.toMediaRef(item);
    const items = [...this.config.data.fallback.items, ref];
    this.config.update((c) => {
      c.fallback.items = items;
    });
    await this.config.flush();
    await this.applyFallback();
    return this.fallbackList();
  }

  /**
   * (Re)starts the fallback playlist in the 'fallback' slot, pinned in the media cache. Missing
   * PCM bridges are made first (`stationctl fallback add`), or, at start-up, behind it so the
   * station is on air at once; the playlist picks them up when it next arms an item.
   */
  async applyFallback(bridges: 'wait' | 'background' = 'wait'): Promise<void> {
    const f = this.config.data.fallback;
    this.media?.pin('fallback', f.items);
    if (f.items.length === 0) return this.engine.stop('fallback');
    const bridge = f.bridgeSeconds > 0 && !!this.media;
    const made = bridge ? this.makeBridges(f.items.slice(0, MAX_BRIDGED), f.bridgeSeconds) : undefined;
    if (bridges === 'wait') await made;
    await this.engine.play('fallback', {
      id: 'fallback',
      source: { kind: 'playlist', paths: f.items, loop: true, shuffle: f.shuffle, bridge },
    });
  }

  /** A bridge that cannot be made is reported; its item still plays (armed with ffmpeg). */
  private async makeBridges(refs: string[], seconds: number): Promise<void> {
    for (const ref of refs)
      await this.media?.bridges.ensure(ref, seconds).catch((e) =>
        this.station.events.emit({
          kind: 'audio.bridge-failed',
          severity: 'warning',
          sub: 'audio',
          message: `no PCM bridge for fallback item ${ref}: ${(e as Error).message}`,
          text: { key: 'ev.audio.bridge-failed', vars: { ref } },
          details: { ref },
        }),
      );
  }

  private async toMediaRef(item: string): Promise<string> {
    if (item.startsWith('media:')) {
      if (!this.media) throw keyed('REFUSED', 'no media cache on this station', 'r.noCache');
      const sha = this.media.lookup(item);
      if (!sha || !this.media.manifest.data.items[sha])
        throw keyed('NOT_FOUND', `${item}: not in the media cache`, 'r.notCached', { item });
      return `media:${sha}`;
    }
    if (!isAbsolute(item))
      throw keyed('INVALID_ARGUMENT', `item: an absolute file path or media:NAME (got "${item}")`, 'r.item', {
        got: item,
      });
    if (this.media) return `media:${(await this.media.add(item)).sha256}`;
    await stat(item).catch(() => {
      throw keyed('NOT_FOUND', `${item}: no such file`, 'r.noFile', { path: item });
    });
    const p = await probeAudio(item);
    if (!p.ok)
      throw keyed('INVALID_ARGUMENT', `${item}: not playable audio (${p.error})`, 'r.notAudio', {
        path: item,
        error: p.error ?? '',
      });
    return item;
  }
}
