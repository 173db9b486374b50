/**
 * The station module "uplink": reports to the district and obeys it (docs/link.md). Off when
 * no district is configured (--district or LOA_DISTRICT). Every station event goes to the
 * outbox (including those logged while the uplink was stopped: it catches up from the event
 * log on start); the status is sampled and what moved past its deadband goes too.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Timer } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { StationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Handler } from '../core/registry.js';
import { softwareVersion } from '../core/version.js';
import { LIVE_FEED } from '../live/port.js';
import { MEDIA_CACHE } from '../media/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import type { LinkSecurity } from '../security/credentials.js';
import type { JsonDoc } from '../store/doc.js';
import { flatten } from '../wire/flatten.js';
import { CommandRunner, type IncomingCommand } from './commands.js';
import { Deadband } from './deadband.js';
import { DesiredApplier } from './desired.js';
import { Link } from './link.js';
import { DirMediaCache, type MediaCacheLike, MediaFetcher } from './media.js';
import { StationMediaCache } from './media-cache.js';
import { Outbox } from './outbox.js';
import { resolveMediaParams } from './params.js';
import type { UplinkSettings } from './settings.js';
import { type UplinkState, uplinkStateDoc } from './state.js';

export interface UplinkOptions {
  dataDir: string;
  settings: UplinkSettings | undefined;
  /** The station's media cache; a content-addressed folder in the data directory by default. */
  cache?: MediaCacheLike;
  /** Mutual TLS to the hub (plain text when absent: a lab, security/config.ts). */
  security?: LinkSecurity | undefined;
}

interface Running {
  ctx: ModuleContext;
  log: Logger;
  outbox: Outbox;
  doc: JsonDoc<UplinkState>;
  desired: DesiredApplier;
  link: Link;
  fetcher: MediaFetcher;
  deadband: Deadband;
  stops: (() => void)[];
  sampler?: Timer;
}

export class UplinkModule implements StationModule {
  readonly name = 'uplink';
  readonly wants = [MEDIA_CACHE, LIVE_FEED];
  private r: Running | undefined;

  constructor(private readonly o: UplinkOptions) {}

  async start(ctx: ModuleContext): Promise<void> {
    const s = this.o.settings;
    if (!s) return;
    const { clock } = ctx;
    const log = ctx.log.child('uplink');
    const limits = { maxItems: s.outboxMaxItems, maxBytes: s.outboxMaxBytes, maxAgeMs: s.outboxMaxAgeMs };
    const outbox = await Outbox.open(join(this.o.dataDir, 'outbox.jsonl'), clock, limits, ctx.store.stats);
    const doc = uplinkStateDoc(this.o.dataDir, clock);
    await doc.load();
    const events = ctx.store.events;
    const media = ctx.want(MEDIA_CACHE);
    const cache =
      this.o.cache ??
      (media ? new StationMediaCache(media) : new DirMediaCache(join(this.o.dataDir, 'uplink-media')));
    let link: Link | undefined;
    const fetcher = new MediaFetcher(
      cache,
      join(this.o.dataDir, 'uplink-media', '.partial'),
      () => link?.chunkReader(),
      s.mediaChunkBytes,
    );
    const desired = new DesiredApplier(ctx.commands, doc, fetcher, clock, events);
    const resolve = (c: IncomingCommand) => resolveMediaParams(c, fetcher, clock);
    const runner = new CommandRunner(ctx.commands, doc, clock, events, resolve, ctx.gate);
    const deadband = new Deadband();
    const deps = {
      stationId: ctx.stationId,
      bootId: randomUUID(),
      softwareVersion: softwareVersion(),
      outbox,
      registry: ctx.commands,
      runner,
      desired,
      deadband,
      clock,
      log,
      live: ctx.want(LIVE_FEED),
    };
    link = new Link(s, deps, clock, log, this.o.security);
    const r: Running = { ctx, log, outbox, doc, desired, link, fetcher, deadband, stops: [] };
    this.r = r;
    media?.setRefetcher((sha) => this.fetchMedia(sha));
    r.stops.push(() => media?.setRefetcher(undefined));
    this.forwardEvents(r);
    // the core commands ('status') are registered before any module starts
    this.go(r, s);
  }

  async stop(): Promise<void> {
    const r = this.r;
    if (!r) return;
    this.r = undefined;
    r.sampler?.cancel();
    for (const s of r.stops) s();
    await r.link.stop();
    await r.outbox.flush();
    await r.doc.flush();
  }

  methods(): Record<string, Handler> {
    return {
      'uplink.status': () => this.status(),
      'uplink.desired': () => this.r?.doc.data.desired ?? null,
    };
  }

  status(): unknown {
    const r = this.r;
    if (!r) return { enabled: false };
    const o = r.outbox;
    return {
      enabled: true,
      district: this.o.settings?.district,
      /** The hub in use or tried next (several when the district lists more than one). */
      hub: r.link.hubs.current,
      hubs: r.link.hubs.all.length > 1 ? r.link.hubs.all : undefined,
      link: r.link.state,
      connectedSince: r.link.connectedSince,
      sessions: r.link.sessions,
      lastError: r.link.lastError,
      outbox: {
        items: o.size,
        bytes: o.byteSize,
        lastSeq: o.lastSeq,
        ackedSeq: o.ackedSeq,
        oldestTs: o.oldestTs,
        pendingDrops: o.pendingDrops.count,
      },
      desired: r.desired.report(),
      applier: r.doc.data.applied?.applier,
    };
  }

  /**
   * Fetches a file of the district's desired state again (the schedule found it missing or
   * damaged ahead of its window); undefined when the district cannot be asked for it: no link
   * configured, or a file the desired state does not list (its size is unknown).
   */
  fetchMedia(sha256: string): Promise<string> | undefined {
    const r = this.r;
    const ref = r?.doc.data.desired?.media.find((m) => m.sha256 === sha256);
    return r && ref ? r.fetcher.ensure(ref, true) : undefined;
  }

  /** Sends the events logged while the uplink was stopped, then every new one. */
  private forwardEvents(r: Running): void {
    const events = r.ctx.store.events;
    const send = (e: StationEvent) => {
      if (e.seq > r.outbox.lastEventSeq) r.outbox.enqueue({ kind: 'event', event: e });
    };
    for (const e of events.query({ sinceSeq: r.outbox.lastEventSeq + 1 })) send(e);
    r.stops.push(events.onEvent(send));
  }

  private go(r: Running, s: UplinkSettings): void {
    if (this.r !== r) return;
    const sample = () =>
      void this.sample(r).catch((e) => r.log.warn('status sample failed', { error: toLoaError(e).message }));
    void r.ctx.commands
      .call('status')
      .then((st) => r.deadband.reset(flatten(st)))
      .catch(() => undefined);
    r.sampler = r.ctx.clock.setInterval(sample, s.sampleMs);
    void r.desired.converge();
    r.link.start();
  }

  private async sample(r: Running): Promise<void> {
    const changes = r.deadband.diff(flatten(await r.ctx.commands.call('status')));
    if (Object.keys(changes).length > 0 && this.r === r) r.outbox.enqueue({ kind: 'changes', changes });
  }
}

/** The module for the daemon's module list: off (it does nothing) when no district is configured. */
export function uplinkModule(
  dataDir: string,
  settings: UplinkSettings | undefined,
  security?: LinkSecurity,
): UplinkModule {
  if (settings && !settings.district) throw new LoaError('CONFIG', 'uplink: district address missing');
  return new UplinkModule({ dataDir, settings, security });
}
